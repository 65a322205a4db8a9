using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Orleans.Configuration;
using Orleans.Serialization;
using Switchboard.Api.Agents;
using Switchboard.Api.ApiKeys;
using Switchboard.Api.Auth;
using Switchboard.Api.CannedResponses;
using Switchboard.Api.Channels;
using Switchboard.Api.Contacts;
using Switchboard.Api.Conversations;
using Switchboard.Api.Hosting;
using Switchboard.Api.Labels;
using Switchboard.Api.Media;
using Switchboard.Api.Problems;
using Switchboard.Api.Settings;
using Switchboard.Api.Templates;
using Switchboard.Api.Tenants;
using Switchboard.Api.Webhooks;
using Switchboard.Channels.WhatsApp;
using Switchboard.Grains;
using Switchboard.Inbox;
using Switchboard.Inbox.Realtime;
using Switchboard.Storage;
using Switchboard.Storage.Cluster;

// The Api: REST for agents and API clients, provider webhooks, the SignalR hub and the console's
// files. An Orleans client of the silos (gateways found in the membership table): every change to
// a conversation is a call to its grain. Stateless; scale by count.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    // The console's files travel with the assembly, so the Api serves them whatever directory it starts in.
    WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
});
builder.Logging.ClearProviders().AddJsonConsole(o => o.IncludeScopes = true);

builder.Services.AddOptions<OperatorOptions>().Bind(builder.Configuration.GetSection(OperatorOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddStorage(builder.Configuration);
builder.Services.AddWhatsAppChannel(builder.Configuration);
builder.Services.AddInboxHub();
builder.UseOrleansClient(client =>
{
    client.Configure<ClusterOptions>(builder.Configuration.GetSection("Orleans"));
    // A silo that comes back (restarted, or a new one) is used within seconds, not a minute.
    client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(5));
    client.UseClusterMembership();
    client.Services.AddSerializer(serializer => serializer.AddGrainContracts());
    client.UseConnectionRetryFilter<ClusterConnectionRetry>();
});
builder.Services.ConfigureHttpJsonOptions(o => WireJson.Configure(o.SerializerOptions));
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = StableProblemTypes.Apply);
builder.Services.AddExceptionHandler<ExceptionProblems>();
builder.Services.AddSwitchboardAuth();
builder.Services.AddClusterDataProtection();
builder.Services.AddSingleton<Passwords>();
builder.Services.AddSingleton<ConversationGrains>();
builder.Services.AddSingleton<OutboundContentParser>();
builder.Services.AddSingleton<TemplateStatusNotifier>();
builder.Services.AddSingleton<WebhookIntake>();
builder.Services.AddSingleton<WebhookProcessor>();
builder.Services.AddSingleton<WebhookInbox>();
builder.Services.AddHostedService<WebhookInboxSweeper>();
builder.Services.AddHealthChecks().AddCheck<ClusterHealthCheck>("cluster", tags: ["ready"]);
builder.Services.AddOpenApi();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();

// The agent console (src/Web, built by Vite into wwwroot) is static and public; its data is not.
app.UseDefaultFiles();
app.UseStaticFiles();
app.UseAuthentication();
app.UseAuthorization();

app.MapGet("/healthz", () => Results.Ok(new { status = "up" })).AllowAnonymous().ExcludeFromDescription();
app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
app.MapOpenApi().AllowAnonymous();
app.MapAuthEndpoints();
app.MapTenantEndpoints();
app.MapAgentEndpoints();
app.MapWhatsAppWebhookEndpoints();
app.MapConversationEndpoints();
app.MapHub<InboxHub>("/hubs/inbox");
app.MapApiKeyEndpoints();
app.MapChannelEndpoints();
app.MapContactEndpoints();
app.MapLabelEndpoints();
app.MapCannedResponseEndpoints();
app.MapTemplateEndpoints();
app.MapMediaEndpoints();
app.MapSettingsEndpoints();

app.MapFallback(ConsolePage.ServeAsync).AllowAnonymous().ExcludeFromDescription();

app.Run();

public partial class Program;
