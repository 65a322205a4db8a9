using Switchboard.EndToEnd.Tests.Infrastructure;

namespace Switchboard.EndToEnd.Tests.Sessions;

[Collection(ClusterCollection.Name)]
public sealed class When_nodes_share_sessions(ClusterFixture cluster)
{
    [Fact]
    public async Task A_session_cookie_issued_by_node_A_is_honoured_by_node_B()
    {
        using var onA = await cluster.SignInAsync(cluster.ApiA);
        using var toB = new HttpClient { BaseAddress = cluster.ApiB.BaseAddress };
        toB.DefaultRequestHeaders.Add("Cookie", onA.CookieHeader);

        var me = await toB.GetAsync("/api/v1/me");

        Assert.True(me.IsSuccessStatusCode, $"node B answered {(int)me.StatusCode}: {await me.Content.ReadAsStringAsync()}");
        Assert.Contains(cluster.AdminEmail, await me.Content.ReadAsStringAsync());
    }
}
