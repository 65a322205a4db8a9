namespace Switchboard.Channels.WhatsApp.Media;

/// <summary>A file format recognised from its bytes. Formats WhatsApp refuses are listed too, so refusals can name them.</summary>
public enum MediaFormat
{
    Unknown = 0,
    Jpeg,
    Png,
    WebP,
    Gif,
    Bmp,
    Tiff,
    Heif,
    Avif,
    Mp4,
    M4a,
    ThreeGpp,
    QuickTime,
    Matroska,
    Avi,
    Aac,
    Amr,
    AmrWideband,
    Mp3,
    Ogg,
    OggOpus,
    Wav,
    Flac,
    Pdf,
    Docx,
    Xlsx,
    Pptx,

    /// <summary>A ZIP with [Content_Types].xml but no word/, xl/ or ppt/ part seen.</summary>
    OfficeOpenXml,
    Zip,
    Doc,
    Xls,
    Ppt,

    /// <summary>An OLE compound file whose Word/Excel/PowerPoint stream could not be seen.</summary>
    OleCompound,
    PlainText,
}
