using System.Net.Http.Json;
using System.Text.Json;

namespace Switchboard.EndToEnd.Tests.Infrastructure;

/// <summary>The emulator's control API (src/Emulator/README.md): customers' phones and what "Meta" received.</summary>
public sealed class EmulatorControl(HttpClient http, string phoneNumberId)
{
    public string PhoneNumberId => phoneNumberId;

    /// <summary>
    /// A customer sends a text; returns its wamid once the product acknowledged the webhook — or,
    /// with <paramref name="waitForAcknowledgement"/> false, as soon as the emulator queued it.
    /// </summary>
    public async Task<string> CustomerSendsTextAsync(string waId, string text, string name = "Customer", DateTimeOffset? sentAt = null, bool waitForAcknowledgement = true)
    {
        var response = await http.PostAsJsonAsync($"/_emulator/customers/{waId}/messages?wait={(waitForAcknowledgement ? "true" : "false")}", new
        {
            phoneNumberId,
            name,
            type = "text",
            text = new { body = text },
            timestamp = sentAt?.ToUnixTimeSeconds(),
        });
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(response.IsSuccessStatusCode, $"The emulator refused the customer's message: {body}");
        Assert.Equal(waitForAcknowledgement ? "acknowledged" : "queued", body.GetProperty("delivery").GetString());
        return body.GetProperty("id").GetString()!;
    }

    /// <summary>What the number sent, oldest first, with each message's current status.</summary>
    public async Task<IReadOnlyList<JsonElement>> OutboxAsync(string? to = null)
    {
        var all = await http.GetFromJsonAsync<JsonElement[]>($"/_emulator/numbers/{phoneNumberId}/outbox" + (to is null ? "" : $"?to={to}"));
        return all!;
    }

    /// <summary>Every webhook the emulator sent for the number, with its exact body and signature.</summary>
    public async Task<IReadOnlyList<JsonElement>> WebhooksAsync(string kind)
    {
        var all = await http.GetFromJsonAsync<JsonElement[]>($"/_emulator/numbers/{phoneNumberId}/webhooks?kind={kind}");
        return all!;
    }

    public async Task SetFaultsAsync(object faults) =>
        (await http.PostAsJsonAsync($"/_emulator/numbers/{phoneNumberId}/faults", faults)).EnsureSuccessStatusCode();

    public async Task ClearFaultsAsync() =>
        (await http.DeleteAsync($"/_emulator/numbers/{phoneNumberId}/faults")).EnsureSuccessStatusCode();
}
