using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Switchboard.Cluster;

// A silo runs the cluster's background work: due reminders, side effects of committed
// events (provider sends), the outbox relay and campaign workers. It serves only health.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.ClearProviders().AddJsonConsole(o => o.IncludeScopes = true);
builder.Services.AddCluster(builder.Configuration);
builder.Services.AddClusterWorkers();

var app = builder.Build();
app.MapGet("/healthz", () => Results.Ok(new { status = "up" }));
app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
app.Run();

public partial class Program;
