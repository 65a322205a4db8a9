using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Switchboard.Emulator.Media;
using Switchboard.Emulator.Messages;
using Switchboard.Emulator.Numbers;
using Switchboard.Emulator.Webhooks;

namespace Switchboard.Emulator.Customers;

/// <summary>Control API for the customers' side: their messages, settings and conversations (what the page shows).</summary>
public static class CustomerEndpoints
{
    public static void MapCustomerEndpoints(this IEndpointRouteBuilder app)
    {
        var customers = app.MapGroup("/_emulator/customers/{waId:regex(^\\d{{7,15}}$)}");
        customers.MapPost("/messages", SendAsync);
        customers.MapPost("/settings", UpdateSettings);
        customers.MapGet("/", (string waId, CustomerDirectory directory) => Results.Ok(directory.Get(waId)));

        app.MapGet("/_emulator/numbers/{phoneNumberId}/customers", ListCustomers);
        app.MapGet("/_emulator/numbers/{phoneNumberId}/customers/{waId}/conversation", GetConversation);
        // Media bytes without a token, for the page only (it plays the customer's phone, which has the file).
        app.MapGet("/_emulator/media/{mediaId}", (string mediaId, MediaStore store) =>
            store.Find(mediaId) is { } item ? Results.File(item.Content, item.MimeType, item.FileName) : Results.NotFound());
    }

    /// <summary>
    /// <c>POST /_emulator/customers/{waId}/messages[?wait=true]</c>. Answers once the webhook is queued
    /// (<c>delivery: "queued"</c>) or, with <c>wait=true</c>, once the product acknowledged it with a 200
    /// (<c>"acknowledged"</c>), gave up on it (<c>"abandoned"</c>) or the wait timed out (<c>"pending"</c>).
    /// </summary>
    private static async Task<IResult> SendAsync(
        string waId,
        bool? wait,
        HttpContext context,
        NumberRegistry numbers,
        CustomerMessages messages,
        IOptions<WebhookOptions> options,
        CancellationToken cancellationToken)
    {
        JsonObject? request;
        try
        {
            request = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: cancellationToken) as JsonObject;
        }
        catch (JsonException exception)
        {
            return Results.Problem(exception.Message, statusCode: StatusCodes.Status400BadRequest, title: "The body is not JSON.");
        }
        if (request is null)
        {
            return Results.Problem("The body must be a JSON object.", statusCode: StatusCodes.Status400BadRequest);
        }
        var phoneNumberId = request["phoneNumberId"] is JsonValue id ? id.ToString() : null;
        if (string.IsNullOrEmpty(phoneNumberId) || numbers.Find(phoneNumberId) is not { } number)
        {
            return Results.Problem($"No number {phoneNumberId} is registered.", statusCode: StatusCodes.Status404NotFound);
        }
        if (messages.Receive(number, waId, request, context.Request, out var received) is { } problem)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["message"] = [problem] });
        }
        var delivery = received!.Delivery;
        if (wait == true)
        {
            try
            {
                await delivery.Outcome.WaitAsync(TimeSpan.FromMilliseconds(options.Value.WaitTimeoutMs), cancellationToken);
            }
            catch (TimeoutException)
            {
                // Reported as "pending" below.
            }
        }
        return Results.Ok(new
        {
            id = received.Message.Wamid,
            delivery = wait == true ? delivery.State : "queued",
            webhookId = delivery.Id,
            attempts = delivery.AttemptCount,
        });
    }

    /// <summary>Settings of the customers' phone</summary>
    public sealed record CustomerSettings(string? Name, bool? ReadReceipts, bool? OnWhatsApp);

    private static IResult UpdateSettings(string waId, CustomerSettings settings, CustomerDirectory directory) =>
        Results.Ok(directory.Update(waId, profile => profile with
        {
            Name = settings.Name ?? profile.Name,
            ReadReceipts = settings.ReadReceipts ?? profile.ReadReceipts,
            OnWhatsApp = settings.OnWhatsApp ?? profile.OnWhatsApp,
        }));

    private static IResult ListCustomers(string phoneNumberId, NumberRegistry numbers, ConversationStore conversations, CustomerDirectory directory, TimeProvider time)
    {
        if (numbers.Find(phoneNumberId) is not { } number)
        {
            return Results.NotFound();
        }
        var now = time.GetUtcNow();
        return Results.Ok(conversations.ForNumber(phoneNumberId).Select(c => new
        {
            waId = c.CustomerWaId,
            name = directory.Get(c.CustomerWaId).Name,
            lastActivity = c.LastActivity,
            windowOpen = number.Windows.IsOpen(c.CustomerWaId, now),
        }));
    }

    private static IResult GetConversation(
        string phoneNumberId, string waId, NumberRegistry numbers, ConversationStore conversations, CustomerDirectory directory, TimeProvider time)
    {
        if (numbers.Find(phoneNumberId) is not { } number)
        {
            return Results.NotFound();
        }
        var now = time.GetUtcNow();
        var conversation = conversations.Find(phoneNumberId, waId);
        var customer = directory.Get(waId);
        return Results.Ok(new
        {
            phoneNumberId,
            waId,
            customer.Name,
            customer.ReadReceipts,
            windowOpen = number.Windows.IsOpen(waId, now),
            windowExpiresAt = number.Windows.ExpiresAt(waId),
            typing = conversation?.TypingUntil > now,
            messages = (conversation?.Messages ?? []).Select(m => m switch
            {
                OutboundMessage outbound => (object)new
                {
                    id = outbound.Wamid,
                    direction = "outbound",
                    outbound.Type,
                    at = outbound.AcceptedAt,
                    outbound.Status,
                    request = JsonNode.Parse(outbound.RequestBody),
                    template = outbound.RenderedTemplateJson is { } rendered ? JsonNode.Parse(rendered) : null,
                },
                InboundMessage inbound => new
                {
                    id = inbound.Wamid,
                    direction = "inbound",
                    inbound.Type,
                    at = DateTimeOffset.FromUnixTimeSeconds(inbound.Timestamp),
                    inbound.ReadByBusiness,
                    message = JsonNode.Parse(inbound.MessageJson),
                },
                _ => new { id = m.Wamid },
            }),
        });
    }
}
