namespace Switchboard.Channels.WhatsApp.Media;

/// <summary>
/// Declared content types: normalised (lower case, parameters dropped, common aliases folded) and
/// matched against what the bytes are.
/// </summary>
internal static class ContentTypes
{
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string Pptx = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["image/jpg"] = "image/jpeg",
        ["image/pjpeg"] = "image/jpeg",
        ["image/x-png"] = "image/png",
        ["audio/mp3"] = "audio/mpeg",
        ["audio/mpeg3"] = "audio/mpeg",
        ["audio/x-mpeg-3"] = "audio/mpeg",
        ["audio/x-mp3"] = "audio/mpeg",
        ["audio/m4a"] = "audio/mp4",
        ["audio/x-m4a"] = "audio/mp4",
        ["audio/x-aac"] = "audio/aac",
        ["audio/aacp"] = "audio/aac",
        ["audio/opus"] = "audio/ogg",
        ["video/3gp"] = "video/3gpp",
        ["application/x-pdf"] = "application/pdf",
        ["application/x-zip-compressed"] = "application/zip",
    };

    private static readonly string[] OfficeOpenXml = [Docx, Xlsx, Pptx];
    private static readonly string[] OleOffice = ["application/msword", "application/vnd.ms-excel", "application/vnd.ms-powerpoint"];

    /// <summary>"Audio/OGG; codecs=opus" → "audio/ogg".</summary>
    public static string Normalize(string? declared)
    {
        var bare = (declared ?? "").Split(';', 2)[0].Trim().ToLowerInvariant();
        return Aliases.TryGetValue(bare, out var canonical) ? canonical : bare;
    }

    /// <summary>Whether a file that is <paramref name="detected"/> may honestly be declared as <paramref name="declared"/> (normalised).</summary>
    public static bool Matches(string declared, DetectedMedia detected) => detected.Format switch
    {
        MediaFormat.Unknown => false,

        // An MP4 holding only audio is an M4A whatever its brand says; only the reverse is a lie.
        MediaFormat.Mp4 => declared is "video/mp4" or "audio/mp4" or "application/mp4",
        MediaFormat.ThreeGpp => declared is "video/3gpp" or "audio/3gpp",
        MediaFormat.OfficeOpenXml => OfficeOpenXml.Contains(declared),
        MediaFormat.OleCompound => OleOffice.Contains(declared),
        MediaFormat.PlainText => declared.StartsWith("text/", StringComparison.Ordinal),
        _ => declared == detected.MimeType,
    };

    /// <summary>Declared types the sniffer can confirm: a file declared as one of these must really be one.</summary>
    public static bool IsRecognisable(string declared) => declared switch
    {
        "image/jpeg" or "image/png" or "image/webp" or "image/gif" => true,
        "video/mp4" or "video/3gpp" or "audio/mp4" or "audio/aac" or "audio/amr" or "audio/mpeg" or "audio/ogg" => true,
        "application/pdf" or "application/msword" or "application/vnd.ms-excel" or "application/vnd.ms-powerpoint" => true,
        "text/plain" => true,
        _ => OfficeOpenXml.Contains(declared),
    };
}
