using System.Text;
using System.Text.Json.Nodes;
using Switchboard.Emulator.Customers;
using Switchboard.Emulator.Faults;
using Switchboard.Emulator.Graph;
using Switchboard.Emulator.Media;
using Switchboard.Emulator.Numbers;
using Switchboard.Emulator.Templates;

namespace Switchboard.Emulator.Messages;

/// <summary>
/// Decides what becomes of a validated send, in the order Meta's answers suggest: template and media
/// references, injected synchronous faults, throughput (130429), pair rate (131056), the customer-service
/// window (131047) — and for an accepted message, whether it will later fail asynchronously (131047,
/// 131053, 131009 for a reaction to an unknown message, 131026, injected codes) or be delivered.
/// </summary>
public sealed class MessageSender(
    TemplateStore templates,
    MediaStore media,
    MessageLedger ledger,
    ConversationStore conversations,
    CustomerDirectory customers,
    MessageStatusScheduler statuses,
    TimeProvider time)
{
    /// <summary>The 200 body, or the error to answer with.</summary>
    public GraphError? Send(BusinessNumber number, OutboundRequest request, byte[] rawBody, out JsonObject? response)
    {
        response = null;
        var settings = number.Settings;
        var faults = number.Faults;
        var now = time.GetUtcNow();

        TemplateMessageValidator.Accepted? template = null;
        if (request.Type == "template"
            && TemplateMessageValidator.Validate(request.ContentObject!, settings.WabaId, templates, out template) is { } templateError)
        {
            return templateError;
        }

        string? mediaProblem = null;
        if (MediaRules.KindOf(request.Type) is { } kind && request.ContentObject.TextOrNumber("id") is { } mediaId)
        {
            if (media.Find(mediaId) is not { } item || item.WabaId != settings.WabaId)
            {
                return GraphErrors.ParameterValueNotValid($"Invalid media id {mediaId}: it does not exist, has expired or belongs to another account.");
            }
            // Meta checks type and size when it delivers, and reports a mismatch in a failed status (spec §2.6).
            mediaProblem = MediaRules.ProblemSending(item, kind, request.ContentObject.Flag("voice") == true);
        }

        var injectFailure = Chance.Happens(faults.FailureRate);
        if (injectFailure && !faults.FailsAsynchronously)
        {
            return GraphErrors.ForCode(Chance.Pick(faults.EffectiveFailureCodes));
        }
        if (!number.TryTakeThroughput())
        {
            return GraphErrors.ThroughputReached();
        }
        if (!number.TryTakePairRate(request.WaId))
        {
            return GraphErrors.PairRateLimitHit();
        }
        var windowOpen = number.Windows.IsOpen(request.WaId, now);
        if (request.IsFreeForm && !windowOpen && settings.WindowFailureMode == WindowFailureMode.Sync)
        {
            return GraphErrors.ReEngagementRequired();
        }

        GraphError? asyncFailure = null;
        if (request.IsFreeForm && !windowOpen)
        {
            asyncFailure = GraphErrors.ReEngagementRequired();
        }
        else if (mediaProblem is not null)
        {
            asyncFailure = GraphErrors.MediaUploadError(mediaProblem);
        }
        else if (request.Type == "reaction" && !IsReactionTarget(number, request))
        {
            asyncFailure = GraphErrors.ParameterValueNotValid("The message to react to does not exist in this chat, is a reaction itself, or is older than 30 days.");
        }
        else if (!customers.Get(request.WaId).OnWhatsApp)
        {
            asyncFailure = GraphErrors.NotOnWhatsApp();
        }
        else if (injectFailure)
        {
            asyncFailure = GraphErrors.ForCode(Chance.Pick(faults.EffectiveFailureCodes));
        }

        var message = new OutboundMessage(
            number.NextOutboundSequence(),
            Wamid.ForOutbound(request.WaId),
            number.PhoneNumberId,
            request.WaId,
            request.Input,
            request.Type,
            Encoding.UTF8.GetString(rawBody),
            now,
            PricingFor(template?.Template, windowOpen),
            request.BizOpaqueCallbackData,
            template?.Rendered,
            isVoice: request.Type == "audio" && request.ContentObject.Flag("voice") == true);
        number.Outbox.Add(message);
        ledger.Add(message);
        conversations.For(number.PhoneNumberId, request.WaId).Add(message, now);
        if (asyncFailure is not null)
        {
            statuses.ScheduleFailure(number, message, asyncFailure);
        }
        else
        {
            statuses.ScheduleDelivery(number, message);
        }

        var sent = new JsonObject { ["id"] = message.Wamid };
        if (template is not null)
        {
            sent["message_status"] = "accepted";
        }
        response = new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["contacts"] = new JsonArray(new JsonObject { ["input"] = request.Input, ["wa_id"] = request.WaId }),
            ["messages"] = new JsonArray(sent),
        };
        return null;
    }

    /// <summary>A reaction must target a non-reaction message of this chat, at most 30 days old (spec §1.6).</summary>
    private bool IsReactionTarget(BusinessNumber number, OutboundRequest request)
    {
        var target = ledger.Find(request.ContentObject.Text("message_id")!);
        if (target is null || target.PhoneNumberId != number.PhoneNumberId || target.CustomerWaId != request.WaId || target.Type == "reaction")
        {
            return false;
        }
        var sentAt = target switch
        {
            InboundMessage inbound => DateTimeOffset.FromUnixTimeSeconds(inbound.Timestamp),
            OutboundMessage outbound => outbound.AcceptedAt,
            _ => time.GetUtcNow(),
        };
        return time.GetUtcNow() - sentAt <= TimeSpan.FromDays(30);
    }

    /// <summary>Per-message pricing since July 2025 (spec §3.6): service replies and utility templates are free inside the window.</summary>
    private static Pricing PricingFor(MessageTemplate? template, bool windowOpen)
    {
        if (template is null)
        {
            return new Pricing(false, "free_customer_service", "service");
        }
        var category = template.Definition.Category.ToLowerInvariant();
        return category == "utility" && windowOpen
            ? new Pricing(false, "free_customer_service", category)
            : new Pricing(true, "regular", category);
    }
}
