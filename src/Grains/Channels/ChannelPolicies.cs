using System.Collections.Frozen;
using Switchboard.Grains.Conversations;

namespace Switchboard.Grains.Channels;

/// <summary>
/// The messaging rules of every channel type, as one table of values. Adding a channel is a row
/// here; nothing else in the grains branches on the channel type.
/// </summary>
public static class ChannelPolicies
{
    public static ChannelPolicy WhatsApp { get; } = new(
        ChannelType.WhatsApp,
        ServiceWindow: TimeSpan.FromHours(24),
        HumanAgentWindow: null,
        SupportsTemplates: true);

    /// <summary>Messenger allows replies for 7 days when tagged as a human agent's.</summary>
    public static ChannelPolicy Messenger { get; } = new(
        ChannelType.Messenger,
        ServiceWindow: TimeSpan.FromHours(24),
        HumanAgentWindow: TimeSpan.FromDays(7),
        SupportsTemplates: false);

    public static ChannelPolicy Instagram { get; } = new(
        ChannelType.Instagram,
        ServiceWindow: TimeSpan.FromHours(24),
        HumanAgentWindow: null,
        SupportsTemplates: false);

    public static IReadOnlyDictionary<ChannelType, ChannelPolicy> All { get; } =
        new[] { WhatsApp, Messenger, Instagram }.ToFrozenDictionary(policy => policy.Channel);

    public static ChannelPolicy For(ChannelType channel) =>
        All.TryGetValue(channel, out var policy)
            ? policy
            : throw new ArgumentOutOfRangeException(nameof(channel), channel, "No policy for this channel type.");
}
