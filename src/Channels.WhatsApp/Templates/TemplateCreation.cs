using System.Text.Json;

namespace Switchboard.Channels.WhatsApp.Templates;

/// <summary>
/// A template to submit for review. <paramref name="Components"/> is Meta's creation shape
/// (HEADER/BODY/FOOTER/BUTTONS with examples), passed through as the Api received it.
/// </summary>
public sealed record TemplateCreation(
    string Name,
    string Language,
    string Category,
    JsonElement Components,
    string? ParameterFormat = null,
    bool? AllowCategoryChange = null,
    int? MessageSendTtlSeconds = null);
