using Switchboard.Grains.Conversations;
using Switchboard.Grains.Messages;

namespace Switchboard.Grains.Channels;

/// <summary>The customer-service window rules, applied with a channel's <see cref="ChannelPolicy"/>.</summary>
public static class WindowPolicy
{
    /// <summary>
    /// Whether an inbound message counts as the customer writing. WhatsApp documents that user
    /// messages (and calls) open the window and leaves reactions, system and unsupported messages
    /// unconfirmed. We follow the emulator's default, "any inbound message except system": a
    /// reaction or an unsupported type is still the customer acting, while a system notice
    /// ("changed their number") is the provider speaking. The emulator and the model then agree.
    /// </summary>
    public static bool OpensWindow(MessageContent content) => content is not SystemContent;

    /// <summary>
    /// The moment the window counts from: the message's own timestamp, but never later than when
    /// we received it, nor than the turn's clock (a sender's clock or a skewed node cannot buy
    /// extra time).
    /// </summary>
    public static DateTimeOffset CountsFrom(DateTimeOffset providerTimestamp, DateTimeOffset receivedAt, DateTimeOffset now) =>
        Min(Min(providerTimestamp, receivedAt), now);

    /// <summary>Until when free-form messages may go out: the standard window, or the human-agent one when tagged and the channel has it.</summary>
    public static DateTimeOffset? FreeFormAllowedUntil(ChannelPolicy policy, ServiceWindow window, bool humanAgentTag) =>
        humanAgentTag && policy.HumanAgentWindow is { } humanAgentWindow && window.LastInboundAt is { } lastInbound
            ? Max(lastInbound + humanAgentWindow, window.ExpiresAt ?? lastInbound)
            : window.ExpiresAt;

    public static bool AllowsFreeForm(ChannelPolicy policy, ServiceWindow window, bool humanAgentTag, DateTimeOffset now) =>
        FreeFormAllowedUntil(policy, window, humanAgentTag) is { } until && now < until;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a <= b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;
}
