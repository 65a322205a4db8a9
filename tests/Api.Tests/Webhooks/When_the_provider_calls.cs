using System.Net;
using System.Net.Http.Json;
using Dapper;
using Switchboard.Api.Tests.Infrastructure;

namespace Switchboard.Api.Tests.Webhooks;

public sealed class When_the_provider_calls(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_correctly_signed_webhook_is_acknowledged_and_becomes_a_conversation()
    {
        var tenant = await api.CreateTenantAsync();
        var number = ChannelSeeds.NewSecrets();
        await tenant.AddChannelAsync(number);

        var conversation = await tenant.CustomerWritesAsync(number, "15550001111", "Hi there");

        Assert.Equal("+15550001111", conversation.GetProperty("contact").GetProperty("phoneNumber").GetString());
        Assert.Equal("Customer", conversation.GetProperty("contact").GetProperty("name").GetString());
        Assert.True(conversation.GetProperty("window").GetProperty("open").GetBoolean());
    }

    [Fact]
    public async Task A_webhook_signed_with_the_wrong_secret_is_refused_with_401_and_changes_nothing()
    {
        var tenant = await api.CreateTenantAsync();
        var number = ChannelSeeds.NewSecrets();
        await tenant.AddChannelAsync(number);
        var body = ProviderWebhooks.TextMessage(number, "15550002222", "forged");

        var response = await ProviderWebhooks.PostAsync(api.Anonymous(), body, ProviderWebhooks.Sign(body, "not-the-app-secret"));

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_signature");
        Assert.Equal(0, await TracesOfAsync("15550002222"));
    }

    [Fact]
    public async Task A_webhook_without_a_signature_is_refused_with_401_and_changes_nothing()
    {
        var tenant = await api.CreateTenantAsync();
        var number = ChannelSeeds.NewSecrets();
        await tenant.AddChannelAsync(number);

        var response = await ProviderWebhooks.PostAsync(api.Anonymous(), ProviderWebhooks.TextMessage(number, "15550003333", "unsigned"), null);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_signature");
        Assert.Equal(0, await TracesOfAsync("15550003333"));
    }

    [Fact]
    public async Task A_body_altered_after_signing_is_refused()
    {
        var tenant = await api.CreateTenantAsync();
        var number = ChannelSeeds.NewSecrets();
        await tenant.AddChannelAsync(number);
        var body = ProviderWebhooks.TextMessage(number, "15550004444", "original");

        var response = await ProviderWebhooks.PostAsync(api.Anonymous(), body.Replace("original", "tampered", StringComparison.Ordinal), ProviderWebhooks.Sign(body, number.AppSecret));

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_signature");
        Assert.Equal(0, await TracesOfAsync("15550004444"));
    }

    [Fact]
    public async Task A_webhook_for_a_number_no_tenant_has_is_refused_as_unknown_number()
    {
        var stranger = ChannelSeeds.NewSecrets();
        var body = ProviderWebhooks.TextMessage(stranger, "15550005555", "anyone?");

        var response = await ProviderWebhooks.PostAsync(api.Anonymous(), body, ProviderWebhooks.Sign(body, stranger.AppSecret));

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "unknown_number");
        Assert.Equal(0, await TracesOfAsync("15550005555"));
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_refused_with_a_validation_problem()
    {
        var response = await ProviderWebhooks.PostAsync(api.Anonymous(), "{not json", "sha256=00");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
    }

    [Fact]
    public async Task The_verification_handshake_echoes_the_challenge_for_a_known_verify_token()
    {
        var tenant = await api.CreateTenantAsync();
        var number = ChannelSeeds.NewSecrets();
        await tenant.AddChannelAsync(number);

        var answer = await api.Anonymous().GetAsync($"/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token={number.VerifyToken}&hub.challenge=1158201444");

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("1158201444", await answer.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_verification_handshake_with_an_unknown_token_is_refused()
    {
        var answer = await api.Anonymous().GetAsync("/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=42");

        await answer.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task The_same_webhook_posted_three_times_records_the_message_once()
    {
        var tenant = await api.CreateTenantAsync();
        var number = ChannelSeeds.NewSecrets();
        await tenant.AddChannelAsync(number);
        var body = ProviderWebhooks.TextMessage(number, "15550006666", "just once", wamid: "wamid.ONCE-" + Guid.NewGuid().ToString("N"));

        var answers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => ProviderWebhooks.PostAsync(api.Anonymous(), body, ProviderWebhooks.Sign(body, number.AppSecret))));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var conversation = await tenant.CustomerWritesAsync(number, "15550006666", "a later message");
        var timeline = await tenant.Admin.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/conversations/{conversation.GetProperty("id").GetString()}/messages");
        Assert.Single(timeline.GetProperty("items").EnumerateArray(), m => m.GetProperty("preview").GetString() == "just once");
    }

    /// <summary>Anything a webhook about this customer left: a conversation, or a webhook kept for later.</summary>
    private async Task<long> TracesOfAsync(string waId)
    {
        await using var connection = await api.Database.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>(
            """
            select (select count(*) from conversation_grains where grain_key like '%/' || @waId)
                 + (select count(*) from webhook_inbox where payload like '%' || @waId || '%')
            """, new { waId });
    }
}
