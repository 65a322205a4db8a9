using System.Text.Json.Nodes;

namespace Switchboard.Emulator.Graph;

/// <summary>Graph-shaped responses: JSON bytes written by <see cref="GraphJson"/>, with Graph's headers.</summary>
public static class GraphResults
{
    public const string JsonContentType = "application/json; charset=UTF-8";

    public static IResult Json(JsonNode body, int statusCode = StatusCodes.Status200OK) =>
        new GraphJsonResult(GraphJson.ToResponseBytes(body), statusCode);

    public static IResult Success() => Json(new JsonObject { ["success"] = true });

    public static IResult Error(HttpContext context, GraphError error)
    {
        var call = GraphCall.From(context);
        // Meta sends the OAuth challenge on errors, with the error text in it (spec §7.7).
        var challenge = error.Code is 104 or 190 ? "invalid_token" : "invalid_request";
        context.Response.Headers.WWWAuthenticate = $"OAuth \"Facebook Platform\" \"{challenge}\" \"{error.Message.Replace("\"", "'", StringComparison.Ordinal)}\"";
        return Json(error.ToEnvelope(call.TraceId), error.HttpStatus);
    }

    private sealed class GraphJsonResult(byte[] body, int statusCode) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = statusCode;
            httpContext.Response.ContentType = JsonContentType;
            httpContext.Response.ContentLength = body.Length;
            await httpContext.Response.Body.WriteAsync(body, httpContext.RequestAborted);
        }
    }
}
