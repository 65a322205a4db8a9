using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Switchboard.Emulator.Tests.Infrastructure;

/// <summary>One POST the receiver got: the body exactly as received and the signature header.</summary>
public sealed record ReceivedWebhook(byte[] Body, string? Signature, string? ContentType, int AnsweredWith)
{
    public string Text => Encoding.UTF8.GetString(Body);
    public JsonNode Json => JsonNode.Parse(Body)!;

    /// <summary>Every status object in the POST, across all entries and changes.</summary>
    public IEnumerable<JsonObject> Statuses => Changes.SelectMany(c => c["value"]?["statuses"]?.AsArray() ?? []).OfType<JsonObject>();

    /// <summary>Every inbound message object in the POST.</summary>
    public IEnumerable<JsonObject> Messages => Changes.SelectMany(c => c["value"]?["messages"]?.AsArray() ?? []).OfType<JsonObject>();

    public IEnumerable<JsonObject> Changes =>
        (Json["entry"]?.AsArray() ?? []).SelectMany(e => e!["changes"]!.AsArray()).OfType<JsonObject>();
}

/// <summary>
/// A real HTTP endpoint on 127.0.0.1 standing in for the product's webhook endpoint. It records every POST
/// byte for byte and answers with <see cref="Answer"/> (200 unless a test says otherwise).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();

    private WebhookReceiver(WebApplication app) => _app = app;

    /// <summary>Status code for the n-th POST (1-based); 200 by default.</summary>
    public Func<int, int> Answer { get; set; } = _ => 200;

    public Uri Url { get; private set; } = null!;

    public IReadOnlyList<ReceivedWebhook> Received => [.. _received];

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        var count = 0;
        app.MapPost("/webhooks/whatsapp", async (HttpContext context) =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            var status = receiver.Answer(Interlocked.Increment(ref count));
            receiver._received.Enqueue(new ReceivedWebhook(
                buffer.ToArray(), context.Request.Headers["X-Hub-Signature-256"].ToString(), context.Request.ContentType, status));
            return Results.StatusCode(status);
        });
        await app.StartAsync();
        receiver.Url = new Uri(app.Urls.First() + "/webhooks/whatsapp");
        return receiver;
    }

    /// <summary>Waits until a received POST satisfies the condition and returns it.</summary>
    public Task<ReceivedWebhook> WaitForAsync(Func<ReceivedWebhook, bool> condition, string what, TimeSpan? timeout = null) =>
        Eventually.ValueAsync(() => Task.FromResult(Received.FirstOrDefault(condition)), what, timeout);

    /// <summary>Waits for the status objects of a message until the condition over all of them holds.</summary>
    public async Task<IReadOnlyList<JsonObject>> WaitForStatusesAsync(string wamid, Func<IReadOnlyList<JsonObject>, bool> condition, TimeSpan? timeout = null)
    {
        IReadOnlyList<JsonObject> statuses = [];
        await Eventually.UntilAsync(() =>
        {
            statuses = [.. Received.SelectMany(r => r.Statuses).Where(s => s["id"]!.GetValue<string>() == wamid)];
            return Task.FromResult(condition(statuses));
        }, $"statuses of {wamid}", timeout);
        return statuses;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
