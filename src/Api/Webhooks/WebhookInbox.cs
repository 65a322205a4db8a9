using Dapper;
using Npgsql;

namespace Switchboard.Api.Webhooks;

/// <summary>
/// Webhooks acknowledged but not yet applied: when the cluster cannot take a verified webhook
/// right now (a silo just died, the grains are moving), its exact bytes are kept here and the
/// provider is answered 200 all the same — Meta keeps no history to fetch again, so what we
/// acknowledge we keep. <see cref="WebhookInboxSweeper"/> applies them later.
/// </summary>
public sealed class WebhookInbox(NpgsqlDataSource dataSource)
{
    /// <summary>The most tries a kept webhook gets; after that it stays with its last error for an operator.</summary>
    public const int MaxAttempts = 10;

    public async Task KeepAsync(string tenantId, string channelId, ReadOnlyMemory<byte> body, DateTimeOffset receivedAt, string reason, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            insert into webhook_inbox (tenant_id, channel_id, payload, received_at, last_error)
            values (@tenantId, @channelId, @payload, @receivedAt, @reason)
            """,
            new { tenantId, channelId, payload = System.Text.Encoding.UTF8.GetString(body.Span), receivedAt = receivedAt.UtcDateTime, reason },
            cancellationToken: cancellationToken));
    }

    /// <summary>Takes the oldest kept webhooks that are due, leased to this node for <paramref name="lease"/>.</summary>
    public async Task<IReadOnlyList<KeptWebhook>> ClaimAsync(int limit, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<KeptWebhookRow>(new CommandDefinition(
            """
            update webhook_inbox set locked_until = now() + @lease, attempts = attempts + 1
            where id in (
                select id from webhook_inbox
                where processed_at is null and attempts < @MaxAttempts and (locked_until is null or locked_until < now())
                order by received_at
                limit @limit
                for update skip locked)
            returning id as Id, payload as Payload, received_at as ReceivedAt, attempts as Attempts
            """,
            new { lease, MaxAttempts, limit }, cancellationToken: cancellationToken));
        return rows.Select(row => new KeptWebhook(row.Id, row.Payload, new DateTimeOffset(DateTime.SpecifyKind(row.ReceivedAt, DateTimeKind.Utc)), row.Attempts)).ToList();
    }

    public async Task CompleteAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "update webhook_inbox set processed_at = now(), locked_until = null, last_error = null where id = @id", new { id }, cancellationToken: cancellationToken));
    }

    /// <summary>Failed again: back off (doubling with each attempt) before the next try.</summary>
    public async Task FailAsync(long id, int attempts, string error, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "update webhook_inbox set locked_until = now() + @backOff, last_error = @error where id = @id",
            new { id, error, backOff = TimeSpan.FromSeconds(Math.Min(300, 1 << Math.Min(attempts, 8))) }, cancellationToken: cancellationToken));
    }

    private sealed class KeptWebhookRow
    {
        public long Id { get; init; }

        public string Payload { get; init; } = "";

        public DateTime ReceivedAt { get; init; }

        public int Attempts { get; init; }
    }
}

/// <summary>A webhook kept for later, as received.</summary>
public sealed record KeptWebhook(long Id, string Payload, DateTimeOffset ReceivedAt, int Attempts);
