using System.Text.Json;
using Microsoft.Playwright;
using Switchboard.EndToEnd.Tests.ConsoleSupport;
using Switchboard.EndToEnd.Tests.Infrastructure;

namespace Switchboard.EndToEnd.Tests.Console;

/// <summary>
/// A real conversation whose history the browser is served as 10,000 messages (the messages
/// endpoint is answered by the test, page by page, exactly as the Api pages): the timeline is
/// virtualised, and loading older pages never moves what the agent is reading.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class When_a_chat_has_a_long_history(ClusterFixture cluster, ConsoleBrowser browser) : ConsoleTest(cluster, browser), IClassFixture<ConsoleBrowser>
{
    private const int HistorySize = 10_000;

    private Task holdOlderPages = Task.CompletedTask;

    [Fact]
    public async Task Only_the_rows_near_the_viewport_are_in_the_page()
    {
        var (screen, _) = await OpenLongChatAsync();
        var olderPages = 0;
        screen.Page.RequestFinished += (_, request) => olderPages += request.Url.Contains("before=") ? 1 : 0;

        for (var i = 0; i < 30; i++)
        {
            await screen.Timeline.EvaluateAsync("list => list.scrollTop = 0");
            await screen.Page.WaitForTimeoutAsync(50);
        }

        Assert.True(olderPages >= 10, $"only {olderPages} older pages loaded");
        var rows = await screen.Timeline.Locator(".message-row").CountAsync();
        Assert.InRange(rows, 1, 120);
        await Assertions.Expect(screen.Bubble($"History message {HistorySize - 10}")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Loading_older_messages_keeps_the_message_being_read_in_place()
    {
        var (screen, _) = await OpenLongChatAsync();
        const string Reading = "[data-message-id='msg_history_9955']";
        var release = new TaskCompletionSource();
        holdOlderPages = release.Task;
        var loaded = screen.Page.WaitForRequestFinishedAsync(new() { Predicate = r => r.Url.Contains("before=") });

        // The agent scrolls to the top: the older page is asked for (and held back for a moment).
        await screen.Timeline.EvaluateAsync("list => list.scrollTop = 0");
        await screen.Page.WaitForTimeoutAsync(300);
        var before = await screen.Timeline.EvaluateAsync<double>("(list, selector) => list.querySelector(selector).getBoundingClientRect().top", Reading);
        release.SetResult();
        await loaded;
        await Assertions.Expect(screen.Timeline.Locator("[data-message-id='msg_history_9950']")).ToBeAttachedAsync();
        await screen.Page.WaitForTimeoutAsync(300);

        var after = await screen.Timeline.EvaluateAsync<double>("(list, selector) => list.querySelector(selector).getBoundingClientRect().top", Reading);
        Assert.InRange(after - before, -3, 3);
    }

    private async Task<(AgentScreen Screen, string ConversationId)> OpenLongChatAsync()
    {
        var waId = Cluster.NewCustomer();
        await Cluster.Customers.CustomerSendsTextAsync(waId, "Start of a long story", name: "Hana History");
        using var api = await Cluster.SignInAsync(Cluster.ApiA);
        var conversationId = await Cluster.ConversationOfAsync(api, waId);

        var screen = await SignedInAsync();
        await screen.Page.RouteAsync($"**/api/v1/conversations/{conversationId}/messages*", async route =>
        {
            var query = System.Web.HttpUtility.ParseQueryString(new Uri(route.Request.Url).Query);
            if (query["before"] is not null)
            {
                await holdOlderPages;
            }

            var before = long.TryParse(query["before"], out var b) ? b : HistorySize + 1;
            var limit = int.TryParse(query["limit"], out var l) ? l : 50;
            var first = Math.Max(1, before - limit);
            var items = Enumerable.Range((int)first, (int)(before - first)).Select(sequence => History(conversationId, sequence));
            await route.FulfillAsync(new RouteFulfillOptions
            {
                ContentType = "application/json",
                Body = JsonSerializer.Serialize(new { items, hasMore = first > 1 }),
            });
        });
        await screen.OpenChatAsync(conversationId);
        await Assertions.Expect(screen.Bubble($"History message {HistorySize}")).ToBeVisibleAsync();
        return (screen, conversationId);
    }

    /// <summary>Message n of the history: customer and agent take turns, a day per 500 messages, some long.</summary>
    private static object History(string conversationId, long sequence)
    {
        var inbound = sequence % 3 != 0;
        var text = $"History message {sequence}" + (sequence % 7 == 0 ? " — " + string.Concat(Enumerable.Repeat("a longer line that wraps in the bubble ", 4)) : "");
        return new
        {
            id = $"msg_history_{sequence}",
            conversationId,
            sequence,
            direction = inbound ? "inbound" : "outbound",
            type = "text",
            content = new { type = "text", body = text },
            preview = text,
            status = inbound ? "received" : "read",
            author = inbound ? new { kind = "customer", name = (string?)null } : new { kind = "agent", name = (string?)"Admin" },
            createdAt = DateTimeOffset.UtcNow.AddDays(-20).AddMinutes(sequence * 2.88).ToString("O"),
        };
    }
}
