namespace Switchboard.Channels.WhatsApp.Templates;

/// <summary>Meta's answer to a creation: the template id, its review status (usually PENDING) and the category it settled on.</summary>
public sealed record CreatedTemplate(string Id, string? Status, string? Category);
