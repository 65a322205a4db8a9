using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Api.Tests.Infrastructure;

namespace Switchboard.Api.Tests.Conversations;

public sealed class When_another_tenant_asks_for_a_conversation(ApiFactory api) : IClassFixture<ApiFactory>
{
    public static TheoryData<string, string> Requests() => new()
    {
        { "GET", "" },
        { "GET", "/messages" },
        { "POST", "/messages" },
        { "POST", "/assign" },
        { "POST", "/participants" },
        { "DELETE", "/participants/ag_someone" },
        { "POST", "/leave" },
        { "POST", "/status" },
        { "POST", "/labels" },
        { "POST", "/notes" },
        { "POST", "/read" },
        { "POST", "/bot/exit" },
        { "GET", "/scheduled-messages" },
        { "POST", "/scheduled-messages" },
        { "DELETE", "/scheduled-messages/msg_x" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Another_tenants_conversation_id_answers_404_and_changes_nothing(string method, string path)
    {
        var owner = await api.CustomerWroteAsync();
        var intruder = await api.CreateTenantAsync();
        var before = (await owner.TimelineAsync()).GetRawText();
        var sequenceBefore = (await owner.ConversationAsync()).GetProperty("sequence").GetInt64();

        using var request = new HttpRequestMessage(new HttpMethod(method), $"/api/v1/conversations/{owner.ConversationId}{path}");
        if (method == "POST")
        {
            request.Content = JsonContent.Create(new { type = "text", text = "hijack", agentId = (string?)null, status = "resolved", labels = Array.Empty<string>(), sendAt = DateTimeOffset.UtcNow.AddHours(1) });
        }

        var response = await intruder.Admin.SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        Assert.Equal(before, (await owner.TimelineAsync()).GetRawText());
        Assert.Equal(sequenceBefore, (await owner.ConversationAsync()).GetProperty("sequence").GetInt64());
    }

    [Fact]
    public async Task Another_tenants_conversations_never_appear_in_a_list_or_a_search()
    {
        var owner = await api.CustomerWroteAsync(text: "secret words");
        var intruder = await api.CreateTenantAsync();

        var all = await intruder.Admin.GetFromJsonAsync<JsonElement>("/api/v1/conversations?view=all");
        var search = await intruder.Admin.GetFromJsonAsync<JsonElement>("/api/v1/conversations?q=secret");

        Assert.Empty(all.GetProperty("items").EnumerateArray());
        Assert.Empty(search.GetProperty("items").EnumerateArray());
        var ownerSearch = await owner.Tenant.Admin.GetFromJsonAsync<JsonElement>("/api/v1/conversations?q=secret");
        Assert.Single(ownerSearch.GetProperty("items").EnumerateArray());
    }
}
