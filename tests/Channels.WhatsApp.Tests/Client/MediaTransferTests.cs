using System.Security.Cryptography;
using Switchboard.Channels.WhatsApp.Client;
using Switchboard.Channels.WhatsApp.Errors;
using Switchboard.Channels.WhatsApp.Tests.Emulator;
using Switchboard.Channels.WhatsApp.Tests.Media;

namespace Switchboard.Channels.WhatsApp.Tests.Client;

/// <summary>Upload (multipart as spec §2.1), URL look-up, authorised download and delete of media.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class MediaTransferTests(EmulatorHost host)
{
    private static readonly byte[] Voice = SampleFiles.Concat(SampleFiles.OggOpus, RandomNumberGenerator.GetBytes(3000));

    private async Task<(TestNumber Number, string MediaId)> UploadVoiceAsync()
    {
        var number = await host.RegisterNumberAsync();
        var upload = await host.Client.UploadMediaAsync(number.Credentials, new MemoryStream(Voice), "downloaded_audio.ogg", "audio/ogg");
        return (number, Assert.IsType<WhatsAppResult<UploadedMedia>.Success>(upload).Value.Id);
    }

    [Fact]
    public async Task An_upload_returns_the_media_id()
    {
        var (_, mediaId) = await UploadVoiceAsync();

        Assert.Matches("^[0-9]+$", mediaId);
    }

    [Fact]
    public async Task An_upload_is_multipart_with_messaging_product_file_and_type_in_that_order()
    {
        var number = await host.RegisterNumberAsync();
        var (client, recorder) = host.RecordingClient();

        Assert.True((await client.UploadMediaAsync(number.Credentials, new MemoryStream(Voice), "downloaded_audio.ogg", "audio/ogg")).IsSuccess);

        var request = Assert.Single(recorder.Requests);
        Assert.Equal($"/v21.0/{number.PhoneNumberId}/media", request.Uri.AbsolutePath);
        Assert.StartsWith("multipart/form-data; boundary=", request.ContentType, StringComparison.Ordinal);
        var body = System.Text.Encoding.Latin1.GetString(request.Body);
        var product = body.IndexOf("Content-Disposition: form-data; name=\"messaging_product\"\r\n\r\nwhatsapp\r\n", StringComparison.Ordinal);
        var file = body.IndexOf("Content-Disposition: form-data; name=\"file\"; filename=\"downloaded_audio.ogg\"\r\nContent-Type: audio/ogg\r\n\r\nOggS", StringComparison.Ordinal);
        var type = body.IndexOf("Content-Disposition: form-data; name=\"type\"\r\n\r\naudio/ogg\r\n", StringComparison.Ordinal);
        Assert.True(product >= 0 && file > product && type > file, body[..Math.Min(body.Length, 400)]);
    }

    [Fact]
    public async Task The_uploading_stream_is_left_open_for_the_caller()
    {
        var number = await host.RegisterNumberAsync();
        var stream = new MemoryStream(Voice);

        await host.Client.UploadMediaAsync(number.Credentials, stream, "note.ogg", "audio/ogg");

        Assert.True(stream.CanRead);
    }

    [Fact]
    public async Task Looking_up_media_gives_its_url_type_size_and_hex_sha256()
    {
        var (number, mediaId) = await UploadVoiceAsync();

        var info = Assert.IsType<WhatsAppResult<MediaInfo>.Success>(await host.Client.GetMediaAsync(number.Credentials, mediaId)).Value;

        Assert.Equal(mediaId, info.Id);
        Assert.Equal("audio/ogg", info.MimeType);
        Assert.Equal(Voice.Length, info.FileSize);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Voice)), info.Sha256);
        Assert.True(info.Url.IsAbsoluteUri);
    }

    [Fact]
    public async Task Media_is_downloaded_with_the_bearer_token_byte_for_byte()
    {
        var (number, mediaId) = await UploadVoiceAsync();
        using var destination = new MemoryStream();

        var download = Assert.IsType<WhatsAppResult<DownloadedMedia>.Success>(await host.Client.DownloadMediaByIdAsync(number.Credentials, mediaId, destination)).Value;

        Assert.Equal(Voice, destination.ToArray());
        Assert.Equal(Voice.Length, download.BytesWritten);
        Assert.StartsWith("audio/ogg", download.ContentType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_download_with_another_number_s_token_is_refused()
    {
        var (number, mediaId) = await UploadVoiceAsync();
        var info = Assert.IsType<WhatsAppResult<MediaInfo>.Success>(await host.Client.GetMediaAsync(number.Credentials, mediaId)).Value;
        var stranger = await host.RegisterNumberAsync();

        var result = await host.Client.DownloadMediaAsync(stranger.Credentials, info.Url, Stream.Null);

        Assert.False(result.IsSuccess);
    }

    [Fact]
    public async Task The_token_is_never_sent_to_a_plain_http_host_other_than_the_graph_host()
    {
        var (number, _) = await UploadVoiceAsync();
        var foreign = new Uri("http://198.51.100.7/whatsapp_business/attachments/?mid=1");

        var error = Assert.IsType<WhatsAppResult<DownloadedMedia>.Failure>(await host.Client.DownloadMediaAsync(number.Credentials, foreign, Stream.Null)).Error;

        Assert.Equal(WhatsAppErrorSource.Client, error.Source);
    }

    [Fact]
    public async Task Deleted_media_is_gone()
    {
        var (number, mediaId) = await UploadVoiceAsync();

        Assert.IsType<WhatsAppResult<Acknowledged>.Success>(await host.Client.DeleteMediaAsync(number.Credentials, mediaId));

        var error = Assert.IsType<WhatsAppResult<MediaInfo>.Failure>(await host.Client.GetMediaAsync(number.Credentials, mediaId)).Error;
        Assert.Equal(100, error.Code);
        Assert.Equal(WhatsAppErrorCategory.InvalidRequest, error.Category);
    }

    [Fact]
    public async Task Looking_up_unknown_media_fails_with_100_and_subcode_33()
    {
        var number = await host.RegisterNumberAsync();

        var error = Assert.IsType<WhatsAppResult<MediaInfo>.Failure>(await host.Client.GetMediaAsync(number.Credentials, "999999999999")).Error;

        Assert.Equal(100, error.Code);
        Assert.Equal(33, error.Subcode);
    }
}
