using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Switchboard.Runtime.Events;

namespace Switchboard.Runtime.Outbox;

/// <summary>
/// Publishes each turn's events right after its commit, off the turn's path, and marks them
/// published in batches. If this node dies first, or the bus is down, the rows stay
/// unpublished and <see cref="OutboxRelay"/> on a silo publishes them later.
/// </summary>
public sealed partial class OutboxPublisher(
    NpgsqlDataSource dataSource,
    IEventBus bus,
    IOptions<OutboxOptions> options,
    ILogger<OutboxPublisher> logger) : BackgroundService
{
    private readonly Channel<EventEnvelope> pending = Channel.CreateUnbounded<EventEnvelope>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(IReadOnlyList<EventEnvelope> envelopes)
    {
        foreach (var envelope in envelopes)
        {
            pending.Writer.TryWrite(envelope);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<EventEnvelope>(options.Value.BatchSize);
        while (await pending.Reader.WaitToReadAsync(stoppingToken))
        {
            batch.Clear();
            while (batch.Count < options.Value.BatchSize && pending.Reader.TryRead(out var envelope))
            {
                batch.Add(envelope);
            }

            await PublishAsync(batch, stoppingToken);
        }
    }

    private async Task PublishAsync(List<EventEnvelope> batch, CancellationToken cancellationToken)
    {
        // Issued back to back on one connection, Redis receives them in commit order; awaiting
        // them together costs one round trip for the batch instead of one per event.
        var publishes = batch.Select(envelope => bus.PublishAsync(envelope, cancellationToken)).ToList();
        try
        {
            await Task.WhenAll(publishes);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogPublishFailed(logger, publishes.Count(p => !p.IsCompletedSuccessfully), ex);
        }

        var published = batch.Where((_, i) => publishes[i].IsCompletedSuccessfully).Select(e => e.EventId).ToArray();
        if (published.Length == 0)
        {
            return;
        }

        try
        {
            // A mark lost in a crash only means the relay publishes the event again (receivers drop
            // repeats by sequence), so it need not wait for the WAL flush.
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var mark = new NpgsqlBatch(connection, transaction)
            {
                BatchCommands =
                {
                    new NpgsqlBatchCommand("set local synchronous_commit = off"),
                    new NpgsqlBatchCommand("update grain_events set published = true where event_id = any($1)") { Parameters = { new() { Value = published } } },
                },
            };
            await mark.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            LogMarkFailed(logger, published.Length, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not publish {Count} events; the outbox relay will retry them")]
    private static partial void LogPublishFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not mark {Count} events published; they may be published twice")]
    private static partial void LogMarkFailed(ILogger logger, int count, Exception exception);
}
