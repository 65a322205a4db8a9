using Switchboard.Cluster.Ingestion;

namespace Switchboard.Api.Webhooks;

/// <summary>
/// Processes webhooks this node just stored, right after the 200 went out: the fast path from
/// a customer's message to an agent's screen. If this node dies first, a silo's sweeper
/// processes them instead once their claim lapses. A customer's webhooks go one at a time
/// (<see cref="CustomerMailboxes{T}"/>): their turns queue on one grain anyway, and must not hold
/// the workers other customers need.
/// </summary>
public sealed partial class WebhookPump(WebhookProcessor processor, ILogger<WebhookPump> logger) : BackgroundService
{
    private const int Concurrency = 32;

    private readonly CustomerMailboxes<IntakeResult.Stored> mailboxes = new();

    public void Enqueue(IntakeResult.Stored webhook) => mailboxes.Post(WebhookProcessor.CustomerOf(webhook.Notification), webhook);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Parallel.ForEachAsync(
            mailboxes.Ready.ReadAllAsync(stoppingToken),
            new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = stoppingToken },
            async (delivery, ct) =>
            {
                var webhook = delivery.Item;
                try
                {
                    await processor.ProcessStoredAsync(webhook.InboxId, webhook.Notification, webhook.ReceivedAt, ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    // The row stays in the inbox for a silo's sweeper; one failure must not stop the pump (or the node).
                    LogProcessingFailed(logger, webhook.InboxId, ex);
                }
                finally
                {
                    mailboxes.Done(delivery);
                }
            });

    [LoggerMessage(Level = LogLevel.Warning, Message = "Processing stored webhook {InboxId} failed; a silo will sweep it up")]
    private static partial void LogProcessingFailed(ILogger logger, long inboxId, Exception exception);
}
