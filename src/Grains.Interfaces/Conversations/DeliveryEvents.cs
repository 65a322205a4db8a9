using Switchboard.Grains.Messages;

namespace Switchboard.Grains.Conversations;

/// <summary>The provider accepted the message and named it: status <c>sent</c>.</summary>
public sealed record MessageSent(string MessageId, string ProviderMessageId, DateTimeOffset At) : ConversationEvent;

/// <summary>An outbound message moved forward (delivered, read, played) or failed, with why.</summary>
public sealed record MessageStatusChanged(
    string MessageId,
    MessageStatus Status,
    DateTimeOffset At,
    string? ProviderMessageId = null,
    DateTimeOffset? ProviderTimestamp = null,
    MessageError? Error = null) : ConversationEvent;

/// <summary>A status for a provider id not known yet, kept until the send is recorded or it expires.</summary>
public sealed record StatusDeferred(DeferredStatus Status) : ConversationEvent;

/// <summary>Deferred statuses whose message never became known within the bound.</summary>
public sealed record DeferredStatusesDiscarded(IReadOnlyList<DeferredStatus> Statuses) : ConversationEvent;
