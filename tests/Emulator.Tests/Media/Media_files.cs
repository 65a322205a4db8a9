using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Switchboard.Emulator.Tests.Infrastructure;

namespace Switchboard.Emulator.Tests.Media;

public sealed class Media_files(EmulatorFactory factory) : EmulatorTest(factory)
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. RandomNumberGenerator.GetBytes(200)];
    private static readonly byte[] Pdf = [.. "%PDF-1.7\n"u8, .. RandomNumberGenerator.GetBytes(200)];

    private async Task<GraphResponse> UploadAsync(byte[] content, string mimeType, string fileName = "file.bin", string? token = null)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent("whatsapp"), "messaging_product" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(mimeType);
        form.Add(file, "file", fileName);
        form.Add(new StringContent(mimeType), "type");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/{EmulatorClient.Version}/{Number.PhoneNumberId}/media") { Content = form };
        return await Emulator.GraphSendAsync(request, token ?? Number.AccessToken);
    }

    private async Task<string> UploadIdAsync(byte[] content, string mimeType) =>
        (await UploadAsync(content, mimeType)).Json["id"]!.GetValue<string>();

    private async Task<HttpResponseMessage> DownloadAsync(string url, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return await Emulator.Http.SendAsync(request);
    }

    [Fact]
    public async Task An_upload_answers_a_numeric_media_id()
    {
        var response = await UploadAsync(Png, "image/png", "photo.png");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Matches("""^\{"id":"\d+"\}$""", response.Text);
    }

    [Fact]
    public async Task Is_described_with_a_signed_url_its_type_hex_sha256_and_size()
    {
        var id = await UploadIdAsync(Png, "image/png");

        var response = await Emulator.GraphAsync(HttpMethod.Get, id, Number.AccessToken);

        var json = response.Json;
        Assert.Equal("whatsapp", json["messaging_product"]!.GetValue<string>());
        Assert.Equal("image/png", json["mime_type"]!.GetValue<string>());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Png)), json["sha256"]!.GetValue<string>());
        Assert.Equal(Png.Length, json["file_size"]!.GetValue<int>());
        Assert.Equal(id, json["id"]!.GetValue<string>());
        Assert.StartsWith(Factory.BaseAddress.ToString().TrimEnd('/'), json["url"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("""http:\/\/127.0.0.1""", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Is_downloaded_from_its_url_with_the_bearer_token()
    {
        var id = await UploadIdAsync(Png, "image/png");
        var url = (await Emulator.GraphAsync(HttpMethod.Get, id, Number.AccessToken)).Json["url"]!.GetValue<string>();

        using var response = await DownloadAsync(url, Number.AccessToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Png, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Is_not_downloaded_without_the_bearer_token()
    {
        var id = await UploadIdAsync(Png, "image/png");
        var url = (await Emulator.GraphAsync(HttpMethod.Get, id, Number.AccessToken)).Json["url"]!.GetValue<string>();

        using var response = await DownloadAsync(url, token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Is_not_downloaded_once_its_url_expired_after_five_minutes()
    {
        var id = await UploadIdAsync(Png, "image/png");
        var url = (await Emulator.GraphAsync(HttpMethod.Get, id, Number.AccessToken)).Json["url"]!.GetValue<string>();
        try
        {
            Factory.Clock.Offset = TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1);

            using var response = await DownloadAsync(url, Number.AccessToken);

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        finally
        {
            Factory.Clock.Offset = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task Once_deleted_is_unknown()
    {
        var id = await UploadIdAsync(Png, "image/png");

        var deleted = await Emulator.GraphAsync(HttpMethod.Delete, id, Number.AccessToken);
        var lookup = await Emulator.GraphAsync(HttpMethod.Get, id, Number.AccessToken);

        Assert.Equal("""{"success":true}""", deleted.Text);
        Assert.Equal(HttpStatusCode.BadRequest, lookup.Status);
        Assert.Equal(33, lookup.Json["error"]!["error_subcode"]!.GetValue<int>());
    }

    [Fact]
    public async Task Deleting_an_unknown_id_fails_with_100_as_real_traffic_shows()
    {
        var response = await Emulator.GraphAsync(HttpMethod.Delete, "1234567890123456", Number.AccessToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("(#100) Invalid post_id parameter", response.Json["error"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task With_an_unknown_id_fails_with_graph_method_exception_100_33()
    {
        var response = await Emulator.GraphAsync(HttpMethod.Get, "1234567890123456", Number.AccessToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(100, response.ErrorCode);
        Assert.Equal(33, response.Json["error"]!["error_subcode"]!.GetValue<int>());
        Assert.Equal("GraphMethodException", response.Json["error"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Of_another_business_account_is_out_of_reach()
    {
        var other = await Emulator.RegisterAsync(TestNumber.Create(), Receiver.Url);
        var id = await UploadIdAsync(Png, "image/png");

        var response = await Emulator.GraphAsync(HttpMethod.Get, id, other.AccessToken);

        Assert.Equal(33, response.Json["error"]!["error_subcode"]!.GetValue<int>());
    }

    [Fact]
    public async Task Of_an_unsupported_type_is_refused_at_upload()
    {
        var response = await UploadAsync([.. "GIF89a"u8], "image/gif", "cat.gif");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(100, response.ErrorCode);
    }

    [Fact]
    public async Task Whose_bytes_do_not_match_its_type_is_accepted_but_fails_with_131053_when_sent()
    {
        var waId = await CustomerWithOpenWindowAsync();
        var id = await UploadIdAsync(Pdf, "image/jpeg");

        var response = await Emulator.SendAsync(Number, new JsonObject { ["to"] = waId, ["type"] = "image", ["image"] = new JsonObject { ["id"] = id } });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var statuses = await Receiver.WaitForStatusesAsync(response.Wamid, s => s.Count >= 1);
        Assert.Equal(131053, statuses.Single()["errors"]![0]!["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task Over_the_static_sticker_limit_fails_with_131053_when_sent()
    {
        var waId = await CustomerWithOpenWindowAsync();
        byte[] webp = [.. "RIFF"u8, 0, 0, 0, 0, .. "WEBPVP8 "u8, .. new byte[150 * 1024]];
        var id = await UploadIdAsync(webp, "image/webp");

        var response = await Emulator.SendAsync(Number, new JsonObject { ["to"] = waId, ["type"] = "sticker", ["sticker"] = new JsonObject { ["id"] = id } });

        var statuses = await Receiver.WaitForStatusesAsync(response.Wamid, s => s.Count >= 1);
        Assert.Equal(131053, statuses.Single()["errors"]![0]!["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task Sent_by_an_id_that_was_never_uploaded_fails_with_131009()
    {
        var waId = await CustomerWithOpenWindowAsync();

        var response = await Emulator.SendAsync(Number, new JsonObject { ["to"] = waId, ["type"] = "document", ["document"] = new JsonObject { ["id"] = "999" } });

        Assert.Equal(131009, response.ErrorCode);
    }

    [Fact]
    public async Task Uploaded_and_sent_by_id_is_delivered()
    {
        var waId = await CustomerWithOpenWindowAsync();
        var id = await UploadIdAsync(Pdf, "application/pdf");

        var response = await Emulator.SendAsync(Number, new JsonObject
        {
            ["to"] = waId,
            ["type"] = "document",
            ["document"] = new JsonObject { ["id"] = id, ["caption"] = "Invoice", ["filename"] = "invoice.pdf" },
        });

        var statuses = await Receiver.WaitForStatusesAsync(response.Wamid, s => s.Count == 3);
        Assert.Equal("read", statuses[^1]["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Sent_by_a_customer_is_stored_and_downloadable_by_the_business()
    {
        await Emulator.CustomerSendsAsync(Number, TestIds.WaId(), new JsonObject
        {
            ["type"] = "image",
            ["image"] = new JsonObject { ["base64"] = Convert.ToBase64String(Png), ["mimeType"] = "image/png", ["caption"] = "Look" },
        });
        var image = Receiver.Received.Single().Messages.Single()["image"]!;

        var described = await Emulator.GraphAsync(HttpMethod.Get, image["id"]!.GetValue<string>(), Number.AccessToken);
        using var download = await DownloadAsync(described.Json["url"]!.GetValue<string>(), Number.AccessToken);

        Assert.Equal("Look", image["caption"]!.GetValue<string>());
        Assert.Equal("image/png", image["mime_type"]!.GetValue<string>());
        Assert.Equal(Convert.ToBase64String(SHA256.HashData(Png)), image["sha256"]!.GetValue<string>());
        Assert.Equal(Png, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Of_a_customers_voice_note_is_ogg_opus()
    {
        byte[] ogg = [.. "OggS"u8, .. new byte[24], .. "OpusHead"u8, .. new byte[64]];

        await Emulator.CustomerSendsAsync(Number, TestIds.WaId(), new JsonObject
        {
            ["type"] = "audio",
            ["audio"] = new JsonObject { ["base64"] = Convert.ToBase64String(ogg), ["mimeType"] = "audio/ogg", ["voice"] = true },
        });

        var audio = Receiver.Received.Single().Messages.Single()["audio"]!;
        Assert.Equal("audio/ogg; codecs=opus", audio["mime_type"]!.GetValue<string>());
        Assert.True(audio["voice"]!.GetValue<bool>());
    }
}
