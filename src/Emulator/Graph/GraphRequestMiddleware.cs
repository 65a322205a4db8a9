using System.Text;

namespace Switchboard.Emulator.Graph;

/// <summary>
/// Runs in front of every <c>/v{major}.{minor}/…</c> route: gives the request its Graph trace ids and
/// headers (spec §0), reads a JSON body once for both the endpoint and the request log, and records the
/// request with the status it was answered with.
/// </summary>
public sealed class GraphRequestMiddleware(RequestDelegate next, GraphRequestLog log, TimeProvider time)
{
    // Large enough for any JSON the Graph API takes; media uploads are multipart and are not buffered here.
    private const int MaxLoggedBodyBytes = 1024 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        var match = GraphCall.VersionPrefix().Match(context.Request.Path.Value ?? "");
        if (!match.Success)
        {
            await next(context);
            return;
        }

        var call = new GraphCall(match.Groups[1].Value);
        GraphCall.Attach(context, call);
        var sequence = log.NextSequence();
        var receivedAt = time.GetUtcNow();
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers["x-fb-request-id"] = call.RequestId;
            headers["x-fb-trace-id"] = call.TraceId;
            headers["x-fb-rev"] = "1023462846";
            headers["facebook-api-version"] = call.Version;
            return Task.CompletedTask;
        });

        var isMultipart = context.Request.ContentType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) == true;
        if (!isMultipart && context.Request.ContentLength is not 0)
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
            call.Body = buffer.ToArray();
        }

        try
        {
            await next(context);
        }
        finally
        {
            var segments = (context.Request.Path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
            string? body = isMultipart
                ? $"<multipart/form-data, {context.Request.ContentLength?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"} bytes>"
                : call.Body.Length == 0 ? null
                : call.Body.Length > MaxLoggedBodyBytes ? $"<{call.Body.Length} bytes>"
                : Encoding.UTF8.GetString(call.Body);
            log.Add(new GraphRequestRecord(
                sequence,
                receivedAt,
                context.Request.Method,
                context.Request.Path.Value ?? "",
                context.Request.QueryString.Value ?? "",
                segments.Length > 1 ? segments[1] : null,
                context.Request.ContentType,
                body,
                context.Response.StatusCode));
        }
    }
}
