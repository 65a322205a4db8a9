using System.Globalization;
using Microsoft.Extensions.Options;
using Switchboard.Grains.Messages;

namespace Switchboard.Channels.WhatsApp.Media;

/// <summary>
/// Checks media before it leaves (product §3): the type comes from the bytes and must match the
/// declared content type, must be one the message kind can carry, and the size must be within the
/// kind's limit. Reads a 64 KB prefix (plus, for seekable streams, an Office container's directory)
/// — a 100 MB file is never loaded to be checked.
/// </summary>
public sealed class MediaRules(IOptions<MediaRulesOptions> options)
{
    private readonly MediaRulesOptions _options = options.Value;

    /// <summary>
    /// Checks <paramref name="content"/> from its current position. A seekable stream is left where
    /// it was, ready to be uploaded; a forward-only stream is read to its end to learn the size unless
    /// <paramref name="length"/> is given.
    /// </summary>
    public async Task<MediaCheckResult> CheckAsync(Stream content, string declaredContentType, MediaKind kind, long? length = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var source = await SniffSource.FromStreamAsync(content, cancellationToken);
        var detected = await MediaSniffer.DetectAsync(source, cancellationToken);
        var size = length ?? source.Length ?? source.Prefix.Length + await CountRemainingAsync(content, cancellationToken);
        return Decide(detected, declaredContentType, kind, size);
    }

    /// <summary>Checks a file already in memory.</summary>
    public async Task<MediaCheckResult> CheckAsync(ReadOnlyMemory<byte> content, string declaredContentType, MediaKind kind, CancellationToken cancellationToken = default)
    {
        var detected = await MediaSniffer.DetectAsync(SniffSource.FromBytes(content), cancellationToken);
        return Decide(detected, declaredContentType, kind, content.Length);
    }

    /// <summary>What the bytes are, whatever anyone declared. The stream is left as <see cref="CheckAsync(Stream, string, MediaKind, long?, CancellationToken)"/> leaves it.</summary>
    public static async Task<DetectedMedia> DetectAsync(Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        return await MediaSniffer.DetectAsync(await SniffSource.FromStreamAsync(content, cancellationToken), cancellationToken);
    }

    private MediaCheckResult Decide(DetectedMedia detected, string declaredContentType, MediaKind kind, long size)
    {
        var declared = ContentTypes.Normalize(declaredContentType);
        var kindName = kind.ToString().ToLowerInvariant();

        if (size == 0)
        {
            return Refuse(MediaRuleCodes.TypeNotAllowed, "file-not-empty", "The file is empty.", detected, size);
        }

        // 1. The declared type must be what the bytes are. Documents may be any file, so an
        //    unconfirmable declared type (application/octet-stream, text/csv…) passes there.
        var matches = ContentTypes.Matches(declared, detected);
        var mustMatch = kind != MediaKind.Document || ContentTypes.IsRecognisable(declared);
        if (!matches && mustMatch)
        {
            var declaredText = declared.Length > 0 ? declared : "No content type";
            return Refuse(MediaRuleCodes.TypeMismatch, "declared-type-matches-bytes", $"{declaredText} declared but the file is {detected.Description}.", detected, size);
        }

        // 2. The kind must be able to carry the format.
        var (allowed, allowedText) = AllowedFormats(kind);
        var convertTo = (string?)null;
        if (kind == MediaKind.Video && detected.Format == MediaFormat.Gif)
        {
            if (!_options.GifToMp4ConversionAvailable)
            {
                return Refuse(MediaRuleCodes.TypeNotAllowed, "video-gif-needs-mp4-conversion", "A GIF can only be sent as video after conversion to MP4, and no converter is available; send it as MP4.", detected, size);
            }

            convertTo = "video/mp4";
        }
        else if (allowed is not null && !allowed.Contains(detected.Format))
        {
            var why = detected.Format == MediaFormat.Ogg ? " (OGG audio must use the Opus codec)" : "";
            return Refuse(MediaRuleCodes.TypeNotAllowed, $"{kindName}-types", $"The file is {detected.Description}; a WhatsApp {kindName} must be {allowedText}{why}.", detected, size);
        }

        // 3. The size must be within the kind's limit (for stickers: static or animated).
        var (limit, rule) = Limit(kind, detected);
        if (size > limit)
        {
            return Refuse(MediaRuleCodes.TooLarge, rule, $"The {(kind == MediaKind.Sticker && detected.Animated ? "animated sticker" : kindName)} is {Describe(size)}; the limit is {Describe(limit)}.", detected, size, limit);
        }

        // The declared type (normalised) is kept: it matched, or it is a document sniffing cannot confirm.
        var contentType = declared.Length > 0 ? declared : detected.MimeType ?? "application/octet-stream";
        return new MediaCheckResult.Accepted(detected, size, contentType, convertTo);
    }

    private static (HashSet<MediaFormat>? Allowed, string Text) AllowedFormats(MediaKind kind) => kind switch
    {
        MediaKind.Image => ([MediaFormat.Jpeg, MediaFormat.Png], "JPEG or PNG"),
        MediaKind.Video => ([MediaFormat.Mp4, MediaFormat.ThreeGpp], "MP4 or 3GPP"),
        MediaKind.Audio => ([MediaFormat.Aac, MediaFormat.Amr, MediaFormat.Mp3, MediaFormat.M4a, MediaFormat.Mp4, MediaFormat.OggOpus], "AAC, AMR, MP3, M4A or OGG/Opus"),
        MediaKind.Sticker => ([MediaFormat.WebP], "WebP"),
        _ => (null, "any file"),
    };

    private (long Limit, string Rule) Limit(MediaKind kind, DetectedMedia detected) => kind switch
    {
        MediaKind.Image => (_options.ImageMaxBytes, "image-size"),
        MediaKind.Video => (_options.VideoMaxBytes, "video-size"),
        MediaKind.Audio => (_options.AudioMaxBytes, "audio-size"),
        MediaKind.Sticker when detected.Animated => (_options.AnimatedStickerMaxBytes, "animated-sticker-size"),
        MediaKind.Sticker => (_options.StaticStickerMaxBytes, "static-sticker-size"),
        _ => (_options.DocumentMaxBytes, "document-size"),
    };

    private static MediaCheckResult.Refused Refuse(string code, string rule, string message, DetectedMedia detected, long size, long? limit = null) =>
        new(new MediaRuleViolation(code, rule, message, detected, size, limit));

    private static string Describe(long bytes) => bytes switch
    {
        >= 1024 * 1024 => (bytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.InvariantCulture) + " MB",
        >= 1024 => (bytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " KB",
        _ => bytes.ToString(CultureInfo.InvariantCulture) + " bytes",
    };

    // Forward-only streams: count what is left in a small reused buffer rather than keeping it.
    private static async Task<long> CountRemainingAsync(Stream content, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
        }

        return total;
    }
}
