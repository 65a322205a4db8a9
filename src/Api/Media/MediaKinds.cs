using Switchboard.Grains.Messages;

namespace Switchboard.Api.Media;

/// <summary>Which kind of message a file is for: given by the uploader, or read from its declared type.</summary>
public static class MediaKinds
{
    public static readonly string[] Names = ["image", "video", "audio", "document", "sticker"];

    public static bool TryParse(string? name, out MediaKind kind)
    {
        kind = MediaKind.Document;
        return name?.Trim().ToLowerInvariant() switch
        {
            "image" => Set(MediaKind.Image, out kind),
            "video" => Set(MediaKind.Video, out kind),
            "audio" => Set(MediaKind.Audio, out kind),
            "document" => Set(MediaKind.Document, out kind),
            "sticker" => Set(MediaKind.Sticker, out kind),
            _ => false,
        };
    }

    /// <summary>
    /// WebP is WhatsApp's sticker format (it is not accepted as an image), so image/webp means a
    /// sticker; anything that is not image, video or audio goes as a document.
    /// </summary>
    public static MediaKind FromContentType(string? contentType)
    {
        var type = (contentType ?? "").Split(';', 2)[0].Trim().ToLowerInvariant();
        return type switch
        {
            "image/webp" => MediaKind.Sticker,
            _ when type.StartsWith("image/", StringComparison.Ordinal) => MediaKind.Image,
            _ when type.StartsWith("video/", StringComparison.Ordinal) => MediaKind.Video,
            _ when type.StartsWith("audio/", StringComparison.Ordinal) => MediaKind.Audio,
            _ => MediaKind.Document,
        };
    }

    private static bool Set(MediaKind value, out MediaKind kind)
    {
        kind = value;
        return true;
    }
}
