namespace Switchboard.Channels.WhatsApp.Media;

/// <summary>
/// Size limits per kind (spec §2.6; "MB" read as MiB) and whether GIFs can be converted to MP4.
/// Settings rather than constants because Meta changes them.
/// </summary>
public sealed class MediaRulesOptions
{
    public const string SectionName = "WhatsApp:Media";

    public long ImageMaxBytes { get; set; } = 5 * 1024 * 1024;

    public long VideoMaxBytes { get; set; } = 16 * 1024 * 1024;

    public long AudioMaxBytes { get; set; } = 16 * 1024 * 1024;

    public long DocumentMaxBytes { get; set; } = 100 * 1024 * 1024;

    public long StaticStickerMaxBytes { get; set; } = 100 * 1024;

    public long AnimatedStickerMaxBytes { get; set; } = 500 * 1024;

    /// <summary>
    /// WhatsApp has no GIF video type: a GIF goes out as MP4. With no converter in the product
    /// (the default), a GIF sent as video is refused with a rule that says so; when a host
    /// provides conversion it is accepted and flagged <see cref="MediaCheckResult.Accepted.ConvertTo"/> video/mp4.
    /// </summary>
    public bool GifToMp4ConversionAvailable { get; set; }
}
