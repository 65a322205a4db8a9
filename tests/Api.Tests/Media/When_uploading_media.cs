using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Dapper;
using Switchboard.Api.Tests.Infrastructure;

namespace Switchboard.Api.Tests.Media;

/// <summary>Uploads and downloads through real Kestrel, whose request size limit the upload endpoint raises.</summary>
public sealed class When_uploading_media(KestrelApi kestrel) : IClassFixture<KestrelApi>
{
    private const long MegaByte = 1024 * 1024;

    private ApiFactory Api => kestrel.Api;

    [Fact]
    public async Task A_PNG_declared_as_JPEG_is_refused_with_media_type_mismatch_and_nothing_is_stored()
    {
        var tenant = await kestrel.CreateTenantAsync();

        var response = await UploadAsync(tenant.Admin, GeneratedFile.Png(20_000), "image/jpeg", "photo.jpg");

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "media_type_mismatch");
        Assert.Contains("PNG", problem.GetProperty("detail").GetString());
        Assert.Equal("declared-type-matches-bytes", problem.GetProperty("rule").GetString());
        Assert.Equal(0, await StoredCountAsync(tenant));
    }

    [Fact]
    public async Task A_6_MB_JPEG_sent_as_an_image_is_refused_with_media_too_large()
    {
        var tenant = await kestrel.CreateTenantAsync();

        var response = await UploadAsync(tenant.Admin, GeneratedFile.Jpeg(6 * MegaByte), "image/jpeg", "big.jpg", kind: "image");

        var problem = await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "media_too_large");
        Assert.Equal("image-size", problem.GetProperty("rule").GetString());
        Assert.Equal(5 * MegaByte, problem.GetProperty("limitBytes").GetInt64());
        Assert.Equal(0, await StoredCountAsync(tenant));
    }

    [Fact]
    public async Task A_file_whose_type_the_kind_cannot_carry_is_refused_with_media_type_not_allowed()
    {
        var tenant = await kestrel.CreateTenantAsync();

        var response = await UploadAsync(tenant.Admin, GeneratedFile.Pdf(10_000), "application/pdf", "menu.pdf", kind: "image");

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "media_type_not_allowed");
        Assert.Equal("image-types", problem.GetProperty("rule").GetString());
        Assert.Equal(0, await StoredCountAsync(tenant));
    }

    [Fact]
    public async Task Without_a_kind_a_WebP_is_checked_as_a_sticker()
    {
        var tenant = await kestrel.CreateTenantAsync();

        var response = await UploadAsync(tenant.Admin, GeneratedFile.WebP(200_000), "image/webp", "sticker.webp");

        var problem = await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "media_too_large");
        Assert.Equal("static-sticker-size", problem.GetProperty("rule").GetString());
    }

    [Fact]
    public async Task A_90_MB_PDF_document_is_accepted_and_downloads_byte_identical()
    {
        var tenant = await kestrel.CreateTenantAsync();
        const long size = 90 * MegaByte;

        var uploaded = await (await UploadAsync(tenant.Admin, GeneratedFile.Pdf(size), "application/pdf", "catalogue.pdf", kind: "document")).ReadAsync<JsonElement>();

        Assert.Equal("application/pdf", uploaded.GetProperty("mimeType").GetString());
        Assert.Equal(size, uploaded.GetProperty("size").GetInt64());
        Assert.Equal("catalogue.pdf", uploaded.GetProperty("filename").GetString());
        Assert.Equal(await Sha256HexAsync(GeneratedFile.Pdf(size)), uploaded.GetProperty("sha256").GetString());

        using var download = await tenant.Admin.GetAsync($"/api/v1/media/{uploaded.GetProperty("id").GetString()}", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("catalogue.pdf", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        await AssertSameBytesAsync(GeneratedFile.Pdf(size), await download.Content.ReadAsStreamAsync());
    }

    [Fact]
    public async Task An_agent_attaches_a_file_and_gets_its_id_size_and_hash()
    {
        var tenant = await kestrel.CreateTenantAsync();
        var agent = await kestrel.AddAgentAsync(tenant);

        var uploaded = await (await UploadAsync(agent, GeneratedFile.Jpeg(50_000), "image/jpg", "photos/2026/holiday.jpg")).ReadAsync<JsonElement>();

        Assert.StartsWith("md_", uploaded.GetProperty("id").GetString());
        Assert.Equal("image/jpeg", uploaded.GetProperty("mimeType").GetString());
        Assert.Equal(50_000, uploaded.GetProperty("size").GetInt64());
        Assert.Equal("holiday.jpg", uploaded.GetProperty("filename").GetString());
    }

    [Fact]
    public async Task A_request_without_a_file_is_refused_naming_the_file_field()
    {
        var tenant = await kestrel.CreateTenantAsync();
        using var form = new MultipartFormDataContent { { new StringContent("image"), "kind" } };

        var response = await tenant.Admin.PostAsync("/api/v1/media", form);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("file", out _));
    }

    [Fact]
    public async Task An_unknown_kind_is_refused_naming_the_kind_field()
    {
        var tenant = await kestrel.CreateTenantAsync();

        var response = await UploadAsync(tenant.Admin, GeneratedFile.Jpeg(1_000), "image/jpeg", "a.jpg", kind: "hologram");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("kind", out _));
        Assert.Equal(0, await StoredCountAsync(tenant));
    }

    [Fact]
    public async Task Another_tenants_media_id_answers_404()
    {
        var mine = await kestrel.CreateTenantAsync();
        var theirs = await kestrel.CreateTenantAsync();
        var theirMedia = await (await UploadAsync(theirs.Admin, GeneratedFile.Jpeg(1_000), "image/jpeg", "private.jpg")).ReadAsync<JsonElement>();

        var response = await mine.Admin.GetAsync($"/api/v1/media/{theirMedia.GetProperty("id").GetString()}");

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Downloads_need_a_signed_in_caller()
    {
        var tenant = await kestrel.CreateTenantAsync();
        var media = await (await UploadAsync(tenant.Admin, GeneratedFile.Jpeg(1_000), "image/jpeg", "a.jpg")).ReadAsync<JsonElement>();

        var response = await kestrel.Anonymous().GetAsync($"/api/v1/media/{media.GetProperty("id").GetString()}");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task An_api_key_needs_media_write_to_upload()
    {
        var tenant = await kestrel.CreateTenantAsync();
        var client = await tenant.ApiKeyClientAsync("messages:send");

        var response = await UploadAsync(client, GeneratedFile.Jpeg(1_000), "image/jpeg", "a.jpg");

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Stream file, string contentType, string filename, string? kind = null)
    {
        var fileContent = new StreamContent(file);
        fileContent.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        using var form = new MultipartFormDataContent { { fileContent, "file", filename } };
        if (kind is not null)
        {
            form.Add(new StringContent(kind), "kind");
        }

        return await client.PostAsync("/api/v1/media", form);
    }

    private async Task<long> StoredCountAsync(TenantSession tenant)
    {
        await using var connection = await Api.Database.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>("select count(*) from media where tenant_id = @TenantId", new { tenant.TenantId });
    }

    private static async Task<string> Sha256HexAsync(Stream content) =>
        Convert.ToHexStringLower(await System.Security.Cryptography.SHA256.HashDataAsync(content));

    /// <summary>Compares in 1 MB windows, so neither side is ever held whole.</summary>
    private static async Task AssertSameBytesAsync(Stream expected, Stream actual)
    {
        var wanted = new byte[MegaByte];
        var got = new byte[MegaByte];
        long offset = 0;
        while (true)
        {
            var expectedCount = await expected.ReadAtLeastAsync(wanted, wanted.Length, throwOnEndOfStream: false);
            var actualCount = await actual.ReadAtLeastAsync(got, got.Length, throwOnEndOfStream: false);
            Assert.True(expectedCount == actualCount, $"The download's length differs near byte {offset + Math.Min(expectedCount, actualCount)}.");
            if (expectedCount == 0)
            {
                return;
            }

            Assert.True(wanted.AsSpan(0, expectedCount).SequenceEqual(got.AsSpan(0, actualCount)), $"The download differs within bytes {offset}–{offset + expectedCount}.");
            offset += expectedCount;
        }
    }
}
