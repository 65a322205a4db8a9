using Switchboard.Emulator.Faults;
using Switchboard.Emulator.Graph;

namespace Switchboard.Emulator.Messages;

/// <summary><c>POST /{version}/{phone-number-id}/messages</c>: sends, mark-as-read and typing indicators (spec §1).</summary>
public static class MessageEndpoints
{
    public static void MapMessageEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/{version:regex(^v\\d+\\.\\d+$)}/{phoneNumberId}/messages", HandleAsync);

    private static async Task<IResult> HandleAsync(
        HttpContext context,
        string phoneNumberId,
        GraphAuthenticator authenticator,
        MessageSender sender,
        MarkAsRead markAsRead,
        IHostApplicationLifetime lifetime,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (authenticator.AuthorizeNumber(context.Request, phoneNumberId, out var number) is { } authError)
        {
            return GraphResults.Error(context, authError);
        }
        var faults = number.Faults;
        if (faults.LatencyMs > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(faults.LatencyMs), time, cancellationToken);
        }
        if (faults.HangSeconds > 0 && Chance.Happens(faults.HangRate ?? 1))
        {
            // Deliberately not the request's token: a client that gives up does not stop Meta from
            // processing the send, which is exactly the unknown outcome the product must handle.
            await Task.Delay(TimeSpan.FromSeconds(faults.HangSeconds), time, lifetime.ApplicationStopping);
        }

        var call = GraphCall.From(context);
        if (JsonFields.ParseObject(call.Body) is not { } body)
        {
            return GraphResults.Error(context, GraphErrors.InvalidParameter("The request body must be a JSON object."));
        }
        if (body.Has("status"))
        {
            return markAsRead.Apply(number, body) is { } readError
                ? GraphResults.Error(context, readError)
                : GraphResults.Success();
        }
        if (OutboundMessageValidator.Validate(body, out var request) is { } validationError)
        {
            return GraphResults.Error(context, validationError);
        }
        return sender.Send(number, request!, call.Body, out var response) is { } sendError
            ? GraphResults.Error(context, sendError)
            : GraphResults.Json(response!);
    }
}
