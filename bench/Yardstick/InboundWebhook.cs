using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Npgsql;

namespace Switchboard.Yardstick;

/// <summary>POST /webhooks/whatsapp: exact bytes, X-Hub-Signature-256, each text message stored then pushed.</summary>
public static class InboundWebhook
{
    public static async Task<IResult> ReceiveAsync(
        HttpRequest request, AppSecret secret, NpgsqlDataSource dataSource, IHubContext<ScreenHub> screens, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        var body = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        if (!SignatureMatches(body.Span, request.Headers["X-Hub-Signature-256"], secret.Value))
        {
            return Results.Unauthorized();
        }

        using var webhook = JsonDocument.Parse(body);
        foreach (var entry in webhook.RootElement.GetProperty("entry").EnumerateArray())
        {
            foreach (var change in entry.GetProperty("changes").EnumerateArray())
            {
                if (!change.GetProperty("value").TryGetProperty("messages", out var messages))
                {
                    continue;
                }

                foreach (var message in messages.EnumerateArray())
                {
                    var wamid = message.GetProperty("id").GetString()!;
                    var from = message.GetProperty("from").GetString()!;
                    var text = message.TryGetProperty("text", out var t) ? t.GetProperty("body").GetString()! : "";
                    await InboundMessages.InsertAsync(dataSource, wamid, from, text, cancellationToken);
                    await screens.Clients.All.SendAsync("messageCreated", new { message = new { id = wamid, from, text } }, cancellationToken);
                }
            }
        }

        return Results.Ok();
    }

    private static bool SignatureMatches(ReadOnlySpan<byte> body, string? header, string secret)
    {
        const string prefix = "sha256=";
        if (header is null || !header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) || header.Length != prefix.Length + 64)
        {
            return false;
        }

        Span<byte> claimed = stackalloc byte[32];
        Span<byte> expected = stackalloc byte[32];
        if (Convert.FromHexString(header.AsSpan(prefix.Length), claimed, out _, out var written) != System.Buffers.OperationStatus.Done || written != 32)
        {
            return false;
        }

        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body, expected);
        return CryptographicOperations.FixedTimeEquals(claimed, expected);
    }
}
