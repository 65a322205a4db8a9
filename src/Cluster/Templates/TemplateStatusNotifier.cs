using System.Text.Json;
using Switchboard.Channels.WhatsApp.Webhooks;
using Switchboard.Grains.Json;
using Switchboard.Runtime.Events;

namespace Switchboard.Cluster.Templates;

/// <summary>
/// Records a template's new status and tells the tenant's agents (the event reaches their
/// screens as <c>templateStatusChanged</c>). Templates are rows, not grains, so the event is
/// published directly; a lost publish costs only a stale badge until the next list refresh.
/// </summary>
public sealed class TemplateStatusNotifier(TemplateStatusStore store, IEventBus bus, TimeProvider time)
{
    public const string GrainType = "template";

    public async Task ApplyAsync(string wabaId, TemplateStatusUpdate update, CancellationToken cancellationToken)
    {
        foreach (var change in await store.ApplyAsync(wabaId, update, cancellationToken))
        {
            await bus.PublishAsync(new EventEnvelope(
                Guid.CreateVersion7(), change.TenantId, GrainType, change.TemplateId, 0, nameof(TemplateStatusChanged),
                time.GetUtcNow(), JsonSerializer.SerializeToElement(change, ContractJson.Options)), cancellationToken);
        }
    }
}
