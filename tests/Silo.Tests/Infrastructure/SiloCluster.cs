using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Serialization;
using Orleans.TestingHost;
using Switchboard.Grains;
using Switchboard.Grains.Conversations;
using Switchboard.Grains.Hosting;
using Switchboard.Testing;

namespace Switchboard.Silo.Tests.Infrastructure;

/// <summary>
/// A two-silo Orleans test cluster (Orleans.TestingHost, in this process) composed exactly as a
/// real silo is (<see cref="SiloComposition"/>), over a fresh PostgreSQL database and a Redis
/// prefix of its own. Membership and transport are the test host's in-memory ones, so a killed
/// silo is noticed at once; the slow, real failure detection is the end-to-end tests' business.
/// One per test class; tests keep apart by using their own tenants.
/// </summary>
public class SiloCluster : IAsyncLifetime
{
    public PostgresDatabase Database { get; } = new();

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    public NpgsqlDataSource DataSource => Database.DataSource;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Postgres:ConnectionString"] = Database.ConnectionString,
            ["Postgres:MigrateOnStart"] = "false",
            ["Redis:Configuration"] = TestEnvironment.RedisConfiguration,
            ["Redis:Prefix"] = "silo-" + Guid.NewGuid().ToString("N")[..8] + ":",
            ["Timers:Sweepers:Interval"] = "00:00:00.100",
            ["Timers:Sweepers:KeepAliveInterval"] = "00:00:00.500",
        };
        foreach (var (key, value) in Settings())
        {
            settings[key] = value;
        }

        var builder = new InProcessTestClusterBuilder(2);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Configuration.AddInMemoryCollection(settings);
            host.Services.AddGrainServices(host.Configuration);
        });
        builder.ConfigureSilo((_, silo) => silo.AddGrainRuntime());
        builder.ConfigureClient(client => client.Services.AddSerializer(serializer => serializer.AddGrainContracts()));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>Settings a fixture adds to every silo.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings() => [];

    /// <summary>A tenant row of its own (conversation rows belong to a tenant).</summary>
    public async Task<string> NewTenantAsync()
    {
        var tenantId = "tn_" + Guid.NewGuid().ToString("N");
        await using var command = DataSource.CreateCommand("insert into tenants (id, name) values ($1, $2)");
        command.Parameters.Add(new() { Value = tenantId });
        command.Parameters.Add(new() { Value = "Tenant " + tenantId[^6..] });
        await command.ExecuteNonQueryAsync();
        return tenantId;
    }

    public IConversationGrain Conversation(ConversationKey key) => Client.GetGrain<IConversationGrain>(key.ToString());

    /// <summary>The silo whose activation of <paramref name="grain"/> is live, if any.</summary>
    public InProcessSiloHandle? SiloHosting(IAddressable grain) =>
        Cluster.TryGetGrainContext(grain.GetGrainId(), out var context)
            ? Cluster.Silos.FirstOrDefault(silo => silo.SiloAddress.Equals(context.Address.SiloAddress))
            : null;
}
