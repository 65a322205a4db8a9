namespace Switchboard.Channels.WhatsApp.Client;

/// <summary>
/// Where to download a media object. The URL is valid for five minutes and needs the bearer token.
/// <see cref="Sha256"/> is normalised to lower-case hex whether Meta sent hex or base64.
/// </summary>
public sealed record MediaInfo(string Id, Uri Url, string? MimeType, string? Sha256, long? FileSize);
