using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Switchboard.Api.Agents;
using Switchboard.Api.Auth;
using Switchboard.Api.Hosting;
using Switchboard.Api.Problems;
using Switchboard.Api.Tenants;
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

app.Run();

public partial class Program;
