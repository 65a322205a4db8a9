using System.Text.Json.Serialization;
using Switchboard.Grains.Abstractions;

namespace Switchboard.Grains.Conversations;

/// <summary>
/// What one command did: the events it committed (in order), a typed rejection, or nothing
/// because it was a repeat of an idempotent command already applied.
/// </summary>
/// <param name="Sequence">The conversation's sequence after the turn.</param>
public sealed record ConversationReply(
    long Sequence,
    IReadOnlyList<ConversationEvent> Events,
    Rejection? Rejection = null,
    bool Duplicate = false)
{
    [JsonIgnore]
    public bool IsRejected => Rejection is not null;
}
