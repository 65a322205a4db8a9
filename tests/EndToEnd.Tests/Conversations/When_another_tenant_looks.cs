using System.Net.Http.Json;
using Switchboard.EndToEnd.Tests.Infrastructure;

namespace Switchboard.EndToEnd.Tests.Conversations;

[Collection(ClusterCollection.Name)]
public sealed class When_another_tenant_looks(ClusterFixture cluster)
{
    [Fact]
    public async Task Watching_another_tenants_conversation_on_the_hub_is_refused()
    {
        using var owner = await cluster.SignInAsync(cluster.ApiA);
        var waId = cluster.NewCustomer();
        await cluster.Customers.CustomerSendsTextAsync(waId, "private");
        var conversationId = await cluster.ConversationOfAsync(owner, waId);

        using var operatorHttp = new HttpClient { BaseAddress = cluster.ApiB.BaseAddress };
        operatorHttp.DefaultRequestHeaders.Authorization = new("Bearer", ClusterFixture.OperatorKey);
        var email = $"intruder-{Guid.NewGuid():N}@other.test";
        (await operatorHttp.PostAsJsonAsync("/api/v1/tenants", new { name = "Other", adminEmail = email, adminPassword = ClusterFixture.Password })).EnsureSuccessStatusCode();
        using var intruder = await ApiSession.SignInAsync(cluster.ApiB.BaseAddress, email, ClusterFixture.Password);
        await using var screen = await NodeAgent.ConnectAsync(cluster.ApiB.BaseAddress, intruder.CookieHeader);

        var error = await screen.WatchRefusedAsync(conversationId);

        Assert.Contains("not_found", error);

        // The owner, on the same node, sees the next message; by then the intruder would have too.
        using var ownerOnB = await cluster.SignInAsync(cluster.ApiB);
        await using var ownerScreen = await NodeAgent.ConnectAsync(cluster.ApiB.BaseAddress, ownerOnB.CookieHeader);
        await ownerScreen.WatchAsync(conversationId);
        await cluster.Customers.CustomerSendsTextAsync(waId, "still private");
        await ownerScreen.WaitForEventAsync("messageCreated", p => p.GetProperty("message").GetProperty("preview").GetString() == "still private", TimeSpan.FromSeconds(5));
        await ownerScreen.WaitForEventAsync("conversationUpdated", p => p.GetProperty("conversationId").GetString() == conversationId && p.TryGetProperty("conversation", out _), TimeSpan.FromSeconds(5));
        Assert.DoesNotContain(screen.Events, e => e.Payload.ToString().Contains(conversationId, StringComparison.Ordinal));
    }
}
