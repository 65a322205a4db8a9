using Switchboard.Channels.WhatsApp.Webhooks;
using Switchboard.Storage.Channels;

namespace Switchboard.Api.Webhooks;

/// <summary>What the first look at a webhook POST found: a signed notification for our numbers, or a refusal (nothing applied).</summary>
public abstract record IntakeResult
{
    /// <summary>Signed by the app of <paramref name="Channel"/> (the first number it names) and parsed.</summary>
    public sealed record Verified(WebhookNotification Notification, ChannelRecord Channel) : IntakeResult;

    public sealed record Refused(int Status, string Type, string Detail) : IntakeResult;
}
