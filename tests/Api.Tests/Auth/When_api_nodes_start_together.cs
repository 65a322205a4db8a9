using Dapper;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Switchboard.Api.Auth;
using Switchboard.Testing;

namespace Switchboard.Api.Tests.Auth;

/// <summary>Api nodes starting at once on an empty key table, as a cluster's first start does.</summary>
public sealed class When_api_nodes_start_together : IAsyncLifetime
{
    private readonly PostgresDatabase database = new();
    private readonly List<ServiceProvider> nodes = [];

    public Task InitializeAsync() => database.InitializeAsync();

    public async Task DisposeAsync()
    {
        foreach (var node in nodes)
        {
            await node.DisposeAsync();
        }

        await database.DisposeAsync();
    }

    [Fact]
    public async Task A_node_starting_while_another_creates_the_first_key_waits_and_uses_that_key()
    {
        var (first, second) = (Node(), Node());
        await using var firstNodesLock = await database.DataSource.OpenConnectionAsync();
        await firstNodesLock.ExecuteAsync("select pg_advisory_lock(@key)", new { key = ClusterKeyRing.AdvisoryLockKey });

        var secondStarting = second.GetRequiredService<ClusterKeyRing>().StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(
            async () => await firstNodesLock.ExecuteScalarAsync<int>("""
                select count(*) from pg_locks
                where locktype = 'advisory' and not granted and database = (select oid from pg_database where datname = current_database())
                """) == 1,
            TimeSpan.FromSeconds(10), "the second node to wait for the key-ring lock");
        var firstTicket = Protector(first).Protect("signed in on the first node");
        await firstNodesLock.ExecuteAsync("select pg_advisory_unlock(@key)", new { key = ClusterKeyRing.AdvisoryLockKey });
        await secondStarting;

        Assert.Equal(1, await firstNodesLock.ExecuteScalarAsync<int>("select count(*) from data_protection_keys"));
        Assert.Equal("signed in on the first node", Protector(second).Unprotect(firstTicket));
        Assert.Equal("signed in on the second node", Protector(first).Unprotect(Protector(second).Protect("signed in on the second node")));
    }

    private ServiceProvider Node()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(NpgsqlDataSource.Create(database.ConnectionString));
        services.AddClusterDataProtection();
        var node = services.BuildServiceProvider();
        nodes.Add(node);
        return node;
    }

    private static IDataProtector Protector(IServiceProvider node) => node.GetDataProtector("session cookie");
}
