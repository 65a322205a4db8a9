using System.Buffers.Binary;
using System.Text;

namespace Switchboard.Channels.WhatsApp.Media;

/// <summary>
/// Recognises a file's format from its magic numbers, never from its name or declared type.
/// Containers (ZIP-based Office, OLE Office) are opened just far enough to tell Word from Excel
/// from PowerPoint.
/// </summary>
internal static class MediaSniffer
{
    public static async Task<DetectedMedia> DetectAsync(SniffSource source, CancellationToken cancellationToken)
    {
        var simple = DetectSignature(source.Prefix.Span);
        return simple.Format switch
        {
            MediaFormat.Zip => DetectedMedia.Of(await ZipKindAsync(source, cancellationToken)),
            MediaFormat.OleCompound => DetectedMedia.Of(await OleKindAsync(source, cancellationToken)),
            MediaFormat.Mp3 when Id3Size(source.Prefix.Span) is { } tagSize => await AfterId3Async(source, tagSize, cancellationToken),
            _ => simple,
        };
    }

    private static DetectedMedia DetectSignature(ReadOnlySpan<byte> b)
    {
        if (b.IsEmpty)
        {
            return DetectedMedia.Unrecognised;
        }

        if (Starts(b, [0xFF, 0xD8, 0xFF]))
        {
            return DetectedMedia.Of(MediaFormat.Jpeg);
        }

        if (Starts(b, [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return DetectedMedia.Of(MediaFormat.Png);
        }

        if (b.StartsWith("GIF87a"u8) || b.StartsWith("GIF89a"u8))
        {
            return DetectedMedia.Of(MediaFormat.Gif);
        }

        if (b.Length >= 12 && b.StartsWith("RIFF"u8))
        {
            var form = b.Slice(8, 4);
            if (form.SequenceEqual("WEBP"u8))
            {
                // VP8X carries feature flags; bit 1 of its first byte says "animation".
                var animated = b.Length >= 21 && b.Slice(12, 4).SequenceEqual("VP8X"u8) && (b[20] & 0x02) != 0;
                return DetectedMedia.Of(MediaFormat.WebP, animated);
            }

            if (form.SequenceEqual("WAVE"u8))
            {
                return DetectedMedia.Of(MediaFormat.Wav);
            }

            if (form.SequenceEqual("AVI "u8))
            {
                return DetectedMedia.Of(MediaFormat.Avi);
            }
        }

        if (b.Length >= 12 && IsIsoBaseMediaBox(b))
        {
            return DetectedMedia.Of(IsoBrand(b));
        }

        if (b.StartsWith("#!AMR-WB\n"u8))
        {
            return DetectedMedia.Of(MediaFormat.AmrWideband);
        }

        if (b.StartsWith("#!AMR\n"u8))
        {
            return DetectedMedia.Of(MediaFormat.Amr);
        }

        if (b.StartsWith("OggS"u8))
        {
            return DetectedMedia.Of(OggKind(b));
        }

        if (b.StartsWith("fLaC"u8))
        {
            return DetectedMedia.Of(MediaFormat.Flac);
        }

        if (b.StartsWith("ID3"u8))
        {
            return DetectedMedia.Of(MediaFormat.Mp3);
        }

        if (b.StartsWith("ADIF"u8) || IsAdtsFrame(b))
        {
            return DetectedMedia.Of(MediaFormat.Aac);
        }

        if (IsMpegAudioFrame(b))
        {
            return DetectedMedia.Of(MediaFormat.Mp3);
        }

        if (Starts(b, [0x1A, 0x45, 0xDF, 0xA3]))
        {
            return DetectedMedia.Of(MediaFormat.Matroska);
        }

        if (b.StartsWith("BM"u8) && b.Length >= 14)
        {
            return DetectedMedia.Of(MediaFormat.Bmp);
        }

        if (b.StartsWith("II*\0"u8) || b.StartsWith("MM\0*"u8))
        {
            return DetectedMedia.Of(MediaFormat.Tiff);
        }

        if (b.StartsWith("PK\x03\x04"u8) || b.StartsWith("PK\x05\x06"u8))
        {
            return DetectedMedia.Of(MediaFormat.Zip);
        }

        if (Starts(b, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
        {
            return DetectedMedia.Of(MediaFormat.OleCompound);
        }

        // PDF readers accept the header anywhere in the first 1024 bytes.
        if (b[..Math.Min(b.Length, 1024)].IndexOf("%PDF-"u8) >= 0)
        {
            return DetectedMedia.Of(MediaFormat.Pdf);
        }

        return LooksLikeText(b) ? DetectedMedia.Of(MediaFormat.PlainText) : DetectedMedia.Unrecognised;
    }

    private static bool Starts(ReadOnlySpan<byte> bytes, ReadOnlySpan<byte> magic) => bytes.StartsWith(magic);

    private static bool IsIsoBaseMediaBox(ReadOnlySpan<byte> b)
    {
        var type = b.Slice(4, 4);
        return type.SequenceEqual("ftyp"u8) || type.SequenceEqual("moov"u8) || type.SequenceEqual("mdat"u8)
            || type.SequenceEqual("wide"u8) || type.SequenceEqual("free"u8) || type.SequenceEqual("skip"u8);
    }

    /// <summary>The ftyp major brand tells MP4 video from M4A audio, 3GPP, QuickTime and HEIF/AVIF stills.</summary>
    private static MediaFormat IsoBrand(ReadOnlySpan<byte> b)
    {
        if (!b.Slice(4, 4).SequenceEqual("ftyp"u8))
        {
            return MediaFormat.Mp4;
        }

        var brand = Encoding.ASCII.GetString(b.Slice(8, 4));
        return brand switch
        {
            "M4A " or "M4B " or "M4P " => MediaFormat.M4a,
            "qt  " => MediaFormat.QuickTime,
            "heic" or "heix" or "hevc" or "hevx" or "mif1" or "msf1" => MediaFormat.Heif,
            "avif" or "avis" => MediaFormat.Avif,
            _ when brand.StartsWith("3gp", StringComparison.Ordinal) || brand.StartsWith("3g2", StringComparison.Ordinal) => MediaFormat.ThreeGpp,
            _ => MediaFormat.Mp4,
        };
    }

    /// <summary>The first Ogg page holds the codec's identification header: OpusHead for Opus.</summary>
    private static MediaFormat OggKind(ReadOnlySpan<byte> b)
    {
        if (b.Length < 27)
        {
            return MediaFormat.Ogg;
        }

        var packetStart = 27 + b[26];
        return b.Length >= packetStart + 8 && b.Slice(packetStart, 8).SequenceEqual("OpusHead"u8) ? MediaFormat.OggOpus : MediaFormat.Ogg;
    }

    // ADTS: 12-bit sync, then layer bits 00 (MPEG audio frames use a non-zero layer).
    private static bool IsAdtsFrame(ReadOnlySpan<byte> b) => b.Length >= 7 && b[0] == 0xFF && (b[1] & 0xF6) == 0xF0;

    private static bool IsMpegAudioFrame(ReadOnlySpan<byte> b) =>
        b.Length >= 4 && b[0] == 0xFF && (b[1] & 0xE0) == 0xE0
        && ((b[1] >> 3) & 0x03) != 0x01 // version not reserved
        && ((b[1] >> 1) & 0x03) != 0x00 // layer not reserved
        && (b[2] >> 4) != 0x0F; // bitrate index not "bad"

    /// <summary>ID3v2 tag length (synch-safe) including its 10-byte header, or null if there is no tag.</summary>
    private static long? Id3Size(ReadOnlySpan<byte> b) =>
        b.Length >= 10 && b.StartsWith("ID3"u8)
            ? 10 + ((b[6] & 0x7F) << 21 | (b[7] & 0x7F) << 14 | (b[8] & 0x7F) << 7 | (b[9] & 0x7F)) + ((b[5] & 0x10) != 0 ? 10 : 0)
            : null;

    // An ID3 tag usually heads an MP3, but AAC files carry them too: look at the first frame after it.
    private static async Task<DetectedMedia> AfterId3Async(SniffSource source, long tagSize, CancellationToken cancellationToken)
    {
        var frame = await source.ReadAtAsync(tagSize, 8, cancellationToken);
        return IsAdtsFrame(frame.Span) ? DetectedMedia.Of(MediaFormat.Aac) : DetectedMedia.Of(MediaFormat.Mp3);
    }

    private static bool LooksLikeText(ReadOnlySpan<byte> b)
    {
        if (Starts(b, [0xFF, 0xFE]) || Starts(b, [0xFE, 0xFF]))
        {
            return true; // UTF-16 with a byte-order mark
        }

        if (Starts(b, [0xEF, 0xBB, 0xBF]))
        {
            b = b[3..];
        }

        // A prefix may cut a multi-byte character in two; drop up to three trailing bytes of it.
        var end = b.Length;
        for (var back = 1; back <= 3 && back <= b.Length; back++)
        {
            var lead = b[^back];
            if ((lead & 0xC0) == 0xC0)
            {
                var needed = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
                if (needed > back)
                {
                    end = b.Length - back;
                }

                break;
            }

            if ((lead & 0x80) == 0)
            {
                break;
            }
        }

        var text = b[..end];
        if (!System.Text.Unicode.Utf8.IsValid(text))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c < 0x20 && c is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0C or 0x1B))
            {
                return false;
            }
        }

        return true;
    }

    private static readonly byte[] LocalHeader = "PK\x03\x04"u8.ToArray();
    private static readonly byte[] CentralHeader = "PK\x01\x02"u8.ToArray();
    private static readonly byte[] EndOfCentralDirectory = "PK\x05\x06"u8.ToArray();

    /// <summary>Office Open XML is a ZIP with [Content_Types].xml and a word/, xl/ or ppt/ folder.</summary>
    private static async Task<MediaFormat> ZipKindAsync(SniffSource source, CancellationToken cancellationToken)
    {
        var names = new ZipNames();
        names.CollectFrom(source.Prefix.Span, LocalHeader, 26, 30);
        if (names.Kind is MediaFormat.Docx or MediaFormat.Xlsx or MediaFormat.Pptx || source.Length is not { } length)
        {
            return names.Kind;
        }

        // Not settled by the first entries: read the central directory at the end of the file.
        var tailLength = (int)Math.Min(length, 64 * 1024 + 22);
        var tail = await source.ReadAtAsync(length - tailLength, tailLength, cancellationToken);
        var eocd = tail.Span.LastIndexOf(EndOfCentralDirectory);
        if (eocd < 0 || eocd + 20 > tail.Length)
        {
            return names.Kind;
        }

        var directorySize = BinaryPrimitives.ReadUInt32LittleEndian(tail.Span.Slice(eocd + 12, 4));
        var directoryOffset = BinaryPrimitives.ReadUInt32LittleEndian(tail.Span.Slice(eocd + 16, 4));
        var directory = await source.ReadAtAsync(directoryOffset, (int)Math.Min(directorySize, 4 * 1024 * 1024), cancellationToken);
        names.CollectFrom(directory.Span, CentralHeader, 28, 46);
        return names.Kind;
    }

    private sealed class ZipNames
    {
        private bool _contentTypes;
        private MediaFormat? _office;

        public MediaFormat Kind => _office is { } office && _contentTypes ? office : _contentTypes ? MediaFormat.OfficeOpenXml : MediaFormat.Zip;

        /// <summary>Finds every header signature and reads the entry name that follows it.</summary>
        public void CollectFrom(ReadOnlySpan<byte> bytes, ReadOnlySpan<byte> signature, int nameLengthOffset, int nameOffset)
        {
            var position = 0;
            while (position < bytes.Length)
            {
                var found = bytes[position..].IndexOf(signature);
                if (found < 0)
                {
                    return;
                }

                var header = position + found;
                position = header + signature.Length;
                if (header + nameOffset > bytes.Length)
                {
                    return;
                }

                var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes.Slice(header + nameLengthOffset, 2));
                if (header + nameOffset + nameLength > bytes.Length)
                {
                    return;
                }

                Observe(bytes.Slice(header + nameOffset, nameLength));
            }
        }

        private void Observe(ReadOnlySpan<byte> name)
        {
            if (name.SequenceEqual("[Content_Types].xml"u8))
            {
                _contentTypes = true;
            }
            else if (_office is null)
            {
                _office = name.StartsWith("word/"u8) ? MediaFormat.Docx
                    : name.StartsWith("xl/"u8) ? MediaFormat.Xlsx
                    : name.StartsWith("ppt/"u8) ? MediaFormat.Pptx
                    : null;
            }
        }
    }

    /// <summary>
    /// An OLE compound file is Word, Excel or PowerPoint by the streams in its directory
    /// (WordDocument, Workbook/Book, PowerPoint Document); the directory chain is followed through the FAT.
    /// </summary>
    private static async Task<MediaFormat> OleKindAsync(SniffSource source, CancellationToken cancellationToken)
    {
        var header = source.Prefix.Span;
        if (header.Length < 512)
        {
            return MediaFormat.OleCompound;
        }

        var sectorShift = BinaryPrimitives.ReadUInt16LittleEndian(header.Slice(30, 2));
        if (sectorShift is not (9 or 12))
        {
            return MediaFormat.OleCompound;
        }

        var sectorSize = 1 << sectorShift;
        var difat = new uint[109];
        for (var i = 0; i < difat.Length; i++)
        {
            difat[i] = BinaryPrimitives.ReadUInt32LittleEndian(header.Slice(76 + (i * 4), 4));
        }

        var sector = BinaryPrimitives.ReadUInt32LittleEndian(header.Slice(48, 4));
        for (var visited = 0; visited < 64 && sector < 0xFFFFFFFA; visited++)
        {
            var directory = await source.ReadAtAsync((sector + 1L) * sectorSize, sectorSize, cancellationToken);
            if (directory.Length < 128)
            {
                break;
            }

            if (OfficeStream(directory.Span) is { } kind)
            {
                return kind;
            }

            sector = await NextSectorAsync(source, difat, sectorSize, sector, cancellationToken);
        }

        return MediaFormat.OleCompound;
    }

    private static MediaFormat? OfficeStream(ReadOnlySpan<byte> directory)
    {
        for (var entry = 0; entry + 128 <= directory.Length; entry += 128)
        {
            var nameBytes = BinaryPrimitives.ReadUInt16LittleEndian(directory.Slice(entry + 64, 2));
            if (nameBytes is < 2 or > 64)
            {
                continue;
            }

            var name = Encoding.Unicode.GetString(directory.Slice(entry, nameBytes - 2));
            switch (name)
            {
                case "WordDocument":
                    return MediaFormat.Doc;
                case "Workbook" or "Book":
                    return MediaFormat.Xls;
                case "PowerPoint Document":
                    return MediaFormat.Ppt;
            }
        }

        return null;
    }

    private static async Task<uint> NextSectorAsync(SniffSource source, uint[] difat, int sectorSize, uint sector, CancellationToken cancellationToken)
    {
        var perFatSector = (uint)(sectorSize / 4);
        var fatIndex = sector / perFatSector;
        if (fatIndex >= difat.Length)
        {
            return 0xFFFFFFFE; // would need the DIFAT chain; files that large are not worth it for sniffing
        }

        var entry = await source.ReadAtAsync(((difat[fatIndex] + 1L) * sectorSize) + ((sector % perFatSector) * 4), 4, cancellationToken);
        return entry.Length == 4 ? BinaryPrimitives.ReadUInt32LittleEndian(entry.Span) : 0xFFFFFFFE;
    }
}
