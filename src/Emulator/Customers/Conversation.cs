using Switchboard.Emulator.History;
using Switchboard.Emulator.Messages;

namespace Switchboard.Emulator.Customers;

/// <summary>The chat between one business number and one customer, as the customer's phone shows it.</summary>
public sealed class Conversation(string phoneNumberId, string customerWaId, int capacity, DateTimeOffset startedAt)
{
    private readonly BoundedHistory<IConversationMessage> _messages = new(capacity);
    private long _lastActivityTicks = startedAt.UtcTicks;
    private long _typingUntilTicks;

    public string PhoneNumberId { get; } = phoneNumberId;
    public string CustomerWaId { get; } = customerWaId;
    public DateTimeOffset LastActivity => new(Interlocked.Read(ref _lastActivityTicks), TimeSpan.Zero);

    /// <summary>Set by a typing indicator (spec §1.10): shown for 25 s or until the business replies.</summary>
    public DateTimeOffset? TypingUntil => Interlocked.Read(ref _typingUntilTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    public IReadOnlyList<IConversationMessage> Messages => _messages.Snapshot();

    public void Add(IConversationMessage message, DateTimeOffset at)
    {
        _messages.Add(message);
        Interlocked.Exchange(ref _lastActivityTicks, at.UtcTicks);
        if (message.IsOutbound)
        {
            Interlocked.Exchange(ref _typingUntilTicks, 0);
        }
    }

    public void ShowTypingUntil(DateTimeOffset until) => Interlocked.Exchange(ref _typingUntilTicks, until.UtcTicks);

    /// <summary>Marking one message read also marks the earlier ones (spec §1.10).</summary>
    public void MarkReadUpTo(InboundMessage target)
    {
        foreach (var message in Messages)
        {
            if (message is InboundMessage inbound)
            {
                inbound.MarkReadByBusiness();
            }
            if (ReferenceEquals(message, target))
            {
                break;
            }
        }
        target.MarkReadByBusiness();
    }
}
