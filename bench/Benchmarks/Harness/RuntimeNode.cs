using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Switchboard.Runtime.Hosting;

namespace Switchboard.Benchmarks.Harness;

/// <summary>
/// One node of the cluster inside the benchmark process, built from configuration exactly as
/// the Silo builds itself (AddGrainRuntime, optionally AddSiloWorkers) with its own data source
/// and pool, and started as a host so its background services run — the post-commit outbox
/// publisher is part of what a turn costs. Product defaults everywhere unless a setting says otherwise.
/// </summary>
public static class RuntimeNode
{
    public static async Task<IHost> StartAsync(
        string connectionString,
        string redisPrefix,
        bool siloWorkers,
        Action<IServiceCollection> grains,
        IDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        var values = new Dictionary<string, string?>
        {
            ["Postgres:ConnectionString"] = connectionString,
            ["Postgres:MigrateOnStart"] = "false",
            ["Redis:Configuration"] = Switchboard.Testing.TestEnvironment.RedisConfiguration,
            ["Redis:Prefix"] = redisPrefix,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(values);
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddGrainRuntime(builder.Configuration);
        if (siloWorkers)
        {
            builder.Services.AddSiloWorkers();
        }

        grains(builder.Services);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
