namespace Switchboard.Storage.Media;

/// <summary>A file in the media store: what agents attach and what customers sent.</summary>
public sealed record StoredMedia(string Id, string MimeType, long Size, string Sha256, string? Filename);
