namespace Switchboard.Emulator.Media;

/// <summary>What a media object is sent as (the message <c>type</c>).</summary>
public enum MediaKind
{
    Audio,
    Document,
    Image,
    Sticker,
    Video,
}

/// <summary>
/// The supported media types and size limits of spec §2.6, and a check of the first bytes against the
/// declared type. Meta enforces these when a message is sent, not at upload (§2.1), and reports a
/// mismatch asynchronously with 131053.
/// </summary>
public static class MediaRules
{
    private const long Megabyte = 1024 * 1024;

    public const long MaxInboundBytes = 100 * Megabyte;

    /// <summary>Every MIME type the upload endpoint accepts, with the kind it belongs to and its size limit.</summary>
    public static readonly IReadOnlyDictionary<string, (MediaKind Kind, long MaxBytes)> Supported =
        new Dictionary<string, (MediaKind, long)>(StringComparer.OrdinalIgnoreCase)
        {
            ["audio/aac"] = (MediaKind.Audio, 16 * Megabyte),
            ["audio/amr"] = (MediaKind.Audio, 16 * Megabyte),
            ["audio/mpeg"] = (MediaKind.Audio, 16 * Megabyte),
            ["audio/mp4"] = (MediaKind.Audio, 16 * Megabyte),
            ["audio/ogg"] = (MediaKind.Audio, 16 * Megabyte),
            ["text/plain"] = (MediaKind.Document, 100 * Megabyte),
            ["application/vnd.ms-excel"] = (MediaKind.Document, 100 * Megabyte),
            ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"] = (MediaKind.Document, 100 * Megabyte),
            ["application/msword"] = (MediaKind.Document, 100 * Megabyte),
            ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"] = (MediaKind.Document, 100 * Megabyte),
            ["application/vnd.ms-powerpoint"] = (MediaKind.Document, 100 * Megabyte),
            ["application/vnd.openxmlformats-officedocument.presentationml.presentation"] = (MediaKind.Document, 100 * Megabyte),
            ["application/pdf"] = (MediaKind.Document, 100 * Megabyte),
            ["image/jpeg"] = (MediaKind.Image, 5 * Megabyte),
            ["image/png"] = (MediaKind.Image, 5 * Megabyte),
            ["image/webp"] = (MediaKind.Sticker, 500 * 1024),
            ["video/3gpp"] = (MediaKind.Video, 16 * Megabyte),
            ["video/mp4"] = (MediaKind.Video, 16 * Megabyte),
        };

    private const long StaticStickerMaxBytes = 100 * 1024;

    /// <summary><c>audio/ogg; codecs=opus</c> → <c>audio/ogg</c>.</summary>
    public static string BaseMimeType(string mimeType) => mimeType.Split(';')[0].Trim().ToLowerInvariant();

    public static bool IsSupported(string mimeType) => Supported.ContainsKey(BaseMimeType(mimeType));

    public static MediaKind? KindOf(string type) => type switch
    {
        "audio" => MediaKind.Audio,
        "document" => MediaKind.Document,
        "image" => MediaKind.Image,
        "sticker" => MediaKind.Sticker,
        "video" => MediaKind.Video,
        _ => null,
    };

    /// <summary>Why Meta would refuse to send this media as <paramref name="sentAs"/> (the 131053 details), or null.</summary>
    public static string? ProblemSending(MediaItem media, MediaKind sentAs, bool voice)
    {
        var mime = media.BaseMimeType;
        if (!Supported.TryGetValue(mime, out var rule))
        {
            return $"Media type {mime} is not supported.";
        }
        // Documents may carry any supported type; the other kinds only their own (and WebP only as a sticker).
        if (sentAs != MediaKind.Document && rule.Kind != sentAs)
        {
            return $"Media type {mime} cannot be sent as {sentAs.ToString().ToLowerInvariant()}.";
        }
        if (!ContentMatches(mime, media.Content))
        {
            return $"The media's content does not match its declared type {mime}.";
        }
        var maxBytes = sentAs == MediaKind.Sticker && !IsAnimatedWebp(media.Content) ? StaticStickerMaxBytes : rule.MaxBytes;
        if (media.Content.Length > maxBytes)
        {
            return $"Media file size {media.Content.Length} bytes exceeds the {maxBytes} bytes allowed for {mime}.";
        }
        if (voice && (mime != "audio/ogg" || !IsOpus(media.Content)))
        {
            return "Voice messages must be OGG files with the OPUS codec.";
        }
        if (mime == "audio/ogg" && !IsOpus(media.Content))
        {
            return "audio/ogg is only supported with the OPUS codec.";
        }
        return null;
    }

    /// <summary>Whether the first bytes are those of the declared type (the "magic numbers").</summary>
    public static bool ContentMatches(string baseMimeType, ReadOnlySpan<byte> content) => baseMimeType switch
    {
        "image/jpeg" => content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]),
        "image/png" => content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        "image/webp" => content.Length >= 12 && content.StartsWith("RIFF"u8) && content[8..12].SequenceEqual("WEBP"u8),
        "video/mp4" or "video/3gpp" or "audio/mp4" => content.Length >= 8 && content[4..8].SequenceEqual("ftyp"u8),
        "audio/ogg" => content.StartsWith("OggS"u8),
        "audio/mpeg" => content.StartsWith("ID3"u8) || (content.Length >= 2 && content[0] == 0xFF && (content[1] & 0xE0) == 0xE0),
        "audio/aac" => content.StartsWith("ADIF"u8) || (content.Length >= 2 && content[0] == 0xFF && (content[1] & 0xF6) == 0xF0),
        "audio/amr" => content.StartsWith("#!AMR"u8),
        "application/pdf" => content.StartsWith("%PDF-"u8),
        "application/msword" or "application/vnd.ms-excel" or "application/vnd.ms-powerpoint" =>
            content.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            or "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            or "application/vnd.openxmlformats-officedocument.presentationml.presentation" => content.StartsWith("PK\u0003\u0004"u8),
        "text/plain" => !content[..Math.Min(content.Length, 1024)].Contains((byte)0),
        _ => false,
    };

    /// <summary>An extended WebP (VP8X chunk) with the animation flag set.</summary>
    public static bool IsAnimatedWebp(ReadOnlySpan<byte> content) =>
        content.Length > 20 && content[12..16].SequenceEqual("VP8X"u8) && (content[20] & 0x02) != 0;

    private static bool IsOpus(ReadOnlySpan<byte> content) => content[..Math.Min(content.Length, 256)].IndexOf("OpusHead"u8) >= 0;
}
