namespace Switchboard.Grains.Conversations;

/// <summary>The customer's latest message by provider time: what a read receipt points at.</summary>
public sealed record InboundMarker(string ProviderMessageId, DateTimeOffset Timestamp);
