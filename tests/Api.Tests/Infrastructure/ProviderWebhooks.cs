using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Switchboard.Testing;

namespace Switchboard.Api.Tests.Infrastructure;

/// <summary>Plays Meta: builds webhook envelopes as the Cloud API sends them, signs them, and posts them.</summary>
public static class ProviderWebhooks
{
    public static string TextMessage(ChannelSeeds.ChannelSecrets number, string waId, string text, string? wamid = null, DateTimeOffset? sentAt = null, string name = "Customer") =>
        MetaWebhooks.TextMessage(number.WabaId, number.PhoneNumberId, waId, text, wamid, sentAt, name);

    public static string Sign(string body, string appSecret) => MetaWebhooks.Sign(body, appSecret);

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string body, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/whatsapp") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (signature is not null)
        {
            request.Headers.Add("X-Hub-Signature-256", signature);
        }

        return await client.SendAsync(request);
    }

    /// <summary>A customer writes; answers the conversation once the message is in its timeline.</summary>
    public static async Task<JsonElement> CustomerWritesAsync(this TenantSession tenant, ChannelSeeds.ChannelSecrets number, string waId, string text, DateTimeOffset? sentAt = null)
    {
        var wamid = "wamid." + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
        var body = TextMessage(number, waId, text, wamid, sentAt);
        var response = await PostAsync(tenant.Factory.Anonymous(), body, Sign(body, number.AppSecret));
        response.EnsureSuccessStatusCode();
        return await Eventually.ValueAsync(
            async () =>
            {
                var conversation = (await tenant.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/conversations?q=%2B{waId}")).GetProperty("items").EnumerateArray().FirstOrDefault();
                if (conversation.ValueKind != JsonValueKind.Object)
                {
                    return default;
                }

                var timeline = await tenant.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/conversations/{conversation.GetProperty("id").GetString()}/messages");
                return timeline.GetProperty("items").EnumerateArray().Any(m => m.TryGetProperty("providerMessageId", out var id) && id.GetString() == wamid)
                    ? conversation
                    : default;
            },
            c => c.ValueKind == JsonValueKind.Object,
            TimeSpan.FromSeconds(15),
            "the customer's message in a conversation");
    }
}
