using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Switchboard.Api.Agents;
using Switchboard.Api.ApiKeys;
using Switchboard.Api.Auth;
using Switchboard.Api.CannedResponses;
using Switchboard.Api.Channels;
using Switchboard.Api.Contacts;
using Switchboard.Api.Hosting;
using Switchboard.Api.Labels;
using Switchboard.Api.Media;
using Switchboard.Api.Problems;
using Switchboard.Api.Settings;
using Switchboard.Api.Templates;
using Switchboard.Api.Tenants;
using Switchboard.Channels.WhatsApp;
using Switchboard.Cluster.Channels;
using Switchboard.Cluster.Media;
using Switchboard.Cluster.Templates;
using Switchboard.Runtime.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.Logging.ClearProviders().AddJsonConsole(o => o.IncludeScopes = true);

builder.Services.AddOptions<OperatorOptions>().Bind(builder.Configuration.GetSection(OperatorOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddGrainRuntime(builder.Configuration);
builder.Services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions));
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = StableProblemTypes.Apply);
builder.Services.AddExceptionHandler<ExceptionProblems>();
builder.Services.AddSwitchboardAuth();
builder.Services.AddDataProtection().SetApplicationName("switchboard");
builder.Services.AddSingleton<PostgresXmlRepository>();
builder.Services.AddOptions<KeyManagementOptions>().Configure<PostgresXmlRepository>((o, repository) => o.XmlRepository = repository);
builder.Services.AddSingleton<Passwords>();
builder.Services.AddOpenApi();
builder.Services.AddWhatsAppChannel(builder.Configuration);
builder.Services.TryAddSingleton<ChannelStore>();
builder.Services.TryAddSingleton<MediaStore>();
builder.Services.TryAddSingleton<TemplateCatalog>();
builder.Services.TryAddSingleton<TemplateStatusStore>();
builder.Services.TryAddSingleton<MediaUploadWriter>();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();

app.MapGet("/healthz", () => Results.Ok(new { status = "up" })).AllowAnonymous().ExcludeFromDescription();
app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
app.MapOpenApi().AllowAnonymous();
app.MapAuthEndpoints();
app.MapTenantEndpoints();
app.MapAgentEndpoints();
app.MapApiKeyEndpoints();
app.MapChannelEndpoints();
app.MapContactEndpoints();
app.MapLabelEndpoints();
app.MapCannedResponseEndpoints();
app.MapTemplateEndpoints();
app.MapMediaEndpoints();
app.MapSettingsEndpoints();

app.Run();

public partial class Program;
