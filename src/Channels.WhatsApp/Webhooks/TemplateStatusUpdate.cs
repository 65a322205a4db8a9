namespace Switchboard.Channels.WhatsApp.Webhooks;

/// <summary>
/// <c>message_template_status_update</c>: a template was approved, rejected, paused, disabled…
/// <see cref="Event"/> stays a string because Meta adds events.
/// <see cref="Language"/> is normalised to Meta's send form (en_US), whichever separator arrived.
/// </summary>
public sealed record TemplateStatusUpdate(
    WebhookOrigin Origin,
    string? TemplateId,
    string? Name,
    string? Language,
    string Event,
    string? Reason,
    string? Category,
    string? RejectionReason,
    string? RejectionRecommendation,
    DateTimeOffset? DisableDate,
    string? OtherInfoTitle,
    string? OtherInfoDescription,
    string RawJson) : WebhookEvent(Origin, RawJson);
