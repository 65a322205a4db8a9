using System.Buffers;
using Switchboard.Api.Problems;
using Switchboard.Channels.WhatsApp.Webhooks;
using Switchboard.Storage.Channels;

namespace Switchboard.Api.Webhooks;

/// <summary>
/// Meta's webhook: GET is the verification handshake, POST delivers messages and statuses.
/// A POST is answered 200 only once everything it carries is durable: applied to its conversations,
/// or kept whole to apply later. A bad signature changes nothing.
/// </summary>
public static partial class WhatsAppWebhookEndpoints
{
    /// <summary>Meta batches up to 3 MB per POST; a little over that is still Meta's.</summary>
    private const int MaxBodyBytes = 4 * 1024 * 1024;

    public static void MapWhatsAppWebhookEndpoints(this IEndpointRouteBuilder app)
    {
        var webhooks = app.MapGroup("/webhooks/whatsapp").WithTags("Webhooks").AllowAnonymous();
        webhooks.MapGet("/", VerifyAsync).Produces<string>(contentType: "text/plain").ProducesProblem(403);
        webhooks.MapPost("/", ReceiveAsync).Produces(200).ProducesProblem(400).ProducesProblem(401).ProducesProblem(404);
    }

    private static async Task<IResult> VerifyAsync(HttpRequest request, ChannelStore channels, CancellationToken cancellationToken)
    {
        var verification = new WebhookVerificationRequest(
            request.Query["hub.mode"], request.Query["hub.verify_token"], request.Query["hub.challenge"]);
        if (verification.VerifyToken is { Length: > 0 } token && (await channels.FindByVerifyTokenAsync(token, cancellationToken)).Count > 0)
        {
            var result = WebhookVerification.Verify(verification, token);
            if (result.IsVerified)
            {
                return Results.Text(result.Challenge, "text/plain");
            }
        }

        return ApiProblems.Forbidden("hub.mode must be 'subscribe' and hub.verify_token must match a channel's verify token.");
    }

    private static async Task<IResult> ReceiveAsync(
        HttpRequest request, WebhookIntake intake, WebhookProcessor processor, WebhookInbox inbox, TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var receivedAt = time.GetUtcNow();
        var body = await ReadBodyAsync(request, cancellationToken);
        if (body is null)
        {
            return ApiProblems.Of(413, "payload_too_large", "Payload too large", $"Webhook bodies are limited to {MaxBodyBytes} bytes.");
        }

        switch (await intake.AcceptAsync(body.Value, request.Headers[WebhookSignature.HeaderName], cancellationToken))
        {
            case IntakeResult.Refused refused:
                return ApiProblems.Of(refused.Status, refused.Type, "Webhook refused", refused.Detail);
            case IntakeResult.Verified verified:
                try
                {
                    // Every event becomes a durable grain turn before the 200: nothing acknowledged can be lost.
                    await processor.ApplyAsync(verified.Notification, receivedAt, cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    // The cluster cannot take it now: keep the exact bytes and apply them later. If even
                    // that fails, the answer is an error and the provider sends the webhook again.
                    LogKeptForLater(loggers.CreateLogger(typeof(WhatsAppWebhookEndpoints)), ex.GetType().Name, ex);
                    await inbox.KeepAsync(verified.Channel.TenantId, verified.Channel.Id, body.Value, receivedAt, ex.Message, CancellationToken.None);
                }

                return Results.Ok();
            default:
                throw new InvalidOperationException("Unknown intake result.");
        }
    }

    /// <summary>The exact bytes received: the signature is over them, never over a re-serialisation.</summary>
    private static async Task<ReadOnlyMemory<byte>?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > MaxBodyBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A webhook could not be applied now ({Error}); it is kept and applied later")]
    private static partial void LogKeptForLater(ILogger logger, string error, Exception exception);
}
