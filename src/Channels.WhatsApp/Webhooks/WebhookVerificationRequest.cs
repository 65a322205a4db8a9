using Microsoft.AspNetCore.Http;

namespace Switchboard.Channels.WhatsApp.Webhooks;

/// <summary>The GET handshake Meta sends when a callback URL is set: hub.mode, hub.verify_token, hub.challenge.</summary>
public sealed record WebhookVerificationRequest(string? Mode, string? VerifyToken, string? Challenge)
{
    public static WebhookVerificationRequest FromQuery(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return new(First(query, "hub.mode"), First(query, "hub.verify_token"), First(query, "hub.challenge"));
    }

    private static string? First(IQueryCollection query, string key) =>
        query.TryGetValue(key, out var values) && values.Count > 0 ? values[0] : null;

    // The verify token is a secret; keep it out of logs.
    public override string ToString() => $"WebhookVerificationRequest {{ Mode = {Mode}, Challenge = {Challenge} }}";
}
