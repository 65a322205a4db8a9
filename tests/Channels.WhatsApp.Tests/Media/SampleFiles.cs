using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Switchboard.Channels.WhatsApp.Tests.Media;

/// <summary>The smallest byte sequences that are honestly each format: real magic numbers and headers, filler after.</summary>
internal static class SampleFiles
{
    public const int KB = 1024;
    public const int MB = 1024 * 1024;

    public static byte[] Jpeg => [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00];

    public static byte[] Png => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 0, 0, 2, 0, 0, 0, 2, 0, 8, 6, 0, 0, 0];

    public static byte[] Gif => Concat(B("GIF89a"), [0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00]);

    public static byte[] StaticWebP => Concat(B("RIFF"), [0x24, 0, 0, 0], B("WEBPVP8 "), [0x18, 0, 0, 0, 0x30, 0x01, 0x00, 0x9D, 0x01, 0x2A, 0x00, 0x02, 0x00, 0x02]);

    // VP8X with the animation flag (bit 1) set, as animated stickers are.
    public static byte[] AnimatedWebP => Concat(B("RIFF"), [0x24, 0, 0, 0], B("WEBPVP8X"), [0x0A, 0, 0, 0, 0x02, 0, 0, 0, 0xFF, 0x01, 0x00, 0xFF, 0x01, 0x00], B("ANIM"));

    public static byte[] Mp4 => Ftyp("isom", "isom", "iso2", "avc1", "mp41");

    public static byte[] M4a => Ftyp("M4A ", "M4A ", "mp42", "isom");

    public static byte[] ThreeGpp => Ftyp("3gp4", "isom", "3gp4");

    public static byte[] QuickTime => Ftyp("qt  ", "qt  ");

    public static byte[] Aac => [0xFF, 0xF1, 0x50, 0x80, 0x02, 0x1F, 0xFC, 0x21, 0x00, 0x49];

    public static byte[] Amr => Encoding.Latin1.GetBytes("#!AMR\n\x3c\x48\xf5\x5f");

    public static byte[] Mp3WithId3 => Concat(B("ID3"), [0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0A], new byte[10], [0xFF, 0xFB, 0x90, 0x64, 0x00]);

    public static byte[] Mp3Frame => [0xFF, 0xFB, 0x90, 0x64, 0x00, 0x00, 0x00, 0x00];

    public static byte[] AacWithId3 => Concat(B("ID3"), [0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0x04], new byte[4], Aac);

    public static byte[] OggOpus => OggPage(Concat(B("OpusHead"), [0x01, 0x01, 0x38, 0x01, 0x80, 0xBB, 0, 0, 0, 0, 0]));

    public static byte[] OggVorbis => OggPage(Concat([0x01], B("vorbis"), [0, 0, 0, 0, 0x01, 0x44, 0xAC, 0, 0]));

    public static byte[] Pdf => Encoding.Latin1.GetBytes("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n");

    public static byte[] Text => Encoding.UTF8.GetBytes("Order 1234\nQuantity: 2\nCafé crème — merci\n");

    public static byte[] Docx => OfficeZip("word/document.xml");

    public static byte[] Xlsx => OfficeZip("xl/workbook.xml");

    public static byte[] Pptx => OfficeZip("ppt/presentation.xml");

    public static byte[] PlainZip => Zip(("readme.txt", 10), ("data/values.csv", 10));

    /// <summary>A DOCX whose first entry is larger than the sniffed prefix, so only the central directory tells.</summary>
    public static byte[] DocxWithLargeFirstEntry => Zip(("docProps/thumbnail.bin", 200 * KB), ("[Content_Types].xml", 200), ("word/document.xml", 200));

    public static byte[] Doc => Ole("WordDocument");

    public static byte[] Xls => Ole("Workbook");

    public static byte[] Ppt => Ole("PowerPoint Document");

    /// <summary>An XLS whose Workbook stream is named in the second directory sector, reached through the FAT.</summary>
    public static byte[] XlsInSecondDirectorySector => Ole("Workbook", inSecondSector: true);

    public static byte[] Ftyp(string major, params string[] compatible)
    {
        var size = 16 + (compatible.Length * 4);
        var box = new byte[size];
        BinaryPrimitives.WriteUInt32BigEndian(box, (uint)size);
        Encoding.ASCII.GetBytes("ftyp").CopyTo(box, 4);
        Encoding.ASCII.GetBytes(major).CopyTo(box, 8);
        for (var i = 0; i < compatible.Length; i++)
        {
            Encoding.ASCII.GetBytes(compatible[i]).CopyTo(box, 16 + (i * 4));
        }

        return box;
    }

    private static byte[] OggPage(byte[] packet)
    {
        // 27-byte page header, one lacing value, then the codec's identification packet.
        var header = new byte[28];
        "OggS"u8.CopyTo(header);
        header[5] = 0x02; // beginning of stream
        header[26] = 1;
        header[27] = (byte)packet.Length;
        return Concat(header, packet);
    }

    private static byte[] OfficeZip(string mainPart) => Zip(("[Content_Types].xml", 300), ("_rels/.rels", 200), (mainPart, 500));

    private static byte[] Zip(params (string Name, int Size)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var random = new Random(7);
            foreach (var (name, size) in entries)
            {
                var entry = archive.CreateEntry(name, CompressionLevel.NoCompression);
                using var stream = entry.Open();
                var content = new byte[size];
                random.NextBytes(content);
                stream.Write(content);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>A minimal compound file: header, directory sector(s), one FAT sector (512-byte sectors).</summary>
    private static byte[] Ole(string streamName, bool inSecondSector = false)
    {
        const int sector = 512;
        var file = new byte[sector * 5];
        var header = file.AsSpan(0, sector);
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(header);
        BinaryPrimitives.WriteUInt16LittleEndian(header[24..], 0x003E);
        BinaryPrimitives.WriteUInt16LittleEndian(header[26..], 0x0003);
        BinaryPrimitives.WriteUInt16LittleEndian(header[28..], 0xFFFE);
        BinaryPrimitives.WriteUInt16LittleEndian(header[30..], 9); // 512-byte sectors
        BinaryPrimitives.WriteUInt16LittleEndian(header[32..], 6);
        BinaryPrimitives.WriteUInt32LittleEndian(header[44..], 1); // one FAT sector
        BinaryPrimitives.WriteUInt32LittleEndian(header[48..], 0); // directory starts at sector 0
        for (var i = 0; i < 109; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(header[(76 + (i * 4))..], i == 0 ? 1u : 0xFFFFFFFF); // FAT lives in sector 1
        }

        // Sector 0: the first directory sector; sector 2: the second (chained through the FAT).
        var first = file.AsSpan(sector * 1, sector);
        DirectoryEntry(first[..128], "Root Entry", 5);
        DirectoryEntry(first[128..256], "\u0005SummaryInformation", 2);
        DirectoryEntry(first[256..384], "\u0005DocumentSummaryInformation", 2);
        if (inSecondSector)
        {
            DirectoryEntry(first[384..512], "CompObj", 2);
            DirectoryEntry(file.AsSpan(sector * 3, 128), streamName, 2);
        }
        else
        {
            DirectoryEntry(first[384..512], streamName, 2);
        }

        var fat = file.AsSpan(sector * 2, sector);
        fat.Fill(0xFF);
        BinaryPrimitives.WriteUInt32LittleEndian(fat[0..], inSecondSector ? 2u : 0xFFFFFFFE); // directory chain
        BinaryPrimitives.WriteUInt32LittleEndian(fat[4..], 0xFFFFFFFD); // the FAT sector itself
        BinaryPrimitives.WriteUInt32LittleEndian(fat[8..], 0xFFFFFFFE); // end of the directory chain
        return file;
    }

    private static void DirectoryEntry(Span<byte> entry, string name, byte type)
    {
        var bytes = Encoding.Unicode.GetBytes(name + "\0");
        bytes.CopyTo(entry);
        BinaryPrimitives.WriteUInt16LittleEndian(entry[64..], (ushort)bytes.Length);
        entry[66] = type;
    }

    public static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    private static byte[] B(string ascii) => Encoding.Latin1.GetBytes(ascii);
}
