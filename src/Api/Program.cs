using Microsoft.AspNetCore.Diagnostics.HealthChecks;
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
using Switchboard.Api.Realtime;
using Switchboard.Api.Settings;
using Switchboard.Api.Templates;
using Switchboard.Api.Tenants;
using Switchboard.Api.Webhooks;
using Switchboard.Cluster;

// The console's files travel with the assembly, so the Api serves them whatever directory it starts in.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
});
builder.Logging.ClearProviders().AddJsonConsole(o => o.IncludeScopes = true);

builder.Services.AddOptions<OperatorOptions>().Bind(builder.Configuration.GetSection(OperatorOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddCluster(builder.Configuration);
builder.Services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions));
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = StableProblemTypes.Apply);
builder.Services.AddExceptionHandler<ExceptionProblems>();
builder.Services.AddSwitchboardAuth();
builder.Services.AddClusterDataProtection();
builder.Services.AddSingleton<Passwords>();
builder.Services.AddSingleton<ConversationQueries>();
builder.Services.AddSingleton<OutboundContentParser>();
builder.Services.AddSingleton<WebhookPump>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<WebhookPump>());
builder.Services.AddSingleton<InboxPresence>();
builder.Services.AddHostedService<InboxRelay>();
builder.Services.AddSignalR().AddJsonProtocol(o => ApiJson.Configure(o.PayloadSerializerOptions));
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
