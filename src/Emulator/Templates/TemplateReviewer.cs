using System.Globalization;
using System.Text.Json.Nodes;
using Switchboard.Emulator.Control;
using Switchboard.Emulator.Graph;
using Switchboard.Emulator.Numbers;
using Switchboard.Emulator.Webhooks;

namespace Switchboard.Emulator.Templates;

/// <summary>
/// Plays Meta's template review: after the WABA's approval delay a PENDING template becomes APPROVED, or
/// REJECTED when its name starts with <c>reject_</c> (or its variables touch each other), and a signed
/// <c>message_template_status_update</c> webhook (spec §3.8) goes to every webhook URL of the WABA's numbers.
/// </summary>
public sealed partial class TemplateReviewer(
    NumberRegistry numbers,
    WebhookDispatcher webhooks,
    ResetGeneration reset,
    TimeProvider time,
    ILogger<TemplateReviewer> logger)
{
    public const string RejectPrefix = "reject_";

    public void ScheduleReview(MessageTemplate template) => _ = ReviewLaterAsync(template, reset.Token);

    /// <summary>Sets a status chosen by the control API and announces it.</summary>
    public void ForceStatus(MessageTemplate template, string status, string? reason)
    {
        template.SetStatus(status);
        Announce(template, status, reason);
    }

    private async Task ReviewLaterAsync(MessageTemplate template, CancellationToken generation)
    {
        try
        {
            var delayMs = numbers.InWaba(template.WabaId).Select(n => n.Settings.TemplateApprovalDelayMs).DefaultIfEmpty(NumberSettings.DefaultTemplateApprovalDelayMs).First();
            if (delayMs > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(delayMs), time, generation);
            }
            else
            {
                // Let the creation response go out first, as with Meta's (much slower) review.
                await Task.Yield();
            }
            var definition = template.Definition;
            var rejected = definition.Name.StartsWith(RejectPrefix, StringComparison.Ordinal) || definition.HasAdjacentVariables;
            var outcome = rejected ? TemplateStatuses.Rejected : TemplateStatuses.Approved;
            // A status forced meanwhile (or a deletion) wins over the review.
            if (template.TryChangeStatus(TemplateStatuses.Pending, outcome))
            {
                Announce(template, outcome, rejected ? "INVALID_FORMAT" : null);
            }
        }
        catch (OperationCanceledException)
        {
            // Reset or shutdown: the review is moot.
        }
    }

    private void Announce(MessageTemplate template, string status, string? reason)
    {
        var value = StatusValue(template, status, reason);
        var body = GraphJson.ToWebhookBytes(WebhookPayloads.TemplateStatus(template.WabaId, time.GetUtcNow().ToUnixTimeSeconds(), value));
        // Webhooks are per app: send once per distinct (URL, secret) among the WABA's numbers.
        var targets = numbers.InWaba(template.WabaId)
            .GroupBy(n => (n.Settings.WebhookUrl, n.Settings.AppSecret))
            .Select(g => g.First());
        foreach (var number in targets)
        {
            webhooks.Send(number.PhoneNumberId, WebhookKind.TemplateStatus, new WebhookTarget(number.Settings.WebhookUrl, number.Settings.AppSecret), body);
        }
        LogStatus(template.Id, template.Name, status);
    }

    private JsonObject StatusValue(MessageTemplate template, string status, string? reason)
    {
        var definition = template.Definition;
        var value = new JsonObject
        {
            ["event"] = status,
            ["message_template_id"] = long.Parse(template.Id, CultureInfo.InvariantCulture),
            ["message_template_name"] = definition.Name,
            // Meta's example writes the language with a hyphen (en-US) although create/send use en_US (spec §3.8).
            ["message_template_language"] = definition.Language.Replace('_', '-'),
            ["reason"] = reason ?? "NONE",
            ["message_template_category"] = definition.Category,
        };
        switch (status)
        {
            case TemplateStatuses.Rejected:
                value["rejection_info"] = new JsonObject
                {
                    ["reason"] = definition.HasAdjacentVariables
                        ? "Your template has parameters placed next to each other (like {{1}}{{2}}) without text or punctuation between them."
                        : "Your template was rejected by the emulator because its name starts with \"reject_\".",
                    ["recommendation"] = definition.HasAdjacentVariables
                        ? "Separate parameters with descriptive text and ensure each parameter is clearly contextualized."
                        : "Create the template under a name that does not start with \"reject_\".",
                };
                break;
            case TemplateStatuses.Paused:
                value["other_info"] = new JsonObject
                {
                    ["title"] = "FIRST_PAUSE",
                    ["description"] = "Your template has been paused for 3 hours because of low quality.",
                };
                break;
            case TemplateStatuses.Disabled:
                value["disable_info"] = new JsonObject
                {
                    ["disable_date"] = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
                };
                break;
        }
        return value;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Template {TemplateId} ({Name}) is now {Status}")]
    private partial void LogStatus(string templateId, string name, string status);
}
