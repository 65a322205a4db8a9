using System.Text.Json.Nodes;
using Switchboard.Emulator.Faults;
using Switchboard.Emulator.Graph;
using Switchboard.Emulator.Numbers;
using Switchboard.Emulator.Webhooks;

namespace Switchboard.Emulator.Control;

/// <summary>
/// The control API under <c>/_emulator</c> (spec api.md "Emulator"): numbers, their outbox, webhook
/// deliveries and faults, the Graph request log, and reset. JSON here is camelCase, unlike Graph's.
/// </summary>
public static class ControlEndpoints
{
    public static void MapControlEndpoints(this IEndpointRouteBuilder app)
    {
        var control = app.MapGroup("/_emulator");
        control.MapPost("/numbers", RegisterNumber);
        control.MapGet("/numbers", (NumberRegistry numbers) => Results.Ok(numbers.All.Select(Describe)));
        control.MapGet("/numbers/{phoneNumberId}", (string phoneNumberId, NumberRegistry numbers) =>
            numbers.Find(phoneNumberId) is { } number ? Results.Ok(Describe(number)) : NumberNotFound(phoneNumberId));
        control.MapGet("/numbers/{phoneNumberId}/outbox", GetOutbox);
        control.MapGet("/numbers/{phoneNumberId}/webhooks", GetWebhooks);
        control.MapPost("/numbers/{phoneNumberId}/faults", SetFaults);
        control.MapDelete("/numbers/{phoneNumberId}/faults", (string phoneNumberId, NumberRegistry numbers) =>
            SetFaults(phoneNumberId, FaultSettings.None, numbers));
        control.MapGet("/requests", GetRequests);
        control.MapPost("/reset", (EmulatorReset reset) =>
        {
            reset.Reset();
            return Results.NoContent();
        });
    }

    /// <summary><c>POST /_emulator/numbers</c>: registers or updates a number; 201 when new, 200 when it existed.</summary>
    private static IResult RegisterNumber(NumberRegistration registration, NumberRegistry numbers)
    {
        if (registration.Validate() is { Count: > 0 } errors)
        {
            return Results.ValidationProblem(errors);
        }
        var (number, created) = numbers.Register(NumberSettings.From(registration));
        return created
            ? Results.Created($"/_emulator/numbers/{number.PhoneNumberId}", Describe(number))
            : Results.Ok(Describe(number));
    }

    /// <summary>
    /// <c>GET /_emulator/numbers/{id}/outbox[?to=&amp;after=]</c>: what the number sent, oldest first, with the
    /// request body as received and the current status.
    /// </summary>
    private static IResult GetOutbox(string phoneNumberId, string? to, long? after, NumberRegistry numbers)
    {
        if (numbers.Find(phoneNumberId) is not { } number)
        {
            return NumberNotFound(phoneNumberId);
        }
        return Results.Ok(number.Outbox.Snapshot()
            .Where(m => (to is null || m.CustomerWaId == OutboundDigits(to)) && (after is null || m.Sequence > after))
            .Select(m => new
            {
                sequence = m.Sequence,
                id = m.Wamid,
                to = m.CustomerWaId,
                input = m.Input,
                type = m.Type,
                status = m.Status,
                acceptedAt = m.AcceptedAt,
                statuses = m.History.Select(h => new { status = h.Status, at = h.At, errorCode = h.ErrorCode }),
                request = JsonNode.Parse(m.RequestBody),
            }));
    }

    /// <summary><c>GET /_emulator/numbers/{id}/webhooks[?kind=messages|statuses|templateStatus]</c>: every webhook and its attempts.</summary>
    private static IResult GetWebhooks(string phoneNumberId, string? kind, NumberRegistry numbers, WebhookDeliveryLog log)
    {
        if (numbers.Find(phoneNumberId) is null)
        {
            return NumberNotFound(phoneNumberId);
        }
        return Results.Ok(log.For(phoneNumberId)
            .Where(d => kind is null || string.Equals(d.Kind.ToString(), kind, StringComparison.OrdinalIgnoreCase))
            .Select(d => new
            {
                id = d.Id,
                kind = d.Kind,
                url = d.Target.Url,
                state = d.State,
                createdAt = d.CreatedAt,
                signature = d.Signature,
                body = d.BodyText,
                attempts = d.Attempts,
            }));
    }

    /// <summary><c>POST /_emulator/numbers/{id}/faults</c>: replaces the number's failure injection and chaos settings.</summary>
    private static IResult SetFaults(string phoneNumberId, FaultSettings faults, NumberRegistry numbers)
    {
        if (numbers.Find(phoneNumberId) is not { } number)
        {
            return NumberNotFound(phoneNumberId);
        }
        if (faults.Validate() is { Count: > 0 } errors)
        {
            return Results.ValidationProblem(errors);
        }
        number.Apply(faults);
        return Results.Ok(faults);
    }

    /// <summary><c>GET /_emulator/requests[?phoneNumberId=&amp;method=&amp;path=&amp;after=]</c>: Graph requests received, oldest first.</summary>
    private static IResult GetRequests(string? phoneNumberId, string? method, string? path, long? after, GraphRequestLog log) =>
        Results.Ok(log.Snapshot().Where(r =>
            (phoneNumberId is null || r.ObjectId == phoneNumberId)
            && (method is null || string.Equals(r.Method, method, StringComparison.OrdinalIgnoreCase))
            && (path is null || r.Path.Contains(path, StringComparison.Ordinal))
            && (after is null || r.Sequence > after)));

    private static object Describe(BusinessNumber number)
    {
        var s = number.Settings;
        return new
        {
            phoneNumberId = s.PhoneNumberId,
            wabaId = s.WabaId,
            displayPhoneNumber = s.DisplayPhoneNumber,
            webhookUrl = s.WebhookUrl,
            throughputPerSecond = s.ThroughputPerSecond,
            pairRateBurst = s.PairRateBurst,
            windowFailureMode = s.WindowFailureMode == WindowFailureMode.Sync ? "sync" : "async",
            templateApprovalDelayMs = s.TemplateApprovalDelayMs,
            statusDelaysMs = new
            {
                sent = s.SentDelay.TotalMilliseconds,
                delivered = s.DeliveredDelay.TotalMilliseconds,
                read = s.ReadDelay.TotalMilliseconds,
            },
            faults = number.Faults,
        };
    }

    private static string OutboundDigits(string to) => new([.. to.Where(char.IsAsciiDigit)]);

    private static IResult NumberNotFound(string phoneNumberId) =>
        Results.Problem($"No number {phoneNumberId} is registered.", statusCode: StatusCodes.Status404NotFound);
}
