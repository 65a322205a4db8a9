using Switchboard.Api.Problems;

namespace Switchboard.Api.Hosting;

/// <summary>
/// Client-side routes of the agent console (/chats/…, /admin/…) get the console's page; paths
/// that look like the API, the hub or webhooks stay 404 problems so a typo never answers HTML.
/// </summary>
public static class ConsolePage
{
    private static readonly string[] ServerPrefixes = ["/api", "/hubs", "/webhooks", "/openapi", "/healthz", "/readyz"];

    public static async Task ServeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        var page = context.RequestServices.GetRequiredService<IWebHostEnvironment>().WebRootFileProvider.GetFileInfo("index.html");
        if (ServerPrefixes.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase)) || !HttpMethods.IsGet(context.Request.Method))
        {
            await ApiProblems.NotFound("route").ExecuteAsync(context);
            return;
        }

        if (!page.Exists)
        {
            await ApiProblems.Of(404, "console_not_built", "The console is not built", "Run scripts/build-web.sh (./run and ./test do it).").ExecuteAsync(context);
            return;
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-cache";
        await context.Response.SendFileAsync(page, context.RequestAborted);
    }
}
