namespace Switchboard.Emulator.Messages;

/// <summary>A message between a business number and a customer, in either direction, found by its wamid.</summary>
public interface IConversationMessage
{
    string Wamid { get; }
    string PhoneNumberId { get; }
    string CustomerWaId { get; }
    bool IsOutbound { get; }
    string Type { get; }
}
