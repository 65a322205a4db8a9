using System.Collections.Concurrent;
using Dapper;
using Npgsql;

namespace Switchboard.Storage.Channels;

/// <summary>
/// Reads sending numbers. Webhooks and sends look a number up on every request, so lookups
/// are cached briefly per process; an edit (a rotated token) reaches every node within
/// <see cref="CacheFor"/>.
/// </summary>
public sealed class ChannelStore(NpgsqlDataSource dataSource, TimeProvider time)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);

    private const string Columns =
        """
        tenant_id as TenantId, id as Id, type as Type, name as Name, display_phone_number as DisplayPhoneNumber,
        phone_number_id as PhoneNumberId, waba_id as WabaId, access_token as AccessToken, app_secret as AppSecret,
        verify_token as VerifyToken, graph_base_url as GraphBaseUrl, graph_version as GraphVersion, status as Status,
        throughput_per_second as ThroughputPerSecond
        """;

    private readonly ConcurrentDictionary<string, (DateTimeOffset At, IReadOnlyList<ChannelRecord> Channels)> cache = new();

    public async Task<ChannelRecord?> FindAsync(string tenantId, string channelId, CancellationToken cancellationToken) =>
        (await CachedAsync($"id:{tenantId}:{channelId}",
            $"select {Columns} from channels where tenant_id = @tenantId and id = @channelId and deleted_at is null",
            new { tenantId, channelId }, cancellationToken)).FirstOrDefault();

    /// <summary>The live channel a webhook's <c>metadata.phone_number_id</c> belongs to.</summary>
    public async Task<ChannelRecord?> FindByPhoneNumberIdAsync(string type, string phoneNumberId, CancellationToken cancellationToken) =>
        (await CachedAsync($"pnid:{type}:{phoneNumberId}",
            $"select {Columns} from channels where type = @type and phone_number_id = @phoneNumberId and deleted_at is null",
            new { type, phoneNumberId }, cancellationToken)).FirstOrDefault();

    /// <summary>Live channels of a business account (account-level webhooks name only the WABA).</summary>
    public Task<IReadOnlyList<ChannelRecord>> FindByWabaIdAsync(string wabaId, CancellationToken cancellationToken) =>
        CachedAsync($"waba:{wabaId}",
            $"select {Columns} from channels where waba_id = @wabaId and deleted_at is null order by created_at",
            new { wabaId }, cancellationToken);

    /// <summary>Live channels whose verify token matches (the GET handshake).</summary>
    public async Task<IReadOnlyList<ChannelRecord>> FindByVerifyTokenAsync(string verifyToken, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<ChannelRecord>(new CommandDefinition(
            $"select {Columns} from channels where verify_token = @verifyToken and deleted_at is null",
            new { verifyToken }, cancellationToken: cancellationToken))).ToList();
    }

    /// <summary>Forget cached lookups in this process (after an edit made here).</summary>
    public void Invalidate() => cache.Clear();

    private async Task<IReadOnlyList<ChannelRecord>> CachedAsync(string key, string sql, object parameters, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (cache.TryGetValue(key, out var hit) && now - hit.At < CacheFor)
        {
            return hit.Channels;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var channels = (await connection.QueryAsync<ChannelRecord>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken))).ToList();
        cache[key] = (now, channels);
        return channels;
    }
}
