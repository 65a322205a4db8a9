using System.Text;
using Switchboard.Channels.WhatsApp.Webhooks;

namespace Switchboard.Api.Webhooks;

/// <summary>
/// Applies the webhooks the Api nodes kept because the cluster could not take them at once. Every
/// Api node sweeps; rows are leased (SKIP LOCKED), so no two nodes apply one at a time, and
/// applying one twice is harmless anyway.
/// </summary>
public sealed partial class WebhookInboxSweeper(WebhookInbox inbox, WebhookProcessor processor, TimeProvider time, ILogger<WebhookInboxSweeper> logger) : BackgroundService
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(60);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SweepOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSweepFailed(logger, ex);
            }

            await Task.Delay(TimeSpan.FromSeconds(1), time, stoppingToken);
        }
    }

    public async Task<int> SweepOnceAsync(CancellationToken cancellationToken)
    {
        var applied = 0;
        foreach (var kept in await inbox.ClaimAsync(50, Lease, cancellationToken))
        {
            try
            {
                var notification = WebhookParser.Parse(Encoding.UTF8.GetBytes(kept.Payload)) is WebhookParseResult.Parsed parsed
                    ? parsed.Notification
                    : new WebhookNotification(null, []);
                await processor.ApplyAsync(notification, kept.ReceivedAt, cancellationToken);
                await inbox.CompleteAsync(kept.Id, cancellationToken);
                applied++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogApplyFailed(logger, kept.Id, kept.Attempts, ex);
                await inbox.FailAsync(kept.Id, kept.Attempts, ex.Message, cancellationToken);
            }
        }

        return applied;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweeping kept webhooks failed; retrying")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Applying kept webhook {InboxId} failed (attempt {Attempt}); it will be tried again")]
    private static partial void LogApplyFailed(ILogger logger, long inboxId, int attempt, Exception exception);
}
