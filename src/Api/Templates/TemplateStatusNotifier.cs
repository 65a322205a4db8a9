using Microsoft.AspNetCore.SignalR;
using Switchboard.Channels.WhatsApp.Webhooks;
using Switchboard.Inbox.Realtime;
using Switchboard.Storage.Templates;

namespace Switchboard.Api.Templates;

/// <summary>
/// Records a template's new status and tells the tenant's agents (<c>templateStatusChanged</c>).
/// Templates are rows, not grains, so the news goes straight to the hub; a lost push costs only a
/// stale badge until the screen's next refresh.
/// </summary>
public sealed partial class TemplateStatusNotifier(TemplateStatusStore store, IHubContext<InboxHub> hub, ILogger<TemplateStatusNotifier> logger)
{
    public async Task ApplyAsync(string wabaId, TemplateStatusUpdate update, CancellationToken cancellationToken)
    {
        foreach (var change in await store.ApplyAsync(wabaId, update, cancellationToken))
        {
            try
            {
                await hub.Clients.Group(InboxGroups.Tenant(change.TenantId)).SendAsync(InboxEvents.TemplateStatusChanged, change, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The status is recorded; without Redis only the live badge is late.
                LogPushFailed(logger, change.TemplateId, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pushing the new status of template {TemplateId} failed")]
    private static partial void LogPushFailed(ILogger logger, string templateId, Exception exception);
}
