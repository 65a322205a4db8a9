namespace Switchboard.Channels.WhatsApp.Client;

/// <summary>Media stored at Meta for 30 days; send it by <see cref="Id"/>.</summary>
public sealed record UploadedMedia(string Id);
