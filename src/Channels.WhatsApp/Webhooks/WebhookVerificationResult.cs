namespace Switchboard.Channels.WhatsApp.Webhooks;

/// <summary>
/// Verified: answer HTTP 200 with <see cref="Challenge"/> as a plain-text body, verbatim.
/// Otherwise answer a 4xx; <see cref="Failure"/> says why (for logs, not for the caller).
/// </summary>
public sealed record WebhookVerificationResult(bool IsVerified, string? Challenge, string? Failure)
{
    public static WebhookVerificationResult Verified(string challenge) => new(true, challenge, null);

    public static WebhookVerificationResult Refused(string failure) => new(false, null, failure);
}
