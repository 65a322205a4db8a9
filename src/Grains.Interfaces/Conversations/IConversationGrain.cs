using Orleans.Concurrency;

namespace Switchboard.Grains.Conversations;

/// <summary>
/// One customer thread: a virtual actor keyed by <see cref="ConversationKey"/> (its text form), one
/// activation and one turn at a time across the cluster. Every change to a conversation is a
/// command here; each turn commits its state, its rows and its outbox in one write before it answers.
/// </summary>
public interface IConversationGrain : IGrainWithStringKey
{
    /// <summary>
    /// Runs one command. With <paramref name="expectedSequence"/> (an edit made from a view the caller
    /// read) it is refused with <c>stale_version</c> if the conversation has moved on since.
    /// A rejection or a repeated idempotent command changes nothing.
    /// </summary>
    Task<ConversationReply> Execute(ConversationCommand command, long? expectedSequence = null, CancellationToken cancellationToken = default);

    /// <summary>The conversation's state as last committed.</summary>
    [ReadOnly]
    Task<ConversationSnapshot> Read(CancellationToken cancellationToken = default);

    /// <summary>
    /// The due-time sweeper's call: timers due at or before <paramref name="asOf"/> (the database's
    /// clock) fire now, and outbox work whose time came is started. A stale wake does nothing.
    /// </summary>
    Task Wake(DateTimeOffset asOf);
}
