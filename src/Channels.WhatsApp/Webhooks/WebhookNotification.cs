namespace Switchboard.Channels.WhatsApp.Webhooks;

/// <summary>A parsed webhook POST: every event of every entry and change, in payload order.</summary>
public sealed record WebhookNotification(string? Object, IReadOnlyList<WebhookEvent> Events)
{
    public IEnumerable<InboundMessage> Messages => Events.OfType<InboundMessage>();

    public IEnumerable<StatusUpdate> Statuses => Events.OfType<StatusUpdate>();

    public IEnumerable<TemplateStatusUpdate> TemplateStatusUpdates => Events.OfType<TemplateStatusUpdate>();

    public IEnumerable<UserPreferenceUpdate> UserPreferences => Events.OfType<UserPreferenceUpdate>();

    public IEnumerable<WebhookErrors> Errors => Events.OfType<WebhookErrors>();

    public IEnumerable<UnknownChange> UnknownChanges => Events.OfType<UnknownChange>();

    /// <summary>The business numbers this POST concerns: one POST may carry several.</summary>
    public IReadOnlyList<string> PhoneNumberIds =>
        Events.Select(e => e.Origin.PhoneNumberId).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
}
