using Switchboard.Channels.WhatsApp.Media;

namespace Switchboard.Channels.WhatsApp.Tests.Media;

/// <summary>The format comes from the bytes: magic numbers, ftyp brands, Ogg codec headers, Office containers.</summary>
public sealed class MediaDetectionTests
{
    private static Task<DetectedMedia> Detect(byte[] bytes) => MediaRules.DetectAsync(new MemoryStream(bytes));

    public static TheoryData<string, MediaFormat> Samples => new()
    {
        { nameof(SampleFiles.Jpeg), MediaFormat.Jpeg },
        { nameof(SampleFiles.Png), MediaFormat.Png },
        { nameof(SampleFiles.Gif), MediaFormat.Gif },
        { nameof(SampleFiles.StaticWebP), MediaFormat.WebP },
        { nameof(SampleFiles.AnimatedWebP), MediaFormat.WebP },
        { nameof(SampleFiles.Mp4), MediaFormat.Mp4 },
        { nameof(SampleFiles.M4a), MediaFormat.M4a },
        { nameof(SampleFiles.ThreeGpp), MediaFormat.ThreeGpp },
        { nameof(SampleFiles.QuickTime), MediaFormat.QuickTime },
        { nameof(SampleFiles.Aac), MediaFormat.Aac },
        { nameof(SampleFiles.AacWithId3), MediaFormat.Aac },
        { nameof(SampleFiles.Amr), MediaFormat.Amr },
        { nameof(SampleFiles.Mp3WithId3), MediaFormat.Mp3 },
        { nameof(SampleFiles.Mp3Frame), MediaFormat.Mp3 },
        { nameof(SampleFiles.OggOpus), MediaFormat.OggOpus },
        { nameof(SampleFiles.OggVorbis), MediaFormat.Ogg },
        { nameof(SampleFiles.Pdf), MediaFormat.Pdf },
        { nameof(SampleFiles.Text), MediaFormat.PlainText },
        { nameof(SampleFiles.Docx), MediaFormat.Docx },
        { nameof(SampleFiles.Xlsx), MediaFormat.Xlsx },
        { nameof(SampleFiles.Pptx), MediaFormat.Pptx },
        { nameof(SampleFiles.PlainZip), MediaFormat.Zip },
        { nameof(SampleFiles.DocxWithLargeFirstEntry), MediaFormat.Docx },
        { nameof(SampleFiles.Doc), MediaFormat.Doc },
        { nameof(SampleFiles.Xls), MediaFormat.Xls },
        { nameof(SampleFiles.Ppt), MediaFormat.Ppt },
        { nameof(SampleFiles.XlsInSecondDirectorySector), MediaFormat.Xls },
    };

    private static byte[] Sample(string name) => (byte[])typeof(SampleFiles).GetProperty(name)!.GetValue(null)!;

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Each_format_is_recognised_from_its_bytes(string sample, MediaFormat expected) =>
        Assert.Equal(expected, (await Detect(Sample(sample))).Format);

    [Fact]
    public async Task A_webp_with_the_vp8x_animation_flag_is_animated() =>
        Assert.True((await Detect(SampleFiles.AnimatedWebP)).Animated);

    [Fact]
    public async Task A_plain_vp8_webp_is_static() =>
        Assert.False((await Detect(SampleFiles.StaticWebP)).Animated);

    [Fact]
    public async Task A_docx_whose_parts_lie_beyond_the_prefix_is_only_a_zip_on_a_forward_only_stream()
    {
        // Without seeking, the central directory at the end cannot be read: the check stays honest.
        var bytes = SampleFiles.DocxWithLargeFirstEntry;
        var detected = await MediaRules.DetectAsync(new SyntheticFile(bytes, bytes.Length, seekable: false));

        Assert.Equal(MediaFormat.Zip, detected.Format);
    }

    [Fact]
    public async Task Random_bytes_are_unrecognised()
    {
        var bytes = new byte[4096];
        new Random(3).NextBytes(bytes);
        bytes[0] = 0x00;

        Assert.Equal(MediaFormat.Unknown, (await Detect(bytes)).Format);
    }

    [Fact]
    public async Task Text_whose_prefix_ends_inside_a_multibyte_character_is_still_text()
    {
        // 65,535 ASCII bytes then "é": the 64 KB prefix cuts the character in two.
        var bytes = SampleFiles.Concat(Enumerable.Repeat((byte)'a', 64 * 1024 - 1).ToArray(), "é"u8.ToArray());

        Assert.Equal(MediaFormat.PlainText, (await Detect(bytes)).Format);
    }

    [Fact]
    public async Task Detection_puts_a_seekable_stream_back_where_it_was()
    {
        var stream = new MemoryStream(SampleFiles.Concat(new byte[10], SampleFiles.Docx)) { Position = 10 };

        var detected = await MediaRules.DetectAsync(stream);

        Assert.Equal(MediaFormat.Docx, detected.Format);
        Assert.Equal(10, stream.Position);
    }
}
