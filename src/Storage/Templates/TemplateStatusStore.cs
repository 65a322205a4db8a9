using Dapper;
using Npgsql;
using Switchboard.Channels.WhatsApp.Webhooks;

namespace Switchboard.Storage.Templates;

/// <summary>
/// Applies Meta's <c>message_template_status_update</c> webhooks to our templates. A template is
/// found through the number it was submitted with (its channel's WABA id), by the provider's
/// template id, or by name and language while that id is not yet stored (a fast review's webhook
/// can beat the answer to the submission). A WABA is matched in every tenant that has it, each
/// through its own template rows, so no tenant's template is found through another's number.
/// Webhooks come at least once and out of order: an event older than the last one applied to a
/// template is ignored, and one that changes nothing is not reported.
/// </summary>
public sealed class TemplateStatusStore(NpgsqlDataSource dataSource)
{
    /// <summary>The changes made, one per template whose status or reason changed; empty when none.</summary>
    public async Task<IReadOnlyList<TemplateStatusChanged>> ApplyAsync(string wabaId, TemplateStatusUpdate update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        var status = StatusOf(update.Event);
        var rejected = status == "rejected";
        var category = update.Category?.ToLowerInvariant() is "marketing" or "utility" or "authentication" ? update.Category.ToLowerInvariant() : null;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);

        // Channels are joined whether or not they were removed since: the template still lives in
        // that business account, and it is reached only through its own tenant's channel row.
        var changes = await connection.QueryAsync<TemplateStatusChanged>(new CommandDefinition(
            """
            update templates t set
                status = @status,
                rejection_reason = @RejectionReason,
                rejection_recommendation = @RejectionRecommendation,
                status_reason = @StatusReason,
                category = coalesce(@category, t.category),
                status_event_at = coalesce(@EventAt, t.status_event_at),
                updated_at = now()
            from channels c
            where c.tenant_id = t.tenant_id and c.id = t.channel_id and c.waba_id = @wabaId
              and ((@TemplateId::text is not null and t.provider_template_id = @TemplateId)
                   or (t.name = @Name and lower(t.language) = lower(@Language)
                       and (t.provider_template_id is null or @TemplateId::text is null)))
              and (@EventAt::timestamptz is null or t.status_event_at is null or t.status_event_at <= @EventAt)
              and (t.status, t.rejection_reason, t.status_reason, t.category)
                  is distinct from (@status, @RejectionReason, @StatusReason, coalesce(@category, t.category))
            returning t.tenant_id as TenantId, t.id as TemplateId, t.name as Name, t.language as Language, t.status as Status,
                      coalesce(t.rejection_reason, t.status_reason) as Reason
            """,
            new
            {
                status,
                category,
                wabaId,
                update.TemplateId,
                update.Name,
                update.Language,
                EventAt = update.Origin.EntryTime?.UtcDateTime,
                RejectionReason = rejected ? RejectionReasonOf(update) : null,
                RejectionRecommendation = rejected ? update.RejectionRecommendation : null,
                StatusReason = rejected ? null : StatusReasonOf(update),
            },
            cancellationToken: cancellationToken));
        return changes.ToList();
    }

    /// <summary>
    /// Meta's events as our lowercase statuses. REINSTATED is Meta saying a paused or disabled
    /// template is approved again; events we do not model pass through lowercased.
    /// </summary>
    public static string StatusOf(string providerEvent) => providerEvent.Trim().ToUpperInvariant() switch
    {
        "APPROVED" or "REINSTATED" => "approved",
        "REJECTED" => "rejected",
        "PAUSED" => "paused",
        "DISABLED" => "disabled",
        "PENDING" => "pending",
        _ => providerEvent.Trim().ToLowerInvariant(),
    };

    /// <summary>"Your template has parameters next to each other… (INVALID_FORMAT)", or the bare code.</summary>
    private static string? RejectionReasonOf(TemplateStatusUpdate update)
    {
        var code = update.Reason is null or "NONE" ? null : update.Reason;
        return update.RejectionReason is { Length: > 0 } sentence
            ? code is null ? sentence : $"{sentence} ({code})"
            : code;
    }

    /// <summary>Why a template is paused or disabled, when Meta says (other_info, disable_info).</summary>
    private static string? StatusReasonOf(TemplateStatusUpdate update)
    {
        var parts = new List<string>();
        if (update.OtherInfoTitle is { Length: > 0 } title)
        {
            parts.Add(title);
        }

        if (update.OtherInfoDescription is { Length: > 0 } description)
        {
            parts.Add(description);
        }

        if (update.DisableDate is { } date)
        {
            parts.Add($"disabled on {date.UtcDateTime:yyyy-MM-dd}");
        }

        if (parts.Count == 0 && update.Reason is { Length: > 0 } reason && reason != "NONE")
        {
            parts.Add(reason);
        }

        return parts.Count == 0 ? null : string.Join(": ", parts);
    }
}
