using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Switchboard.Api.Tests.Infrastructure;
using Switchboard.Testing;

namespace Switchboard.Api.Tests.Webhooks;

/// <summary>
/// Meta keeps no history to fetch again, so a webhook the Api acknowledges must not be lost even
/// when no silo can take it: its exact bytes are kept and applied once the cluster is back.
/// </summary>
public sealed class When_the_cluster_cannot_take_a_webhook(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task It_is_acknowledged_kept_and_applied_when_a_silo_is_back()
    {
        var tenant = await api.CreateTenantAsync();
        var number = ChannelSeeds.NewSecrets();
        await tenant.AddChannelAsync(number);
        var body = ProviderWebhooks.TextMessage(number, "15550007777", "while the silos were away");

        await api.StopSiloAsync();
        HttpResponseMessage answer;
        try
        {
            answer = await ProviderWebhooks.PostAsync(api.Anonymous(), body, ProviderWebhooks.Sign(body, number.AppSecret));
            Assert.Equal(1L, await KeptAsync("15550007777"));
        }
        finally
        {
            await api.StartSiloAsync();
        }

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var conversation = await Eventually.ValueAsync(
            async () => (await tenant.Admin.GetFromJsonAsync<JsonElement>("/api/v1/conversations?q=%2B15550007777")).GetProperty("items").EnumerateArray().FirstOrDefault(),
            found => found.ValueKind == JsonValueKind.Object,
            TimeSpan.FromSeconds(60),
            "the kept webhook's conversation");
        Assert.Equal("while the silos were away", conversation.GetProperty("lastMessage").GetProperty("preview").GetString());
        await Eventually.TrueAsync(async () => await KeptAsync("15550007777") == 0, what: "the kept webhook to be marked applied");
    }

    /// <summary>Webhooks about this customer kept and not yet applied.</summary>
    private async Task<long> KeptAsync(string waId)
    {
        await using var connection = await api.Database.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>(
            "select count(*) from webhook_inbox where processed_at is null and payload like '%' || @waId || '%'", new { waId });
    }
}
