using Dapper;
using Microsoft.AspNetCore.DataProtection;
using Npgsql;

namespace Switchboard.Api.Auth;

/// <summary>
/// Makes sure the cluster's first data-protection key exists before this node serves. Api nodes
/// that start together on an empty key table would each create a key of their own, protect
/// cookies with it, and turn away each other's cookies (401) until their key rings next reload,
/// a day later. Under a PostgreSQL advisory lock the first node creates the key; the others wait
/// for it and load it. Later keys are created ahead of their activation, so every node has them
/// by then (data protection's own rotation).
/// </summary>
public sealed class ClusterKeyRing(NpgsqlDataSource dataSource, IDataProtectionProvider protection) : IHostedService
{
    // Any constant shared by every node, other than the migrations' lock; the value means nothing.
    public const long AdvisoryLockKey = 0x5377_4b65_7952_696e;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("select pg_advisory_lock(@key)", new { key = AdvisoryLockKey }, cancellationToken: cancellationToken));
        try
        {
            // The first protection loads the key ring, creating and storing a key when the table has none.
            protection.CreateProtector(nameof(ClusterKeyRing)).Protect([1]);
        }
        finally
        {
            await connection.ExecuteAsync(new CommandDefinition("select pg_advisory_unlock(@key)", new { key = AdvisoryLockKey }, cancellationToken: CancellationToken.None));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
