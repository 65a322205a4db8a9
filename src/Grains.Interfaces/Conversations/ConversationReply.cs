using System.Text.Json.Serialization;
using Switchboard.Grains.Abstractions;

namespace Switchboard.Grains.Conversations;

/// <summary>
/// What one command did: the events it committed (in order), a typed rejection, or nothing
/// because it was a repeat of an idempotent command already applied. Immutable: Orleans passes it
/// on as it is instead of copying it (a copy of a JSON-coded type is a full round trip).
/// </summary>
/// <param name="Sequence">The conversation's sequence after the turn.</param>
[Immutable]
public sealed record ConversationReply(
    long Sequence,
    IReadOnlyList<ConversationEvent> Events,
    Rejection? Rejection = null,
    bool Duplicate = false)
{
    [JsonIgnore]
    public bool IsRejected => Rejection is not null;
}
