using System.Text.Json;

namespace Switchboard.Api.Templates;

/// <param name="Components">Meta's creation shape: HEADER / BODY / FOOTER / BUTTONS with <c>{{n}}</c> placeholders and examples.</param>
/// <param name="ChannelId">The number whose business account reviews the template; default: the tenant's first healthy WhatsApp number.</param>
public sealed record CreateTemplateRequest(string? Name, string? Language, string? Category, JsonElement? Components, string? ChannelId);

/// <summary>
/// A template and where it is in review. <see cref="Status"/>: draft (not yet submitted), pending,
/// approved, rejected (see <see cref="RejectionReason"/>), paused, disabled, or another of Meta's
/// statuses in lower case.
/// </summary>
public sealed record TemplateView(
    string Id,
    string Name,
    string Language,
    string Category,
    JsonElement Components,
    int BodyParameterCount,
    string Status,
    string? RejectionReason,
    string? RejectionRecommendation,
    string? StatusReason,
    string? ProviderTemplateId,
    string? ChannelId,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    DateTime? SubmittedAt);

/// <summary>A templates row as Dapper reads it; components arrive as JSON text.</summary>
internal sealed record TemplateRow(
    string Id,
    string Name,
    string Language,
    string Category,
    string Components,
    int BodyParameterCount,
    string Status,
    string? RejectionReason,
    string? RejectionRecommendation,
    string? StatusReason,
    string? ProviderTemplateId,
    string? ChannelId,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    DateTime? SubmittedAt)
{
    public const string Columns =
        """
        id as Id, name as Name, language as Language, category as Category, components::text as Components,
        body_parameter_count as BodyParameterCount, status as Status, rejection_reason as RejectionReason,
        rejection_recommendation as RejectionRecommendation, status_reason as StatusReason,
        provider_template_id as ProviderTemplateId, channel_id as ChannelId, created_at as CreatedAt,
        updated_at as UpdatedAt, submitted_at as SubmittedAt
        """;

    public JsonElement ComponentsJson()
    {
        using var document = JsonDocument.Parse(Components);
        return document.RootElement.Clone();
    }

    public TemplateView ToView() => new(
        Id, Name, Language, Category, ComponentsJson(), BodyParameterCount, Status, RejectionReason, RejectionRecommendation,
        StatusReason, ProviderTemplateId, ChannelId, CreatedAt, UpdatedAt, SubmittedAt);
}
