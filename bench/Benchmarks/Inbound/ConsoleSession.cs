using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Switchboard.Benchmarks.Inbound;

/// <summary>An admin signed in to an Api node, as the console is: the session cookie the screen uses, and the conversation list.</summary>
public sealed class ConsoleSession : IDisposable
{
    private readonly CookieContainer cookies = new();
    private readonly HttpClient http;
    private readonly Uri api;

    private ConsoleSession(Uri api)
    {
        this.api = api;
        http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = api, Timeout = TimeSpan.FromSeconds(30) };
    }

    public HttpClient Http => http;

    public string Cookie => cookies.GetCookieHeader(api);

    public static async Task<ConsoleSession> SignInAsync(Uri api, string email, string password)
    {
        var session = new ConsoleSession(api);
        await EnsureAsync(await session.http.PostAsJsonAsync("/api/v1/auth/login", new { email, password }), $"signing in as {email}");
        return session;
    }

    /// <summary>Every conversation of the tenant, paging through the list the console uses.</summary>
    public async Task<IReadOnlyList<string>> ConversationIdsAsync()
    {
        var ids = new List<string>();
        string? cursor = null;
        do
        {
            var page = await http.GetFromJsonAsync<JsonElement>("/api/v1/conversations?limit=100" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            ids.AddRange(page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetString()!));
            cursor = page.TryGetProperty("nextCursor", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
        }
        while (cursor is not null);
        return ids;
    }

    public static async Task EnsureAsync(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{what} failed with {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    public void Dispose() => http.Dispose();
}
