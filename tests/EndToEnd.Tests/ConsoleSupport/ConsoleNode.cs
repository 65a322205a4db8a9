using Switchboard.EndToEnd.Tests.Infrastructure;
using Switchboard.Testing;

namespace Switchboard.EndToEnd.Tests.ConsoleSupport;

/// <summary>
/// Where the browser opens the console. The Api serves the built console (src/Api/wwwroot) from
/// its web root; a node started with another working directory has none, so when the cluster's
/// node A does not answer the console's page, one more Api node of the same cluster is started
/// with its web root pointed at the build (<c>ASPNETCORE_WEBROOT</c>) and shared by every console test.
/// </summary>
public static class ConsoleNode
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static ServiceProcess? started;
    private static Uri? address;

    public static string WebRoot => Path.Combine(TestEnvironment.RepositoryRoot, "src", "Api", "wwwroot");

    public static async Task<Uri> AddressAsync(ClusterFixture cluster)
    {
        await Gate.WaitAsync();
        try
        {
            if (address is not null && (started is null || !started.HasExited))
            {
                return address;
            }

            Assert.True(File.Exists(Path.Combine(WebRoot, "index.html")), $"The console is not built ({WebRoot}): run scripts/build-web.sh (./test does).");
            if (await ServesConsoleAsync(cluster.ApiA.BaseAddress))
            {
                return address = cluster.ApiA.BaseAddress;
            }

            var settings = new Dictionary<string, string>(cluster.Settings) { ["ASPNETCORE_WEBROOT"] = WebRoot };
            started = await ServiceProcess.StartAsync("Api", settings, "api-console", readyPath: "/readyz");
            AppDomain.CurrentDomain.ProcessExit += (_, _) => started?.Kill();
            Assert.True(await ServesConsoleAsync(started.BaseAddress), "The console node does not serve the console's page.");
            return address = started.BaseAddress;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<bool> ServesConsoleAsync(Uri node)
    {
        using var http = new HttpClient { BaseAddress = node, Timeout = TimeSpan.FromSeconds(5) };
        var response = await http.GetAsync("/chats");
        return response.IsSuccessStatusCode && response.Content.Headers.ContentType?.MediaType == "text/html";
    }
}
