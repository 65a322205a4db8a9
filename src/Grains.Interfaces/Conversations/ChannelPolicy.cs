namespace Switchboard.Grains.Conversations;

/// <summary>
/// The messaging rules of one channel type, as data: how long the customer-service window
/// stays open after the customer's last message, how long a send tagged as a human agent's
/// reply may still go out (null: the channel has no such tag), and whether the channel has
/// approved templates that may be sent outside the window.
/// </summary>
public sealed record ChannelPolicy(
    ChannelType Channel,
    TimeSpan ServiceWindow,
    TimeSpan? HumanAgentWindow,
    bool SupportsTemplates);
