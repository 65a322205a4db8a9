using Switchboard.Grains.Messages;

namespace Switchboard.Grains.Conversations;

/// <summary>
/// One item of a conversation's timeline as events carry it: a customer message, a message to
/// the customer, a system line or an internal note. The grain keeps only the few it still has
/// to act on (held, awaiting statuses); the history lives in the projection built from events.
/// </summary>
/// <param name="Id">Our id, unique within the conversation (commands bring it; system lines get <c>sys-n</c>).</param>
/// <param name="ProviderMessageId">The provider's id (wamid) once known.</param>
/// <param name="ReplyTo">The quoted message: our id for outbound messages, the provider's id for inbound ones.</param>
/// <param name="CreatedAt">When we recorded it (received, queued, written).</param>
/// <param name="ProviderTimestamp">The provider's own time for an inbound message.</param>
/// <param name="Error">Why it failed, when <paramref name="Status"/> is <see cref="MessageStatus.Failed"/>.</param>
public sealed record MessageRecord(
    string Id,
    MessageDirection Direction,
    MessageContent Content,
    MessageStatus Status,
    MessageAuthor Author,
    DateTimeOffset CreatedAt,
    string? ProviderMessageId = null,
    string? ReplyTo = null,
    DateTimeOffset? ProviderTimestamp = null,
    MessageError? Error = null);
