using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Switchboard.Api.ApiKeys;
using Switchboard.Api.Auth;
using Switchboard.Api.Problems;
using Switchboard.Channels.WhatsApp.Media;
using Switchboard.Storage.Media;

namespace Switchboard.Api.Media;

/// <summary>
/// Files agents and API clients attach to messages. A file is checked before it is stored
/// (product §3): the type read from its bytes must be the type declared, one the message kind
/// can carry, and within the kind's size limit. Refusals name the rule that refused them.
/// Downloads stream from the database to the caller; files are visible only inside their tenant.
/// </summary>
public static class MediaEndpoints
{
    public const int FilenameMaxLength = 255;

    public sealed record MediaView(string Id, string MimeType, long Size, string Sha256, string? Filename);

    public static void MapMediaEndpoints(this IEndpointRouteBuilder app)
    {
        var rules = app.ServiceProvider.GetRequiredService<IOptions<MediaRulesOptions>>().Value;
        var largest = new[] { rules.ImageMaxBytes, rules.VideoMaxBytes, rules.AudioMaxBytes, rules.DocumentMaxBytes, rules.AnimatedStickerMaxBytes, rules.StaticStickerMaxBytes }.Max();

        var media = app.MapGroup("/api/v1/media").WithTags("Media");
        media.MapPost("/", UploadAsync)
            .RequireScope(Scopes.MediaWrite)
            .WithMetadata(new MediaUploadLimit(largest))
            .Accepts<IFormFile>("multipart/form-data")
            .Produces<MediaView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        media.MapGet("/{id}", DownloadAsync)
            .RequireAgentOrAnyScope(Scopes.MediaWrite, Scopes.MessagesRead)
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> UploadAsync(
        HttpRequest request, ClaimsPrincipal user, MediaRules rules, MediaStore store, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return ApiProblems.Validation("file", "Send the file as multipart/form-data in a field named 'file'.");
        }

        IFormCollection form;
        try
        {
            // Files beyond 64 KB are buffered to a temporary file, not memory.
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return ApiProblems.Of(StatusCodes.Status413PayloadTooLarge, MediaRuleCodes.TooLarge, "Media refused", "The upload is larger than any file a message can carry.",
                new Dictionary<string, object?> { ["rule"] = "request-size" });
        }
        catch (InvalidDataException ex)
        {
            return ApiProblems.Validation("file", $"The multipart body cannot be read: {ex.Message}");
        }

        var file = form.Files.GetFile("file");
        var kindField = form["kind"].ToString();
        var validation = new RequestValidation()
            .Check(file is not null, "file", "A file is required in the multipart field 'file'.")
            .Check(kindField.Length == 0 || MediaKinds.TryParse(kindField, out _), "kind", $"kind must be one of {string.Join(", ", MediaKinds.Names)}.");
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var kind = kindField.Length > 0 && MediaKinds.TryParse(kindField, out var given) ? given : MediaKinds.FromContentType(file!.ContentType);
        await using var content = file!.OpenReadStream();
        var verdict = await rules.CheckAsync(content, file.ContentType ?? "", kind, file.Length, cancellationToken);
        if (verdict is MediaCheckResult.Refused { Violation: var violation })
        {
            return Refused(violation);
        }

        var accepted = (MediaCheckResult.Accepted)verdict;
        var stored = await store.SaveAsync(user.TenantId(), content, file.Length, accepted.ContentType, CleanFilename(file.FileName), cancellationToken);
        return Results.Created($"/api/v1/media/{stored.Id}", new MediaView(stored.Id, stored.MimeType, stored.Size, stored.Sha256, stored.Filename));
    }

    private static async Task<IResult> DownloadAsync(string id, HttpContext context, ClaimsPrincipal user, MediaStore store, CancellationToken cancellationToken)
    {
        var blob = await store.OpenAsync(user.TenantId(), id, cancellationToken);
        if (blob is null)
        {
            return ApiProblems.NotFound("media");
        }

        // The blob holds a connection and reader open while the body streams; the response disposes it.
        context.Response.RegisterForDisposeAsync(blob);
        var response = context.Response;
        response.ContentType = blob.Info.MimeType;
        response.ContentLength = blob.Info.Size;

        // An attachment, and no sniffing: a stored file must never render as a page of the console's origin.
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(blob.Info.Filename ?? id);
        response.Headers.ContentDisposition = disposition.ToString();
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "private, max-age=86400, immutable";
        await blob.Content.CopyToAsync(response.Body, cancellationToken);
        return Results.Empty;
    }

    private static IResult Refused(MediaRuleViolation violation)
    {
        var status = violation.Code == MediaRuleCodes.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status422UnprocessableEntity;
        var extensions = new Dictionary<string, object?>
        {
            ["rule"] = violation.Rule,
            ["detectedType"] = violation.Detected.MimeType,
            ["size"] = violation.Size,
        };
        if (violation.LimitBytes is { } limit)
        {
            extensions["limitBytes"] = limit;
        }

        return ApiProblems.Of(status, violation.Code, "Media refused", violation.Message, extensions);
    }

    /// <summary>The name alone (no path a browser sent), without control characters, at most 255 characters.</summary>
    private static string? CleanFilename(string? filename)
    {
        var name = Path.GetFileName((filename ?? "").Replace('\\', '/'));
        name = new string(name.Where(c => !char.IsControl(c)).ToArray()).Trim();
        return name.Length == 0 ? null : name.Length > FilenameMaxLength ? name[..FilenameMaxLength] : name;
    }
}
