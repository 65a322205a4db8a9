using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Switchboard.Channels.WhatsApp.Client;
using Switchboard.Emulator.Hosting;

namespace Switchboard.Channels.WhatsApp.Tests.Emulator;

/// <summary>
/// The emulator (src/Emulator) in process on a real Kestrel port, plus a webhook endpoint standing in
/// for the Api that records every POST byte for byte. Hosted through the emulator's own
/// AddEmulator/UseEmulator, so no Program class (several projects have one) is involved.
/// Each test registers its own numbers with fresh ids, so tests do not see each other's state.
/// </summary>
public sealed class EmulatorHost : IAsyncLifetime
{
    private WebApplication? _emulator;
    private WebApplication? _receiver;
    private ServiceProvider? _services;
    private readonly ConcurrentQueue<ReceivedWebhook> _webhooks = new();

    public Uri BaseUrl { get; private set; } = null!;

    public Uri WebhookUrl { get; private set; } = null!;

    public EmulatorControl Control { get; private set; } = null!;

    public IReadOnlyList<ReceivedWebhook> Webhooks => [.. _webhooks];

    public async Task InitializeAsync()
    {
        _receiver = await StartReceiverAsync();
        WebhookUrl = new Uri(_receiver.Urls.First() + "/webhooks/whatsapp");

        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Emulator:Webhooks:RetryDelaysMs:0"] = "0",
            ["Emulator:Webhooks:RetryDelaysMs:1"] = "50",
            ["Emulator:Webhooks:TimeoutMs"] = "5000",
        });
        builder.Services.AddEmulator(builder.Configuration);
        _emulator = builder.Build();
        _emulator.UseEmulator();
        await _emulator.StartAsync();
        BaseUrl = new Uri(_emulator.Urls.First());

        // The product's registration, as the Api and Silo will call it.
        _services = new ServiceCollection().AddLogging().AddWhatsAppChannel().BuildServiceProvider();
        Control = new EmulatorControl(new HttpClient { BaseAddress = BaseUrl });
    }

    public WhatsAppClient Client => _services!.GetRequiredService<WhatsAppClient>();

    /// <summary>A client with its own options (short timeouts for the unknown-outcome tests).</summary>
    public WhatsAppClient ClientWith(Action<WhatsAppClientOptions> configure) =>
        new ServiceCollection().AddLogging().AddWhatsAppChannel(configure).BuildServiceProvider().GetRequiredService<WhatsAppClient>();

    /// <summary>A client whose requests are also recorded as sent, byte for byte.</summary>
    public (WhatsAppClient Client, RequestRecorder Recorder) RecordingClient()
    {
        var recorder = new RequestRecorder();
        var services = new ServiceCollection().AddLogging().AddWhatsAppChannel();
        services.AddHttpClient<WhatsAppClient>().AddHttpMessageHandler(recorder.CreateHandler);
        return (services.BuildServiceProvider().GetRequiredService<WhatsAppClient>(), recorder);
    }

    /// <summary>Registers a number with fresh ids and secrets; <paramref name="settings"/> adds emulator settings (throughput, window mode…).</summary>
    public async Task<TestNumber> RegisterNumberAsync(object? settings = null)
    {
        var number = new TestNumber(Digits(15), Digits(15), "1555" + Digits(7), "token-" + Guid.NewGuid().ToString("N"), "secret-" + Guid.NewGuid().ToString("N"), BaseUrl);
        await Control.RegisterNumberAsync(number, WebhookUrl, settings);
        return number;
    }

    /// <summary>A customer number nobody else uses, so pair-rate and window state start clean.</summary>
    public static string NewCustomer() => "1650" + Digits(7);

    /// <summary>Waits until the webhook endpoint has received a POST that satisfies the condition.</summary>
    public Task<ReceivedWebhook> WebhookAsync(Func<ReceivedWebhook, bool> condition, string what) =>
        Eventually.ValueAsync(() => Webhooks.FirstOrDefault(condition), what);

    public async Task DisposeAsync()
    {
        Control?.Dispose();
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }

        if (_receiver is not null)
        {
            await _receiver.DisposeAsync();
        }
    }

    private async Task<WebApplication> StartReceiverAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        app.MapPost("/webhooks/whatsapp", async (HttpContext context) =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
            _webhooks.Enqueue(new ReceivedWebhook(buffer.ToArray(), context.Request.Headers["X-Hub-Signature-256"].ToString()));
            return Results.Ok();
        });
        await app.StartAsync();
        return app;
    }

    private static string Digits(int count) =>
        string.Concat(Enumerable.Range(0, count).Select(i => (char)('0' + RandomNumberGenerator.GetInt32(i == 0 ? 1 : 0, 10))));
}

/// <summary>One webhook POST as the product's endpoint would receive it.</summary>
public sealed record ReceivedWebhook(byte[] Body, string Signature)
{
    public string Text => System.Text.Encoding.UTF8.GetString(Body);
}

[CollectionDefinition(Name)]
public sealed class EmulatorCollection : ICollectionFixture<EmulatorHost>
{
    public const string Name = "emulator";
}
