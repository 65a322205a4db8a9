using System.Text.Json.Serialization;

namespace Switchboard.Grains.Conversations;

/// <summary>
/// An agent as a conversation remembers it: the id, and the display name when the command was
/// made, so system lines ("Transferred from Ana to Ben") name people without a look-up.
/// </summary>
public sealed record AgentRef(string Id, string? Name = null)
{
    [JsonIgnore]
    public string Display => Name ?? Id;
}
