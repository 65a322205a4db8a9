using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Orleans.Configuration;
using Orleans.Dashboard;
using Switchboard.Grains.Hosting;
using Switchboard.Silo.Hosting;
using Switchboard.Storage.Cluster;

// An Orleans silo: hosts the grains (conversations, the due-time sweepers), is a member of the
// cluster through PostgreSQL, and publishes to agents' screens through SignalR's Redis backplane.
// Over HTTP it serves only health and the Orleans dashboard (for operators, on an internal port).
var builder = WebApplication.CreateBuilder(args);
builder.Logging.ClearProviders().AddJsonConsole(o => o.IncludeScopes = true);

var endpoints = builder.Configuration.GetSection(SiloEndpointOptions.Section).Get<SiloEndpointOptions>() ?? new SiloEndpointOptions();
builder.Services.AddOptions<SiloEndpointOptions>().BindConfiguration(SiloEndpointOptions.Section).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddGrainServices(builder.Configuration);
builder.UseOrleans(silo =>
{
    silo.Configure<ClusterOptions>(builder.Configuration.GetSection("Orleans"));
    silo.ConfigureEndpoints(endpoints.Address, endpoints.SiloPort, endpoints.GatewayPort, endpoints.ListenOnAnyAddress);
    silo.UseClusterMembership();
    silo.AddGrainRuntime();
    silo.AddDashboard();
});

var app = builder.Build();
app.MapGet("/healthz", () => Results.Ok(new { status = "up" }));
app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
app.MapOrleansDashboard("/dashboard");
app.Run();

public partial class Program;
