using System.Text.Json.Serialization;

namespace Switchboard.Grains.Conversations;

/// <summary>A conversation as last committed; a grain that never handled a command has the empty state at sequence 0. Immutable: never copied.</summary>
[Immutable]
public sealed record ConversationSnapshot(ConversationState State)
{
    [JsonIgnore]
    public long Sequence => State.Sequence;
}
