namespace Switchboard.Channels.WhatsApp.Webhooks;

/// <summary>The outcome of checking a webhook signature. Only <see cref="Valid"/> may be processed.</summary>
public enum SignatureCheck
{
    Valid,

    /// <summary>No X-Hub-Signature-256 header.</summary>
    Missing,

    /// <summary>The header is not <c>sha256=</c> followed by 64 hex digits.</summary>
    Malformed,

    /// <summary>Well-formed, but not the HMAC of this body with this app secret.</summary>
    Mismatch,
}
