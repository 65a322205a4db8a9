using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Switchboard.Runtime.Events;

namespace Switchboard.Runtime.Outbox;

/// <summary>
/// Publishes committed events that no node published: the committing node crashed between
/// commit and publish, or the bus was down. Rows are claimed with SKIP LOCKED so silos
/// share the backlog without publishing one event from two places at once.
/// </summary>
public sealed partial class OutboxRelay(
    NpgsqlDataSource dataSource,
    IEventBus bus,
    TimeProvider time,
    IOptions<OutboxOptions> options,
    ILogger<OutboxRelay> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            int relayed;
            try
            {
                relayed = await RelayOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRelayFailed(logger, ex);
                relayed = 0;
            }

            if (relayed < options.Value.BatchSize)
            {
                await Task.Delay(options.Value.RelayInterval, time, stoppingToken);
            }
        }
    }

    /// <returns>How many events were published.</returns>
    public async Task<int> RelayOnceAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var envelopes = new List<EventEnvelope>();
        await using (var select = new NpgsqlCommand(
            """
            select event_id, tenant_id, grain_type, grain_key, sequence, event_type, created_at, payload::text
            from grain_events
            where not published and created_at < now() - $1
            order by created_at, tenant_id, grain_type, grain_key, sequence
            limit $2
            for update skip locked
            """, connection, transaction))
        {
            select.Parameters.Add(new() { Value = options.Value.RelayGrace });
            select.Parameters.Add(new() { Value = options.Value.BatchSize });
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                using var payload = JsonDocument.Parse(reader.GetString(7));
                envelopes.Add(new EventEnvelope(
                    reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt64(4),
                    reader.GetString(5), reader.GetFieldValue<DateTimeOffset>(6), payload.RootElement.Clone()));
            }
        }

        if (envelopes.Count == 0)
        {
            return 0;
        }

        foreach (var envelope in envelopes)
        {
            await bus.PublishAsync(envelope, cancellationToken);
        }

        await using (var mark = new NpgsqlCommand("update grain_events set published = true where event_id = any($1)", connection, transaction))
        {
            mark.Parameters.Add(new() { Value = envelopes.Select(e => e.EventId).ToArray() });
            await mark.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        LogRelayed(logger, envelopes.Count);
        return envelopes.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Relayed {Count} events that were committed but not published")]
    private static partial void LogRelayed(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox relay failed; retrying")]
    private static partial void LogRelayFailed(ILogger logger, Exception exception);
}
