namespace Switchboard.Channels.WhatsApp.Templates;

/// <summary>One page of templates; <see cref="NextCursor"/> is null on the last page.</summary>
public sealed record TemplatePage(IReadOnlyList<WhatsAppTemplate> Templates, string? NextCursor);
