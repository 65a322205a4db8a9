namespace Switchboard.Channels.WhatsApp.Webhooks;

/// <summary>
/// One thing a webhook reported. A POST may batch many (up to 1000) across entries and changes; the
/// parser returns all of them in order, each with its <see cref="Origin"/> and its raw JSON, so
/// nothing is lost even where the typed view is partial.
/// </summary>
public abstract record WebhookEvent(WebhookOrigin Origin, string RawJson);
