using Microsoft.Extensions.Options;
using Switchboard.Channels.WhatsApp.Media;
using Switchboard.Grains.Messages;
using static Switchboard.Channels.WhatsApp.Tests.Media.SampleFiles;

namespace Switchboard.Channels.WhatsApp.Tests.Media;

/// <summary>Media checked before it leaves (product §3): type from the bytes, allowed for the kind, within the size limit.</summary>
public sealed class MediaRulesTests
{
    private static readonly MediaRules Rules = new(Options.Create(new MediaRulesOptions()));

    private static Task<MediaCheckResult> Check(byte[] header, string declared, MediaKind kind, long? size = null) =>
        Rules.CheckAsync(new SyntheticFile(header, size ?? header.Length), declared, kind);

    private static async Task<MediaRuleViolation> Refused(Task<MediaCheckResult> check) =>
        Assert.IsType<MediaCheckResult.Refused>(await check).Violation;

    private static async Task<MediaCheckResult.Accepted> Accepted(Task<MediaCheckResult> check) =>
        Assert.IsType<MediaCheckResult.Accepted>(await check);

    [Fact]
    public async Task A_png_declared_as_jpeg_is_refused_with_media_type_mismatch()
    {
        var violation = await Refused(Check(Png, "image/jpeg", MediaKind.Image));

        Assert.Equal(MediaRuleCodes.TypeMismatch, violation.Code);
        Assert.Equal("image/jpeg declared but the file is a PNG.", violation.Message);
        Assert.Equal("declared-type-matches-bytes", violation.Rule);
    }

    [Fact]
    public async Task A_6_MB_jpeg_image_is_refused_with_media_too_large()
    {
        var violation = await Refused(Check(Jpeg, "image/jpeg", MediaKind.Image, 6 * MB));

        Assert.Equal(MediaRuleCodes.TooLarge, violation.Code);
        Assert.Equal("image-size", violation.Rule);
        Assert.Equal(5 * MB, violation.LimitBytes);
        Assert.Equal("The image is 6 MB; the limit is 5 MB.", violation.Message);
    }

    [Fact]
    public async Task A_90_MB_pdf_is_accepted_as_a_document_without_being_loaded()
    {
        var file = new SyntheticFile(Pdf, 90L * MB);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();

        var accepted = await Accepted(Rules.CheckAsync(file, "application/pdf", MediaKind.Document));

        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        Assert.Equal(MediaFormat.Pdf, accepted.Detected.Format);
        Assert.Equal(90L * MB, accepted.Size);
        Assert.True(file.BytesRead <= 64 * KB, $"read {file.BytesRead} bytes");
        Assert.True(allocated < 1 * MB, $"allocated {allocated} bytes");
    }

    [Fact]
    public async Task A_90_MB_pdf_on_a_forward_only_stream_is_measured_without_being_kept()
    {
        var file = new SyntheticFile(Pdf, 90L * MB, seekable: false);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();

        var accepted = await Accepted(Rules.CheckAsync(file, "application/pdf", MediaKind.Document));

        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        Assert.Equal(90L * MB, accepted.Size);
        Assert.True(allocated < 1 * MB, $"allocated {allocated} bytes");
    }

    [Fact]
    public async Task A_document_over_100_MB_is_refused_with_media_too_large() =>
        Assert.Equal(MediaRuleCodes.TooLarge, (await Refused(Check(Pdf, "application/pdf", MediaKind.Document, (100L * MB) + 1))).Code);

    [Theory]
    [InlineData("image/jpeg")]
    [InlineData("image/jpg")]
    [InlineData("IMAGE/JPEG; charset=binary")]
    public async Task A_4_MB_jpeg_is_accepted_as_an_image_under_any_spelling_of_its_type(string declared)
    {
        var accepted = await Accepted(Check(Jpeg, declared, MediaKind.Image, 4 * MB));

        Assert.Equal("image/jpeg", accepted.ContentType);
    }

    [Fact]
    public async Task A_png_is_accepted_as_an_image() =>
        await Accepted(Check(Png, "image/png", MediaKind.Image));

    [Fact]
    public async Task A_webp_cannot_be_sent_as_an_image()
    {
        var violation = await Refused(Check(StaticWebP, "image/webp", MediaKind.Image));

        Assert.Equal(MediaRuleCodes.TypeNotAllowed, violation.Code);
        Assert.Equal("The file is a WebP; a WhatsApp image must be JPEG or PNG.", violation.Message);
    }

    [Fact]
    public async Task Bytes_of_no_known_type_declared_as_jpeg_are_a_type_mismatch()
    {
        var violation = await Refused(Check([0x00, 0x01, 0x02, 0x03, 0xFE, 0xFD], "image/jpeg", MediaKind.Image));

        Assert.Equal(MediaRuleCodes.TypeMismatch, violation.Code);
        Assert.Equal("image/jpeg declared but the file is of an unrecognised type.", violation.Message);
    }

    [Fact]
    public async Task An_empty_file_is_refused() =>
        Assert.Equal("file-not-empty", (await Refused(Check([], "image/jpeg", MediaKind.Image))).Rule);

    [Fact]
    public async Task A_static_sticker_of_90_KB_is_accepted() =>
        Assert.False((await Accepted(Check(StaticWebP, "image/webp", MediaKind.Sticker, 90 * KB))).Detected.Animated);

    [Fact]
    public async Task A_static_sticker_over_100_KB_is_refused_with_media_too_large()
    {
        var violation = await Refused(Check(StaticWebP, "image/webp", MediaKind.Sticker, 101 * KB));

        Assert.Equal(MediaRuleCodes.TooLarge, violation.Code);
        Assert.Equal("static-sticker-size", violation.Rule);
    }

    [Fact]
    public async Task An_animated_sticker_of_400_KB_is_accepted() =>
        Assert.True((await Accepted(Check(AnimatedWebP, "image/webp", MediaKind.Sticker, 400 * KB))).Detected.Animated);

    [Fact]
    public async Task An_animated_sticker_over_500_KB_is_refused_with_media_too_large() =>
        Assert.Equal("animated-sticker-size", (await Refused(Check(AnimatedWebP, "image/webp", MediaKind.Sticker, 501 * KB))).Rule);

    [Fact]
    public async Task A_jpeg_cannot_be_sent_as_a_sticker() =>
        Assert.Equal(MediaRuleCodes.TypeNotAllowed, (await Refused(Check(Jpeg, "image/jpeg", MediaKind.Sticker))).Code);

    [Theory]
    [InlineData(nameof(Mp4), "video/mp4")]
    [InlineData(nameof(ThreeGpp), "video/3gpp")]
    public async Task Mp4_and_3gpp_are_accepted_as_video(string sample, string declared) =>
        await Accepted(Check(Sample(sample), declared, MediaKind.Video, 15 * MB));

    [Fact]
    public async Task A_video_over_16_MB_is_refused_with_media_too_large() =>
        Assert.Equal("video-size", (await Refused(Check(Mp4, "video/mp4", MediaKind.Video, (16 * MB) + 1))).Rule);

    [Fact]
    public async Task A_quicktime_movie_declared_as_mp4_is_refused_with_media_type_mismatch() =>
        Assert.Equal("video/mp4 declared but the file is a QuickTime video.", (await Refused(Check(QuickTime, "video/mp4", MediaKind.Video))).Message);

    [Fact]
    public async Task A_gif_sent_as_video_is_refused_when_no_converter_is_available()
    {
        var violation = await Refused(Check(Gif, "image/gif", MediaKind.Video));

        Assert.Equal(MediaRuleCodes.TypeNotAllowed, violation.Code);
        Assert.Equal("video-gif-needs-mp4-conversion", violation.Rule);
    }

    [Fact]
    public async Task A_gif_sent_as_video_is_accepted_and_flagged_for_mp4_conversion_when_a_converter_is_available()
    {
        var rules = new MediaRules(Options.Create(new MediaRulesOptions { GifToMp4ConversionAvailable = true }));

        var accepted = Assert.IsType<MediaCheckResult.Accepted>(await rules.CheckAsync(new MemoryStream(Gif), "image/gif", MediaKind.Video));

        Assert.Equal("video/mp4", accepted.ConvertTo);
    }

    [Theory]
    [InlineData(nameof(Aac), "audio/aac")]
    [InlineData(nameof(Amr), "audio/amr")]
    [InlineData(nameof(Mp3WithId3), "audio/mpeg")]
    [InlineData(nameof(Mp3Frame), "audio/mp3")]
    [InlineData(nameof(M4a), "audio/mp4")]
    [InlineData(nameof(M4a), "audio/x-m4a")]
    [InlineData(nameof(Mp4), "audio/mp4")]
    [InlineData(nameof(OggOpus), "audio/ogg")]
    [InlineData(nameof(OggOpus), "audio/ogg; codecs=opus")]
    public async Task Each_audio_format_whatsapp_takes_is_accepted_as_audio(string sample, string declared) =>
        await Accepted(Check(Sample(sample), declared, MediaKind.Audio, 10 * MB));

    [Fact]
    public async Task Ogg_without_opus_is_refused_as_audio()
    {
        var violation = await Refused(Check(OggVorbis, "audio/ogg", MediaKind.Audio));

        Assert.Equal(MediaRuleCodes.TypeNotAllowed, violation.Code);
        Assert.Contains("Opus", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_m4a_declared_as_video_is_refused_with_media_type_mismatch() =>
        Assert.Equal(MediaRuleCodes.TypeMismatch, (await Refused(Check(M4a, "video/mp4", MediaKind.Video))).Code);

    [Fact]
    public async Task Audio_over_16_MB_is_refused_with_media_too_large() =>
        Assert.Equal("audio-size", (await Refused(Check(Mp3Frame, "audio/mpeg", MediaKind.Audio, 17 * MB))).Rule);

    [Theory]
    [InlineData(nameof(Pdf), "application/pdf")]
    [InlineData(nameof(Docx), "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [InlineData(nameof(Xlsx), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [InlineData(nameof(Pptx), "application/vnd.openxmlformats-officedocument.presentationml.presentation")]
    [InlineData(nameof(Doc), "application/msword")]
    [InlineData(nameof(Xls), "application/vnd.ms-excel")]
    [InlineData(nameof(Ppt), "application/vnd.ms-powerpoint")]
    [InlineData(nameof(Text), "text/plain")]
    [InlineData(nameof(Text), "text/csv")]
    [InlineData(nameof(Png), "image/png")]
    public async Task Each_listed_document_type_is_accepted_as_a_document(string sample, string declared) =>
        await Accepted(Rules.CheckAsync(new MemoryStream(Sample(sample)), declared, MediaKind.Document));

    [Fact]
    public async Task A_file_of_an_unlisted_type_declared_as_octet_stream_is_accepted_as_a_document()
    {
        var bytes = new byte[2048];
        new Random(5).NextBytes(bytes);
        bytes[0] = 0x00;

        var accepted = await Accepted(Rules.CheckAsync(new MemoryStream(bytes), "application/octet-stream", MediaKind.Document));

        Assert.Equal("application/octet-stream", accepted.ContentType);
    }

    [Fact]
    public async Task A_docx_declared_as_xlsx_is_refused_with_media_type_mismatch() =>
        Assert.Equal(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet declared but the file is a Word document (DOCX).",
            (await Refused(Rules.CheckAsync(new MemoryStream(Docx), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", MediaKind.Document))).Message);

    [Fact]
    public async Task A_pdf_declared_as_a_word_document_is_refused_with_media_type_mismatch() =>
        Assert.Equal(MediaRuleCodes.TypeMismatch, (await Refused(Check(Pdf, "application/msword", MediaKind.Document))).Code);

    [Fact]
    public async Task Binary_bytes_declared_as_plain_text_are_refused_with_media_type_mismatch() =>
        Assert.Equal(MediaRuleCodes.TypeMismatch, (await Refused(Check(Jpeg, "text/plain", MediaKind.Document))).Code);

    [Fact]
    public async Task A_checked_seekable_stream_is_left_at_its_start_ready_to_upload()
    {
        var stream = new MemoryStream(Jpeg);

        await Rules.CheckAsync(stream, "image/jpeg", MediaKind.Image);

        Assert.Equal(0, stream.Position);
    }

    [Fact]
    public async Task Bytes_in_memory_are_checked_the_same_way() =>
        Assert.Equal(MediaRuleCodes.TypeMismatch, Assert.IsType<MediaCheckResult.Refused>(await Rules.CheckAsync(Png.AsMemory(), "image/jpeg", MediaKind.Image)).Violation.Code);

    private static byte[] Sample(string name) => (byte[])typeof(SampleFiles).GetProperty(name)!.GetValue(null)!;
}
