using System.Threading.Channels;
using Switchboard.Cluster.Ingestion;

namespace Switchboard.Api.Webhooks;

/// <summary>
/// Processes webhooks this node just stored, right after the 200 went out: the fast path from
/// a customer's message to an agent's screen. If this node dies first, a silo's sweeper
/// processes them instead once their claim lapses.
/// </summary>
public sealed partial class WebhookPump(WebhookProcessor processor, ILogger<WebhookPump> logger) : BackgroundService
{
    private const int Concurrency = 32;

    private readonly Channel<IntakeResult.Stored> stored = Channel.CreateUnbounded<IntakeResult.Stored>();

    public void Enqueue(IntakeResult.Stored webhook) => stored.Writer.TryWrite(webhook);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Parallel.ForEachAsync(
            stored.Reader.ReadAllAsync(stoppingToken),
            new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = stoppingToken },
            async (webhook, ct) =>
            {
                try
                {
                    await processor.ProcessStoredAsync(webhook.InboxId, webhook.Notification, webhook.ReceivedAt, ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    // The row stays in the inbox for a silo's sweeper; one failure must not stop the pump (or the node).
                    LogProcessingFailed(logger, webhook.InboxId, ex);
                }
            });

    [LoggerMessage(Level = LogLevel.Warning, Message = "Processing stored webhook {InboxId} failed; a silo will sweep it up")]
    private static partial void LogProcessingFailed(ILogger logger, long inboxId, Exception exception);
}
