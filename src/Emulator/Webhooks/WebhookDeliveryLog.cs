using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Switchboard.Emulator.Control;
using Switchboard.Emulator.History;

namespace Switchboard.Emulator.Webhooks;

/// <summary>Every webhook created for a number, with its attempts (<c>GET /_emulator/numbers/{id}/webhooks</c>).</summary>
public sealed class WebhookDeliveryLog(IOptions<HistoryOptions> options) : IResettable
{
    private readonly ConcurrentDictionary<string, BoundedHistory<WebhookDelivery>> _byNumber = new();

    public void Add(WebhookDelivery delivery) =>
        _byNumber.GetOrAdd(delivery.PhoneNumberId, _ => new BoundedHistory<WebhookDelivery>(options.Value.MaxEntriesPerNumber)).Add(delivery);

    public IReadOnlyList<WebhookDelivery> For(string phoneNumberId) =>
        _byNumber.TryGetValue(phoneNumberId, out var history) ? history.Snapshot() : [];

    public void Reset() => _byNumber.Clear();
}
