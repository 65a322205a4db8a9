using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Switchboard.Channels.WhatsApp.Tests.Emulator;

/// <summary>The emulator's control API (/_emulator, camelCase JSON) as the tests use it.</summary>
public sealed class EmulatorControl(HttpClient http) : IDisposable
{
    private static readonly JsonSerializerOptions Camel = new(JsonSerializerDefaults.Web);

    public async Task RegisterNumberAsync(TestNumber number, Uri webhookUrl, object? settings)
    {
        var body = new JsonObject
        {
            ["phoneNumberId"] = number.PhoneNumberId,
            ["wabaId"] = number.WabaId,
            ["displayPhoneNumber"] = number.DisplayPhoneNumber,
            ["accessToken"] = number.AccessToken,
            ["appSecret"] = number.AppSecret,
            ["webhookUrl"] = webhookUrl.ToString(),
            ["templateApprovalDelayMs"] = 0,
        };
        if (settings is not null)
        {
            foreach (var (key, value) in JsonSerializer.SerializeToNode(settings, Camel)!.AsObject())
            {
                body[key] = value?.DeepClone();
            }
        }

        await PostAsync("/_emulator/numbers", body);
    }

    /// <summary>The customer writes to the number; waits until the webhook was acknowledged. Returns the inbound wamid.</summary>
    public async Task<string> CustomerSendsAsync(TestNumber number, string waId, JsonObject message)
    {
        message["phoneNumberId"] = number.PhoneNumberId;
        var answer = await PostAsync($"/_emulator/customers/{waId}/messages?wait=true", message);
        return answer["id"]!.GetValue<string>();
    }

    /// <summary>A text from the customer: opens the 24-hour window.</summary>
    public Task<string> CustomerWritesAsync(TestNumber number, string waId, string text = "Hello") =>
        CustomerSendsAsync(number, waId, new JsonObject { ["type"] = "text", ["text"] = new JsonObject { ["body"] = text } });

    public async Task<JsonArray> OutboxAsync(TestNumber number) =>
        (await GetAsync($"/_emulator/numbers/{number.PhoneNumberId}/outbox")).AsArray();

    /// <summary>
    /// Graph requests the emulator received for an object id (a number, a media id, a WABA), oldest first.
    /// The emulator logs a request just after answering it, so this waits until <paramref name="atLeast"/> are there.
    /// </summary>
    public async Task<IReadOnlyList<JsonObject>> RequestsAsync(string objectId, string? method = null, string? path = null, int atLeast = 0)
    {
        var query = $"/_emulator/requests?phoneNumberId={Uri.EscapeDataString(objectId)}";
        query += method is null ? "" : $"&method={method}";
        query += path is null ? "" : $"&path={Uri.EscapeDataString(path)}";
        return await Eventually.ValueAsync<IReadOnlyList<JsonObject>>(
            async () => (await GetAsync(query)).AsArray().OfType<JsonObject>().ToList() is { } requests && requests.Count >= atLeast ? requests : null,
            $"{atLeast} {method} {path} request(s) for {objectId} in the emulator's log");
    }

    /// <summary>The body of the number's only (or <paramref name="count"/>-th) message request, parsed.</summary>
    public async Task<JsonNode> LastMessageRequestAsync(TestNumber number, int count = 1)
    {
        var requests = await RequestsAsync(number.PhoneNumberId, "POST", "/messages", count);
        return JsonNode.Parse(requests[count - 1]["body"]!.GetValue<string>())!;
    }

    public Task SetFaultsAsync(TestNumber number, object faults) =>
        PostAsync($"/_emulator/numbers/{number.PhoneNumberId}/faults", JsonSerializer.SerializeToNode(faults, Camel)!);

    public async Task ClearFaultsAsync(TestNumber number) =>
        (await http.DeleteAsync($"/_emulator/numbers/{number.PhoneNumberId}/faults")).EnsureSuccessStatusCode();

    /// <summary>Seeds an APPROVED template (Meta's creation shape) without review.</summary>
    public Task SeedTemplateAsync(TestNumber number, JsonObject template)
    {
        template["wabaId"] = number.WabaId;
        return PostAsync("/_emulator/templates", template);
    }

    public void Dispose() => http.Dispose();

    private async Task<JsonNode> PostAsync(string path, JsonNode body)
    {
        using var response = await http.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {path} answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text.Length == 0 ? "{}" : text)!;
    }

    private async Task<JsonNode> GetAsync(string path)
    {
        using var response = await http.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }
}
