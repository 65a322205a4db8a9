namespace Switchboard.Grains.Conversations;

/// <summary>
/// An outbound message that reached a final status recently. Remembered (a bounded few) so a
/// repeated report or webhook about it is a no-op rather than an unknown message.
/// </summary>
public sealed record SettledMessage(string MessageId, string? ProviderMessageId = null);
