using Switchboard.Grains.Conversations;

namespace Switchboard.Storage.Conversations;

/// <summary>
/// What a conversation grain keeps through <see cref="ConversationGrainStorage"/>: its state and,
/// while a turn is being written, that turn, whose events become the inbox's rows in the same
/// write. Orleans' storage interface carries one object per grain, so the turn travels inside it.
/// </summary>
public sealed class ConversationDocument
{
    public ConversationState State { get; set; } = ConversationState.Empty;

    /// <summary>Set by the grain before it writes; cleared by the storage once the write is durable.</summary>
    public ConversationTurn? Turn { get; set; }
}

/// <summary>
/// One turn to write with the state: its events in order (those agents see carry their sequence
/// number), the idempotency key of the command it applied, and the state's earliest due time.
/// </summary>
public sealed record ConversationTurn(IReadOnlyList<SequencedEvent> Events, string? IdempotencyKey, DateTimeOffset? DueAt)
{
    /// <summary>
    /// Set by the storage instead of writing: the command's idempotency key was consumed before, so
    /// the command was applied then and this turn is a repeat. A repeat is normal (providers deliver
    /// webhooks at least once), so it is an answer, not an error.
    /// </summary>
    public bool AlreadyApplied { get; init; }
}

/// <summary>An event of a turn; <see cref="Sequence"/> is the conversation's number for it, null for the outbox's bookkeeping.</summary>
public sealed record SequencedEvent(ConversationEvent Event, long? Sequence);
