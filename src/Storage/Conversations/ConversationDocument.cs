using Switchboard.Grains.Conversations;

namespace Switchboard.Storage.Conversations;

/// <summary>
/// What a conversation grain keeps through <see cref="ConversationGrainStorage"/>: its state and,
/// while it is being written, what changed it, whose events become the inbox's rows in the same
/// write. Orleans' storage interface carries one object per grain, so the turn travels inside it.
/// </summary>
public sealed class ConversationDocument
{
    public ConversationState State { get; set; } = ConversationState.Empty;

    /// <summary>Set by the grain before it writes; cleared by the storage once the write is durable.</summary>
    public ConversationTurn? Turn { get; set; }
}

/// <summary>
/// What to write with the state: the events of the turns since the last write, in order (those
/// agents see carry their sequence number), the idempotency keys of the commands they applied, and
/// the state's earliest due time.
/// </summary>
public sealed record ConversationTurn(IReadOnlyList<SequencedEvent> Events, IReadOnlyList<string> IdempotencyKeys, DateTimeOffset? DueAt)
{
    /// <summary>
    /// Set by the storage instead of writing: one of the idempotency keys was consumed before, so
    /// its command was applied then and is now a repeat. A repeat is normal (providers deliver
    /// webhooks at least once), so it is an answer, not an error.
    /// </summary>
    public bool AlreadyApplied { get; init; }
}

/// <summary>An event of a turn; <see cref="Sequence"/> is the conversation's number for it, null for the outbox's bookkeeping.</summary>
public sealed record SequencedEvent(ConversationEvent Event, long? Sequence);
