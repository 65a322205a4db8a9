using System.Collections.Concurrent;
using Microsoft.Playwright;
using Switchboard.Testing;

namespace Switchboard.EndToEnd.Tests.ConsoleSupport;

/// <summary>
/// One agent's browser (its own context, so its own cookie) on a 1280×720 laptop screen. Every
/// console error or warning and every uncaught page error is kept: a test fails on any of them.
/// </summary>
public sealed class AgentScreen : IAsyncDisposable
{
    private readonly IBrowserContext context;
    private readonly ConcurrentQueue<string> problems = new();
    private volatile bool outage;

    private AgentScreen(IBrowserContext context, IPage page, Uri console)
    {
        this.context = context;
        Page = page;
        Console = console;
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning" && !(outage && IsConnectionFailure(message.Text)))
            {
                problems.Enqueue($"console {message.Type}: {message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => problems.Enqueue($"page error: {error}");
    }

    public IPage Page { get; }

    public Uri Console { get; }

    public IReadOnlyCollection<string> Problems => problems.ToArray();

    /// <summary>
    /// While the server is deliberately down, the browser's own reports of refused connections
    /// are expected and not held against the console; anything else still is.
    /// </summary>
    public async Task DuringAnOutageAsync(Func<Task> outage)
    {
        this.outage = true;
        try
        {
            await outage();
        }
        finally
        {
            this.outage = false;
        }
    }

    public static async Task<AgentScreen> OpenAsync(IBrowser browser, Uri console)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = console.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 720 },
            Locale = "en-GB",
            TimezoneId = "UTC",
        });
        context.SetDefaultTimeout(15_000);
        Assertions.SetDefaultExpectTimeout(15_000);
        return new AgentScreen(context, await context.NewPageAsync(), console);
    }

    /// <summary>Signs in through the sign-in page and waits for the inbox.</summary>
    public async Task SignInAsync(string email, string password)
    {
        await Page.GotoAsync("/");
        await Page.GetByLabel("Email").FillAsync(email);
        await Page.GetByLabel("Password").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.List, new() { Name = "Conversations" })).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Live" })).ToBeVisibleAsync();
    }

    /// <summary>The chat list's row of a customer (found by number, which the row shows).</summary>
    public ILocator ChatRow(string waId) =>
        Page.GetByRole(AriaRole.List, new() { Name = "Conversations" }).Locator("li.chat-row").Filter(new() { HasText = $"+{waId}" });

    public ILocator Timeline => Page.GetByRole(AriaRole.Log, new() { Name = "Messages" });

    public ILocator Bubble(string text) => Timeline.Locator(".message-row").Filter(new() { HasText = text });

    public ILocator Composer => Page.Locator(".composer");

    public ILocator Panel => Page.GetByRole(AriaRole.Complementary, new() { Name = "Details" });

    /// <summary>Opens a chat by URL, as a bookmark or a reload would.</summary>
    public async Task OpenChatAsync(string conversationId)
    {
        await Page.GotoAsync($"/chats/{Uri.EscapeDataString(conversationId)}");
        await Assertions.Expect(Timeline).ToBeVisibleAsync();
    }

    /// <summary>Saves a screenshot under artifacts/screenshots/.</summary>
    public async Task ScreenshotAsync(string name)
    {
        var directory = Path.Combine(TestEnvironment.RepositoryRoot, "artifacts", "screenshots");
        Directory.CreateDirectory(directory);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, $"{name}.png") });
    }

    public async ValueTask DisposeAsync() => await context.CloseAsync();

    /// <summary>Chromium's own network errors (refused, reset, empty response) and failed WebSocket handshakes.</summary>
    private static bool IsConnectionFailure(string text) =>
        text.Contains("net::ERR_", StringComparison.Ordinal)
        || (text.StartsWith("WebSocket connection to", StringComparison.Ordinal) && text.Contains("failed", StringComparison.Ordinal));
}
