namespace Switchboard.Channels.WhatsApp.Client;

/// <summary>Why a call's outcome is unknown.</summary>
public enum UnknownOutcomeCause
{
    /// <summary>No answer within the timeout; the provider may have acted on the request.</summary>
    Timeout,

    /// <summary>The connection failed or broke; the request may or may not have arrived.</summary>
    ConnectionFailed,

    /// <summary>An answer came but cannot be read (e.g. a 200 without a message id, or a gateway error page).</summary>
    UnreadableResponse,
}

/// <summary>
/// The request may or may not have taken effect at the provider. Distinct from a failure: the
/// provider has no idempotency key, so resending may duplicate the message. What to do is a
/// product decision (campaigns report it, OTP sends retry).
/// </summary>
/// <param name="MayHaveReachedProvider">False only when the request certainly never left (e.g. DNS failure, connection refused).</param>
public sealed record UnknownOutcome(UnknownOutcomeCause Cause, string Detail, bool MayHaveReachedProvider = true, int? HttpStatus = null);
