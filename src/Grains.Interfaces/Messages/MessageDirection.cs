
namespace Switchboard.Grains.Messages;

public enum MessageDirection
{
    /// <summary>From the customer.</summary>
    Inbound,

    /// <summary>From an agent, a bot, a campaign or an API client, to the customer.</summary>
    Outbound,

    /// <summary>A line for agents only (window closed, transfer…).</summary>
    System,

    /// <summary>An internal note between agents.</summary>
    Note,
}
