using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Switchboard.Grains.Conversations;

/// <summary>
/// What a conversation owes the outside world, persisted with its state until the outcome is
/// recorded: messages to hand to the provider (in order, one at a time), the read receipt to
/// send, and customer messages waiting for their media to be copied into our store. Orleans
/// delivers calls at most once, so nothing here may live only in memory.
/// </summary>
public sealed record ConversationOutbox
{
    public static ConversationOutbox Empty { get; } = new();

    /// <summary>Messages to send, oldest first; only the head is ever in flight, which keeps their order.</summary>
    public ImmutableList<PendingSend> Sends { get; init; } = [];

    /// <summary>The latest customer message to mark read at the provider (which marks the earlier ones too).</summary>
    public PendingReadReceipt? ReadReceipt { get; init; }

    /// <summary>
    /// Customer messages received but not yet shown, in arrival order: the head waits for its media
    /// to be copied; the rest wait behind it so the timeline keeps the order the customer wrote in.
    /// </summary>
    public ImmutableList<PendingInbound> Inbound { get; init; } = [];

    [JsonIgnore]
    public bool IsEmpty => Sends.IsEmpty && ReadReceipt is null && Inbound.IsEmpty;
}

/// <summary>
/// A queued message on its way to the provider. An attempt is recorded (<see cref="AttemptStartedAt"/>)
/// before the request leaves, so an activation that dies mid-request leaves a trace, and a stale
/// activation's record fails the storage's version check and never sends.
/// </summary>
/// <param name="QueuedAt">When it was queued.</param>
/// <param name="Attempts">Requests started so far.</param>
/// <param name="AttemptStartedAt">Set while a request is out and its outcome unknown.</param>
/// <param name="RetryAt">Not to be tried again before this (the provider's back-off).</param>
/// <param name="UnknownOutcomes">Attempts whose outcome never became known (a crash, a timeout).</param>
/// <param name="LastError">Why the last attempt did not settle it, for whoever looks at a stuck message.</param>
public sealed record PendingSend(
    string MessageId,
    DateTimeOffset QueuedAt,
    bool HumanAgentTag = false,
    int Attempts = 0,
    DateTimeOffset? AttemptStartedAt = null,
    DateTimeOffset? RetryAt = null,
    int UnknownOutcomes = 0,
    string? LastError = null);

/// <summary>A read receipt for the customer's message <paramref name="ProviderMessageId"/>; best effort, a few tries.</summary>
public sealed record PendingReadReceipt(string ProviderMessageId, DateTimeOffset RequestedAt, int Failures = 0, DateTimeOffset? RetryAt = null);

/// <summary>
/// A customer message not yet in the timeline. <paramref name="FetchMedia"/>: its media still has
/// to be copied from the provider (waiting messages fetch at once; they are shown in order).
/// </summary>
public sealed record PendingInbound(MessageRecord Message, bool FetchMedia, int Failures = 0, DateTimeOffset? RetryAt = null);
