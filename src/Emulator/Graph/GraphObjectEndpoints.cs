using Switchboard.Emulator.Media;
using Switchboard.Emulator.Numbers;
using Switchboard.Emulator.Templates;

namespace Switchboard.Emulator.Graph;

/// <summary>
/// <c>/{version}/{object-id}</c>: Graph addresses media and templates by bare id, so one route looks the
/// id up in both stores (ids are unique across them, see <see cref="GraphIds"/>).
/// </summary>
public static class GraphObjectEndpoints
{
    public static void MapGraphObjectEndpoints(this IEndpointRouteBuilder app)
    {
        const string route = "/{version:regex(^v\\d+\\.\\d+$)}/{objectId}";
        app.MapGet(route, Get);
        app.MapDelete(route, Delete);
        app.MapPost(route, Post);
    }

    private static IResult Get(
        HttpContext context, string objectId, GraphAuthenticator authenticator, NumberRegistry numbers,
        MediaStore media, TemplateStore templates, MediaUrlSigner signer)
    {
        if (authenticator.Authenticate(context.Request, out var token) is { } authError)
        {
            return GraphResults.Error(context, authError);
        }
        if (media.Find(objectId) is { } item && CanSee(item, token, context.Request, numbers))
        {
            return MediaEndpoints.Describe(context, item, signer);
        }
        if (templates.Find(objectId) is { } template && numbers.TokenCanAccessWaba(token, template.WabaId))
        {
            return TemplateEndpoints.Describe(context, template);
        }
        return GraphResults.Error(context, GraphErrors.UnknownObject(objectId, "GET"));
    }

    /// <summary><c>DELETE /{version}/{media-id}</c> → <c>{"success":true}</c>; an unknown id answers as real traffic does (spec §2.4).</summary>
    private static IResult Delete(HttpContext context, string objectId, GraphAuthenticator authenticator, NumberRegistry numbers, MediaStore media)
    {
        if (authenticator.Authenticate(context.Request, out var token) is { } authError)
        {
            return GraphResults.Error(context, authError);
        }
        if (media.Find(objectId) is { } item && CanSee(item, token, context.Request, numbers) && media.Delete(objectId))
        {
            return GraphResults.Success();
        }
        return GraphResults.Error(context, new GraphError(400, 100, "(#100) Invalid post_id parameter"));
    }

    private static IResult Post(
        HttpContext context, string objectId, GraphAuthenticator authenticator, NumberRegistry numbers,
        TemplateStore templates, TemplateReviewer reviewer)
    {
        if (authenticator.Authenticate(context.Request, out var token) is { } authError)
        {
            return GraphResults.Error(context, authError);
        }
        if (templates.Find(objectId) is { } template && numbers.TokenCanAccessWaba(token, template.WabaId))
        {
            return TemplateEndpoints.Edit(context, template, reviewer);
        }
        return GraphResults.Error(context, GraphErrors.UnknownObject(objectId, "POST"));
    }

    /// <summary>The token must belong to the media's WABA; <c>?phone_number_id=</c> narrows it to that number's media (spec §2.2).</summary>
    private static bool CanSee(MediaItem item, string token, HttpRequest request, NumberRegistry numbers) =>
        numbers.TokenCanAccessWaba(token, item.WabaId)
        && (request.Query["phone_number_id"].ToString() is not { Length: > 0 } owner || owner == item.OwnerPhoneNumberId);
}
