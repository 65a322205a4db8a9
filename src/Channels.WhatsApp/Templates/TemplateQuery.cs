namespace Switchboard.Channels.WhatsApp.Templates;

/// <summary>Which templates to list: optionally by name, from a paging cursor.</summary>
public sealed record TemplateQuery(string? Name = null, string? After = null, int? Limit = null);
