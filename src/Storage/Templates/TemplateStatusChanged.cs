namespace Switchboard.Storage.Templates;

/// <summary>A tenant's template changed status at the provider (approved, rejected with a reason, paused…).</summary>
public sealed record TemplateStatusChanged(string TenantId, string TemplateId, string Name, string Language, string Status, string? Reason);
