using System.Net;
using Switchboard.EndToEnd.Tests.Infrastructure;
using Switchboard.Testing;

namespace Switchboard.EndToEnd.Tests.Conversations;

[Collection(ClusterCollection.Name)]
public sealed class When_the_window_has_closed(ClusterFixture cluster)
{
    [Fact]
    public async Task The_window_closes_on_time_free_form_is_refused_and_a_template_goes_out()
    {
        using var agent = await cluster.SignInAsync(cluster.ApiA);
        await using var screen = await NodeAgent.ConnectAsync(cluster.ApiA.BaseAddress, agent.CookieHeader);
        var waId = cluster.NewCustomer();

        // The customer wrote 24 hours ago less three seconds (by the emulator's timestamp): the window
        // is open for three more seconds, and its close reminder fires by the database clock.
        await cluster.Customers.CustomerSendsTextAsync(waId, "Are you open tomorrow?", sentAt: DateTimeOffset.UtcNow.AddHours(-24).AddSeconds(3));
        var conversationId = await cluster.ConversationOfAsync(agent, waId);
        await screen.WatchAsync(conversationId);
        await screen.WaitForEventAsync("windowChanged", p => !p.GetProperty("window").GetProperty("open").GetBoolean(), TimeSpan.FromSeconds(15));

        // And a message 25 hours old does not reopen it.
        await cluster.Customers.CustomerSendsTextAsync(waId, "(an old message, delivered late)", sentAt: DateTimeOffset.UtcNow.AddHours(-25));
        var freeForm = await agent.PostJsonAsync($"/api/v1/conversations/{conversationId}/messages", new { type = "text", text = "Yes, from 9am" });
        Assert.Equal(HttpStatusCode.Conflict, freeForm.Status);
        Assert.Equal("window_closed", freeForm.Body.GetProperty("type").GetString());

        var template = await agent.PostJsonAsync($"/api/v1/conversations/{conversationId}/messages", new
        {
            type = "template",
            template = new { name = ClusterFixture.TemplateName, language = "en_US", parameters = new[] { "Maria", "A-100" } },
        });
        Assert.Equal(HttpStatusCode.Accepted, template.Status);
        await Eventually.TrueAsync(
            async () => (await cluster.Customers.OutboxAsync(waId)).Any(m => m.GetProperty("type").GetString() == "template"),
            TimeSpan.FromSeconds(10), "the template at the customer's phone");
        Assert.DoesNotContain(await cluster.Customers.OutboxAsync(waId), m => m.GetProperty("type").GetString() == "text");
    }
}
