using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.Serialization;
using Switchboard.Benchmarks.Inbound;
using Switchboard.Grains;
using Switchboard.Storage.Cluster;
using Switchboard.Testing;

namespace Switchboard.Benchmarks.Harness;

/// <summary>
/// Silos as ./run starts them (Release builds, Production, their own appsettings.json, a pool of
/// 50) over a fresh database, one cluster of their own, and this process as an Orleans client of
/// them, the way an Api node is: it finds the gateways in the membership table.
/// </summary>
public sealed class BenchSilos : IAsyncDisposable
{
    private readonly List<ChildProcess> silos = [];
    private readonly Dictionary<string, string> settings;
    private IHost? client;

    private BenchSilos(PostgresDatabase database, Dictionary<string, string> settings)
    {
        Database = database;
        this.settings = settings;
    }

    public PostgresDatabase Database { get; }

    public IClusterClient Client => client?.Services.GetRequiredService<IClusterClient>() ?? throw new InvalidOperationException("No client yet.");

    public IReadOnlyList<ChildProcess> Silos => silos;

    public static async Task<BenchSilos> StartAsync(int count)
    {
        var database = new PostgresDatabase();
        await database.InitializeAsync();
        var cluster = new BenchSilos(database, new Dictionary<string, string>
        {
            ["Postgres:ConnectionString"] = ServerPool.ConnectionString(database),
            ["Postgres:MigrateOnStart"] = "false",
            ["Redis:Configuration"] = TestEnvironment.RedisConfiguration,
            ["Redis:Prefix"] = "bench-" + Guid.NewGuid().ToString("N")[..8] + ":",
            ["Orleans:ClusterId"] = "bench-" + Guid.NewGuid().ToString("N")[..8],
        });
        for (var i = 0; i < count; i++)
        {
            await cluster.AddSiloAsync();
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(cluster.settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)));
        builder.Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole());
        builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(ServerPool.ConnectionString(database)));
        builder.UseOrleansClient(orleans =>
        {
            orleans.Configure<ClusterOptions>(builder.Configuration.GetSection("Orleans"));
            orleans.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(1));
            orleans.UseClusterMembership();
            orleans.Services.AddSerializer(serializer => serializer.AddGrainContracts());
        });
        cluster.client = builder.Build();
        await cluster.client.StartAsync();
        return cluster;
    }

    /// <summary>
    /// Starts one more silo and waits until the cluster counts it active (so grains activated from
    /// then on are placed over all silos); the client uses it as a gateway once its list refreshes.
    /// </summary>
    public async Task AddSiloAsync()
    {
        var silo = await ChildProcess.StartAsync($"silo-{silos.Count + 1}", ChildProcess.Build("src", "Silo"), ProductCluster.SiloSettings(settings), "/readyz");
        silos.Add(silo);
        if (client is not null)
        {
            var management = Client.GetGrain<IManagementGrain>(0);
            await Eventually.TrueAsync(async () => (await management.GetHosts(onlyActive: true)).Count == silos.Count,
                TimeSpan.FromSeconds(60), $"{silos.Count} active silos");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (client is not null)
        {
            await client.StopAsync();
            client.Dispose();
        }

        foreach (var silo in silos)
        {
            await silo.DisposeAsync();
        }

        await Database.DisposeAsync();
    }
}
