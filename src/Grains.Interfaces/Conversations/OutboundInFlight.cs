using Switchboard.Grains.Messages;

namespace Switchboard.Grains.Conversations;

/// <summary>
/// An outbound message whose status can still change, kept so provider statuses can be matched
/// and moved forward. Dropped once final (failed, read, or played for a voice note) or when it
/// is among the oldest beyond the bound.
/// </summary>
/// <param name="AwaitsPlayed">A voice note: <c>played</c> may still follow <c>read</c>.</param>
public sealed record OutboundInFlight(
    string MessageId,
    MessageStatus Status,
    DateTimeOffset QueuedAt,
    string? ProviderMessageId = null,
    bool AwaitsPlayed = false);
