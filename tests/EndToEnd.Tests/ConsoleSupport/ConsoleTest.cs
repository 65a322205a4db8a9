using Switchboard.EndToEnd.Tests.Infrastructure;

namespace Switchboard.EndToEnd.Tests.ConsoleSupport;

/// <summary>
/// Base of the console's browser tests: agents' screens on the cluster, closed after each test,
/// and the test fails if any screen logged a console error or warning or an uncaught error.
/// </summary>
public abstract class ConsoleTest(ClusterFixture cluster, ConsoleBrowser browser) : IAsyncLifetime
{
    private readonly List<AgentScreen> screens = [];

    protected ClusterFixture Cluster => cluster;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        var problems = screens.SelectMany(s => s.Problems).ToList();
        foreach (var screen in screens)
        {
            await screen.DisposeAsync();
        }

        Assert.True(problems.Count == 0, "The console logged problems:\n" + string.Join("\n", problems));
    }

    /// <summary>A browser signed in as the seeded admin (or the given account).</summary>
    protected async Task<AgentScreen> SignedInAsync(string? email = null)
    {
        var screen = await AgentScreen.OpenAsync(browser.Browser, cluster.ApiA.BaseAddress);
        screens.Add(screen);
        await screen.SignInAsync(email ?? cluster.AdminEmail, ClusterFixture.Password);
        return screen;
    }

    /// <summary>A browser that has not signed in.</summary>
    protected async Task<AgentScreen> SignedOutAsync()
    {
        var screen = await AgentScreen.OpenAsync(browser.Browser, cluster.ApiA.BaseAddress);
        screens.Add(screen);
        return screen;
    }
}
