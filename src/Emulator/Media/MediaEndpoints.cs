using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Switchboard.Emulator.Graph;
using Switchboard.Emulator.Numbers;

namespace Switchboard.Emulator.Media;

/// <summary>The Graph media surface (spec §2, §7.6): upload, look up, download by signed URL, delete.</summary>
public static class MediaEndpoints
{
    private const long MaxUploadBytes = MediaRules.MaxInboundBytes + 1024 * 1024;

    public static void MapMediaEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/{version:regex(^v\\d+\\.\\d+$)}/{phoneNumberId}/media", UploadAsync)
            .WithMetadata(new RequestSizeLimitAttribute(MaxUploadBytes))
            .DisableAntiforgery();
        app.MapGet(MediaUrlSigner.DownloadPath, Download);
    }

    /// <summary><c>POST /{version}/{phone-number-id}/media</c>, multipart: <c>messaging_product</c>, <c>file</c>, optional <c>type</c> → <c>{"id"}</c>.</summary>
    private static async Task<IResult> UploadAsync(
        HttpContext context,
        string phoneNumberId,
        GraphAuthenticator authenticator,
        MediaStore store,
        CancellationToken cancellationToken)
    {
        if (authenticator.AuthorizeNumber(context.Request, phoneNumberId, out var number) is { } authError)
        {
            return GraphResults.Error(context, authError);
        }
        if (!context.Request.HasFormContentType)
        {
            return GraphResults.Error(context, GraphErrors.InvalidParameter("Upload media as multipart/form-data with the fields messaging_product, file and type."));
        }
        var form = await context.Request.ReadFormAsync(cancellationToken);
        var product = form["messaging_product"].ToString();
        if (product.Length == 0)
        {
            return GraphResults.Error(context, GraphErrors.InvalidParameter("The parameter messaging_product is required."));
        }
        if (product != "whatsapp")
        {
            return GraphResults.Error(context, GraphErrors.InvalidParameter("Param messaging_product must be one of {WHATSAPP} - got \"" + product + "\"."));
        }
        if (form.Files.GetFile("file") is not { } file)
        {
            return GraphResults.Error(context, GraphErrors.InvalidParameter("The parameter file is required."));
        }
        // The `type` field wins over the part's own Content-Type; Meta's curl example sends only the latter (spec §2.1).
        var mimeType = form["type"].ToString() is { Length: > 0 } declared ? declared : file.ContentType ?? "";
        if (!MediaRules.IsSupported(mimeType))
        {
            return GraphResults.Error(context, GraphErrors.InvalidParameter(
                $"Param file must be a file with one of the following types: {string.Join(", ", MediaRules.Supported.Keys)}. Received file of type '{mimeType}'."));
        }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        var item = store.Add(number.PhoneNumberId, number.Settings.WabaId, mimeType, buffer.ToArray(), file.FileName, MediaStore.UploadedLifetime);
        return GraphResults.Json(new JsonObject { ["id"] = item.Id });
    }

    /// <summary><c>GET /{version}/{media-id}</c> → the media's signed URL and facts (spec §2.2).</summary>
    public static IResult Describe(HttpContext context, MediaItem media, MediaUrlSigner signer) =>
        GraphResults.Json(new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["url"] = signer.UrlFor(media, context.Request),
            ["mime_type"] = media.MimeType,
            ["sha256"] = media.Sha256Hex,
            ["file_size"] = media.Content.Length,
            ["id"] = media.Id,
        });

    /// <summary>
    /// The signed URL itself: 404 once expired or tampered with (the client should look the media up
    /// again), 401 without a Bearer token that may see the media (spec §2.3).
    /// </summary>
    private static IResult Download(HttpContext context, MediaStore store, MediaUrlSigner signer, NumberRegistry numbers)
    {
        var query = context.Request.Query;
        var mediaId = query["mid"].ToString();
        if (!signer.IsValid(mediaId, query["ext"].ToString(), query["hash"].ToString()) || store.Find(mediaId) is not { } media)
        {
            return Results.NotFound();
        }
        var token = GraphAuthenticator.ReadToken(context.Request);
        if (token is null || !numbers.TokenCanAccessWaba(token, media.WabaId))
        {
            return Results.Unauthorized();
        }
        return Results.File(media.Content, media.MimeType);
    }
}
