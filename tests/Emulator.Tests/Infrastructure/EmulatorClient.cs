using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Switchboard.Emulator.Tests.Infrastructure;

/// <summary>Talks to the emulator the way the product (Graph API) and the tests (control API) do.</summary>
public sealed class EmulatorClient(HttpClient http)
{
    public const string Version = "v23.0";

    public HttpClient Http => http;

    public async Task<TestNumber> RegisterAsync(TestNumber number, Uri webhookUrl, JsonObject? options = null)
    {
        var body = new JsonObject
        {
            ["phoneNumberId"] = number.PhoneNumberId,
            ["wabaId"] = number.WabaId,
            ["displayPhoneNumber"] = number.DisplayPhoneNumber,
            ["accessToken"] = number.AccessToken,
            ["appSecret"] = number.AppSecret,
            ["webhookUrl"] = webhookUrl.ToString(),
        };
        foreach (var (key, value) in options ?? [])
        {
            body[key] = value?.DeepClone();
        }
        using var response = await http.PostAsJsonAsync("/_emulator/numbers", body);
        response.EnsureSuccessStatusCode();
        return number;
    }

    /// <summary>POST /{version}/{path} with the number's token (or <paramref name="token"/>; "" sends none).</summary>
    public async Task<GraphResponse> GraphPostAsync(string path, JsonNode body, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/{Version}/{path}")
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        return await GraphSendAsync(request, token);
    }

    public async Task<GraphResponse> GraphAsync(HttpMethod method, string path, string? token)
    {
        using var request = new HttpRequestMessage(method, $"/{Version}/{path}");
        return await GraphSendAsync(request, token);
    }

    public async Task<GraphResponse> GraphSendAsync(HttpRequestMessage request, string? token)
    {
        if (!string.IsNullOrEmpty(token))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        using var response = await http.SendAsync(request);
        return await GraphResponse.ReadAsync(response);
    }

    public Task<GraphResponse> SendAsync(TestNumber number, JsonObject message, string? token = null)
    {
        message["messaging_product"] ??= "whatsapp";
        return GraphPostAsync($"{number.PhoneNumberId}/messages", message, token ?? number.AccessToken);
    }

    public Task<GraphResponse> SendTextAsync(TestNumber number, string to, string text) =>
        SendAsync(number, new JsonObject { ["to"] = to, ["type"] = "text", ["text"] = new JsonObject { ["body"] = text } });

    /// <summary>The customer sends a message; waits until the webhook was acknowledged; returns the answer.</summary>
    public async Task<JsonObject> CustomerSendsAsync(TestNumber number, string waId, JsonObject message, bool wait = true)
    {
        message["phoneNumberId"] = number.PhoneNumberId;
        using var response = await http.PostAsJsonAsync($"/_emulator/customers/{waId}/messages?wait={(wait ? "true" : "false")}", message);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>The customer writes a text; answers its wamid.</summary>
    public async Task<string> CustomerWritesAsync(TestNumber number, string waId, string text, long? timestamp = null)
    {
        var message = new JsonObject { ["type"] = "text", ["text"] = new JsonObject { ["body"] = text } };
        if (timestamp is { } at)
        {
            message["timestamp"] = at;
        }
        var answer = await CustomerSendsAsync(number, waId, message);
        return answer["id"]!.GetValue<string>();
    }

    public async Task<JsonArray> GetArrayAsync(string path) =>
        JsonNode.Parse(await http.GetStringAsync(path))!.AsArray();

    public async Task<JsonObject> OutboxEntryAsync(TestNumber number, string wamid) =>
        (await GetArrayAsync($"/_emulator/numbers/{number.PhoneNumberId}/outbox")).Single(m => m!["id"]!.GetValue<string>() == wamid)!.AsObject();

    public async Task SetFaultsAsync(TestNumber number, JsonObject faults)
    {
        using var response = await http.PostAsJsonAsync($"/_emulator/numbers/{number.PhoneNumberId}/faults", faults);
        response.EnsureSuccessStatusCode();
    }

    public async Task SetCustomerAsync(string waId, JsonObject settings)
    {
        using var response = await http.PostAsJsonAsync($"/_emulator/customers/{waId}/settings", settings);
        response.EnsureSuccessStatusCode();
    }

    public static MediaTypeHeaderValue Json => new("application/json");
}
