namespace Switchboard.Channels.WhatsApp.Webhooks;

/// <summary>The Click-to-WhatsApp ad (or post) the customer came from; <see cref="RawJson"/> keeps every field.</summary>
public sealed record InboundReferral(
    string? SourceUrl,
    string? SourceId,
    string? SourceType,
    string? Headline,
    string? Body,
    string? MediaType,
    string? ImageUrl,
    string? VideoUrl,
    string? ThumbnailUrl,
    string? CtwaClid,
    string RawJson);
