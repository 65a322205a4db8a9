using System.Security.Cryptography;
using System.Text;

namespace Switchboard.Channels.WhatsApp.Webhooks;

/// <summary>The webhook subscription handshake (spec §3.1).</summary>
public static class WebhookVerification
{
    public static WebhookVerificationResult Verify(WebhookVerificationRequest request, string expectedVerifyToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(expectedVerifyToken);

        if (!string.Equals(request.Mode, "subscribe", StringComparison.Ordinal))
        {
            return WebhookVerificationResult.Refused("hub.mode is not 'subscribe'");
        }

        if (request.VerifyToken is null || !TokensEqual(request.VerifyToken, expectedVerifyToken))
        {
            return WebhookVerificationResult.Refused("hub.verify_token does not match");
        }

        // The challenge is "a random string": echoed as received, never parsed as a number.
        return request.Challenge is null
            ? WebhookVerificationResult.Refused("hub.challenge is missing")
            : WebhookVerificationResult.Verified(request.Challenge);
    }

    // Constant time, so the token cannot be guessed a character at a time from response timings.
    private static bool TokensEqual(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
