namespace Switchboard.Channels.WhatsApp.Webhooks;

/// <summary>Either the parsed notification or why the body could not be read; the parser never throws on bad input.</summary>
public abstract record WebhookParseResult
{
    private WebhookParseResult()
    {
    }

    public sealed record Parsed(WebhookNotification Notification) : WebhookParseResult;

    public sealed record Malformed(string Reason) : WebhookParseResult;
}
