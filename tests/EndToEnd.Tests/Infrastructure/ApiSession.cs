using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Switchboard.EndToEnd.Tests.Infrastructure;

/// <summary>A signed-in agent's HTTP session with one Api node (its own cookie jar).</summary>
public sealed class ApiSession : IDisposable
{
    private readonly CookieContainer cookies = new();

    public ApiSession(Uri node)
    {
        Node = node;
        Http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = node, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri Node { get; }

    public HttpClient Http { get; }

    /// <summary>The session cookie as a Cookie header value, for the SignalR agent.</summary>
    public string CookieHeader => cookies.GetCookieHeader(Node);

    public static async Task<ApiSession> SignInAsync(Uri node, string email, string password)
    {
        var session = new ApiSession(node);
        var response = await session.Http.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        Assert.True(response.IsSuccessStatusCode, $"Sign-in of {email} at {node} failed: {await response.Content.ReadAsStringAsync()}");
        return session;
    }

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        var response = await Http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> PostJsonAsync(string path, object body)
    {
        var response = await Http.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public void Dispose() => Http.Dispose();
}
