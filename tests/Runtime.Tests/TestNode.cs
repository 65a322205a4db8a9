using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Runtime.Grains;
using Switchboard.Runtime.Hosting;
using Switchboard.Testing;

namespace Switchboard.Runtime.Tests;

/// <summary>
/// One "node" of the cluster inside the test process: its own service provider, data
/// source, runtime and workers, sharing only PostgreSQL and Redis with other nodes — as
/// separate processes would.
/// </summary>
public static class TestNode
{
    public static ServiceProvider Create(
        PostgresDatabase database,
        string redisPrefix,
        Action<IServiceCollection>? configure = null,
        IDictionary<string, string?>? settings = null,
        string? redisConfiguration = null) =>
        Create(database.ConnectionString, redisPrefix, configure, settings, redisConfiguration);

    public static ServiceProvider Create(
        string connectionString,
        string redisPrefix,
        Action<IServiceCollection>? configure = null,
        IDictionary<string, string?>? settings = null,
        string? redisConfiguration = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Postgres:ConnectionString"] = connectionString,
            ["Postgres:MigrateOnStart"] = "false",
            ["Redis:Configuration"] = redisConfiguration ?? TestEnvironment.RedisConfiguration,
            ["Redis:Prefix"] = redisPrefix,
            ["Runtime:Reminders:PollInterval"] = "00:00:00.020",
            ["Runtime:Outbox:RelayGrace"] = "00:00:00",
            ["Runtime:Work:PollInterval"] = "00:00:00.050",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddGrainRuntime(configuration);
        services.AddSiloWorkers();
        services.AddGrain(new CounterGrain());
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }

    public static GrainRuntime Runtime(this IServiceProvider node) => node.GetRequiredService<GrainRuntime>();

    public static CounterGrain Counter(this IServiceProvider node) => node.GetRequiredService<CounterGrain>();
}
