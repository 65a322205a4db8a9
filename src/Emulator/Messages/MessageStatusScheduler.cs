using System.Globalization;
using System.Text.Json.Nodes;
using Switchboard.Emulator.Control;
using Switchboard.Emulator.Customers;
using Switchboard.Emulator.Faults;
using Switchboard.Emulator.Graph;
using Switchboard.Emulator.Numbers;
using Switchboard.Emulator.Webhooks;

namespace Switchboard.Emulator.Messages;

/// <summary>
/// What happens to an accepted message after the 200 (spec §7.3): <c>sent</c>, <c>delivered</c> and
/// <c>read</c> webhooks at the number's delays — <c>pricing</c> on sent and on the first of
/// delivered/read; reactions only get <c>sent</c>; voice messages end with <c>played</c>; no <c>read</c> (or
/// <c>played</c>) from customers with read receipts off —
/// shuffled by the number's chaos knobs; or a single <c>failed</c> status with the error.
/// </summary>
public sealed class MessageStatusScheduler(
    StatusPublisher publisher,
    CustomerDirectory customers,
    ResetGeneration generation,
    TimeProvider time)
{
    private static readonly TimeSpan PlayedAfterRead = TimeSpan.FromMilliseconds(100);

    public void ScheduleDelivery(BusinessNumber number, OutboundMessage message)
    {
        var settings = number.Settings;
        var faults = number.Faults;
        var plan = new List<(string Status, TimeSpan Due)> { ("sent", settings.SentDelay) };
        if (message.Type != "reaction")
        {
            if (!Chance.Happens(faults.SkipDeliveredRate))
            {
                plan.Add(("delivered", settings.DeliveredDelay));
            }
            if (customers.Get(message.CustomerWaId).ReadReceipts)
            {
                plan.Add(("read", settings.ReadDelay));
                if (message.IsVoice)
                {
                    // Voice messages report their first play since March 2026 (spec §3.6, §7.3).
                    plan.Add(("played", settings.ReadDelay + PlayedAfterRead));
                }
            }
        }
        if (plan.Count > 1 && Chance.Happens(faults.OutOfOrderRate))
        {
            // Same moments, statuses in reverse: read first, sent last (spec §3.3 "Ordering").
            var moments = plan.Select(p => p.Due).Order().ToList();
            plan = [.. plan.Select((p, i) => (p.Status, moments[plan.Count - 1 - i]))];
        }
        var token = generation.Token;
        for (var i = 0; i < plan.Count; i++)
        {
            // Pricing rides on `sent` and on exactly one of delivered/read (spec §3.6).
            var withPricing = i <= 1;
            var status = Status(message, plan[i].Status, withPricing, error: null);
            _ = EmitLaterAsync(number, message, status, plan[i].Due, Chance.Happens(faults.DuplicateStatusRate), token);
        }
    }

    /// <summary>The asynchronous failure of an accepted send: one <c>failed</c> status, no pricing (spec §7.3).</summary>
    public void ScheduleFailure(BusinessNumber number, OutboundMessage message, GraphError error)
    {
        var status = Status(message, "failed", withPricing: false, error);
        _ = EmitLaterAsync(number, message, status, number.Settings.SentDelay, Chance.Happens(number.Faults.DuplicateStatusRate), generation.Token);
    }

    private async Task EmitLaterAsync(BusinessNumber number, OutboundMessage message, JsonObject status, TimeSpan due, bool duplicate, CancellationToken cancellationToken)
    {
        try
        {
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due, time, cancellationToken);
            }
            else
            {
                // Never inside the send request: the 200 must be on its way first (or racing, as with Meta).
                await Task.Yield();
            }
        }
        catch (OperationCanceledException)
        {
            return;
        }
        var now = time.GetUtcNow();
        status["timestamp"] = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var name = status.Text("status")!;
        message.Record(new StatusChange(name, now, name == "failed" ? (int?)status["errors"]![0]!["code"]!.GetValue<int>() : null));
        publisher.Publish(number, status, duplicate);
    }

    private static JsonObject Status(OutboundMessage message, string name, bool withPricing, GraphError? error)
    {
        var status = new JsonObject
        {
            ["id"] = message.Wamid,
            ["status"] = name,
            ["timestamp"] = "0",
            ["recipient_id"] = message.CustomerWaId,
        };
        if (message.BizOpaqueCallbackData is not null)
        {
            status["biz_opaque_callback_data"] = message.BizOpaqueCallbackData;
        }
        if (withPricing)
        {
            status["pricing"] = message.Pricing.ToJson();
        }
        if (error is not null)
        {
            status["errors"] = new JsonArray(error.ToWebhookError());
        }
        return status;
    }
}
