namespace Switchboard.Channels.WhatsApp.Media;

/// <summary>
/// What the bytes are. <see cref="MimeType"/> is the canonical type for the format;
/// <see cref="Description"/> reads in a sentence ("a PNG", "an MP4 video").
/// </summary>
public sealed record DetectedMedia(MediaFormat Format, string? MimeType, string Description, bool Animated = false)
{
    public static DetectedMedia Unrecognised { get; } = new(MediaFormat.Unknown, null, "of an unrecognised type");

    public static DetectedMedia Of(MediaFormat format, bool animated = false) => format switch
    {
        MediaFormat.Jpeg => new(format, "image/jpeg", "a JPEG"),
        MediaFormat.Png => new(format, "image/png", "a PNG"),
        MediaFormat.WebP => new(format, "image/webp", animated ? "an animated WebP" : "a WebP", animated),
        MediaFormat.Gif => new(format, "image/gif", "a GIF", animated),
        MediaFormat.Bmp => new(format, "image/bmp", "a BMP image"),
        MediaFormat.Tiff => new(format, "image/tiff", "a TIFF image"),
        MediaFormat.Heif => new(format, "image/heif", "a HEIF image"),
        MediaFormat.Avif => new(format, "image/avif", "an AVIF image"),
        MediaFormat.Mp4 => new(format, "video/mp4", "an MP4"),
        MediaFormat.M4a => new(format, "audio/mp4", "an M4A audio file"),
        MediaFormat.ThreeGpp => new(format, "video/3gpp", "a 3GPP video"),
        MediaFormat.QuickTime => new(format, "video/quicktime", "a QuickTime video"),
        MediaFormat.Matroska => new(format, "video/x-matroska", "a Matroska/WebM video"),
        MediaFormat.Avi => new(format, "video/x-msvideo", "an AVI video"),
        MediaFormat.Aac => new(format, "audio/aac", "an AAC audio file"),
        MediaFormat.Amr => new(format, "audio/amr", "an AMR audio file"),
        MediaFormat.AmrWideband => new(format, "audio/amr-wb", "an AMR-WB audio file"),
        MediaFormat.Mp3 => new(format, "audio/mpeg", "an MP3"),
        MediaFormat.Ogg => new(format, "audio/ogg", "an OGG file without Opus audio"),
        MediaFormat.OggOpus => new(format, "audio/ogg", "an OGG/Opus audio file"),
        MediaFormat.Wav => new(format, "audio/wav", "a WAV audio file"),
        MediaFormat.Flac => new(format, "audio/flac", "a FLAC audio file"),
        MediaFormat.Pdf => new(format, "application/pdf", "a PDF"),
        MediaFormat.Docx => new(format, ContentTypes.Docx, "a Word document (DOCX)"),
        MediaFormat.Xlsx => new(format, ContentTypes.Xlsx, "an Excel workbook (XLSX)"),
        MediaFormat.Pptx => new(format, ContentTypes.Pptx, "a PowerPoint presentation (PPTX)"),
        MediaFormat.OfficeOpenXml => new(format, null, "an Office Open XML document"),
        MediaFormat.Zip => new(format, "application/zip", "a ZIP archive"),
        MediaFormat.Doc => new(format, "application/msword", "a Word 97–2003 document (DOC)"),
        MediaFormat.Xls => new(format, "application/vnd.ms-excel", "an Excel 97–2003 workbook (XLS)"),
        MediaFormat.Ppt => new(format, "application/vnd.ms-powerpoint", "a PowerPoint 97–2003 presentation (PPT)"),
        MediaFormat.OleCompound => new(format, null, "an OLE compound document"),
        MediaFormat.PlainText => new(format, "text/plain", "plain text"),
        _ => Unrecognised,
    };
}
