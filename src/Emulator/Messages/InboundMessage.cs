namespace Switchboard.Emulator.Messages;

/// <summary>A message a customer sent to a business number, as it went out in the webhook.</summary>
public sealed class InboundMessage(
    string wamid,
    string phoneNumberId,
    string customerWaId,
    string type,
    long timestamp,
    string messageJson,
    DateTimeOffset receivedAt) : IConversationMessage
{
    private int _readByBusiness;

    public string Wamid { get; } = wamid;
    public string PhoneNumberId { get; } = phoneNumberId;
    public string CustomerWaId { get; } = customerWaId;
    public string Type { get; } = type;

    /// <summary>Unix seconds, as in the webhook (possibly in the past when the test asked for it).</summary>
    public long Timestamp { get; } = timestamp;

    /// <summary>The <c>messages[0]</c> object of the webhook.</summary>
    public string MessageJson { get; } = messageJson;

    public DateTimeOffset ReceivedAt { get; } = receivedAt;
    public bool IsOutbound => false;

    /// <summary>Set by mark-as-read; the customers' page shows it as blue ticks.</summary>
    public bool ReadByBusiness => Volatile.Read(ref _readByBusiness) == 1;

    public void MarkReadByBusiness() => Volatile.Write(ref _readByBusiness, 1);
}
