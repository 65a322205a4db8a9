namespace Switchboard.Channels.WhatsApp.Errors;

/// <summary>Where a failure was decided.</summary>
public enum WhatsAppErrorSource
{
    /// <summary>The Graph API answered with its error envelope (or a webhook reported the error).</summary>
    Provider,

    /// <summary>An HTTP status without a Graph error envelope (a proxy, an expired media URL).</summary>
    Http,

    /// <summary>This client refused to send a request it could not build (e.g. media without id or link).</summary>
    Client,
}
