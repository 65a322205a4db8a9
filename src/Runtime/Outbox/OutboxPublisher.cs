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
        var published = new List<Guid>(batch.Count);
        try
        {
            // Order matters per grain (a client expects increasing sequences), so publish in commit order.
            foreach (var envelope in batch)
            {
                await bus.PublishAsync(envelope, cancellationToken);
                published.Add(envelope.EventId);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogPublishFailed(logger, batch.Count - published.Count, ex);
        }

        if (published.Count == 0)
        {
            return;
        }

        try
        {
            await using var mark = dataSource.CreateCommand("update grain_events set published = true where event_id = any($1)");
            mark.Parameters.Add(new() { Value = published.ToArray() });
            await mark.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            // Left unmarked, the relay publishes them once more: a duplicate, which receivers drop by sequence.
            LogMarkFailed(logger, published.Count, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not publish {Count} events; the outbox relay will retry them")]
    private static partial void LogPublishFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not mark {Count} events published; they may be published twice")]
    private static partial void LogMarkFailed(ILogger logger, int count, Exception exception);
}
