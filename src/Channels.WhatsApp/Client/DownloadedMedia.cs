namespace Switchboard.Channels.WhatsApp.Client;

/// <summary>Media bytes copied into the caller's stream.</summary>
public sealed record DownloadedMedia(string? ContentType, long BytesWritten);
