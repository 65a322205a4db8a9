namespace Switchboard.Channels.WhatsApp.Templates;

/// <summary>
/// A template as Meta lists it. Status and category stay strings because Meta adds values
/// (PAUSED, LIMIT_EXCEEDED, …); <see cref="ComponentsJson"/> keeps the components verbatim.
/// </summary>
public sealed record WhatsAppTemplate(
    string Id,
    string Name,
    string? Language,
    string? Status,
    string? Category,
    string? ParameterFormat = null,
    string? PreviousCategory = null,
    string? RejectedReason = null,
    string? ComponentsJson = null);
