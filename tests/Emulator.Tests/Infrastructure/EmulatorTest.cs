using System.Text.Json.Nodes;

namespace Switchboard.Emulator.Tests.Infrastructure;

/// <summary>
/// Base of the emulator's tests: one emulator per test class (on its own Kestrel port), and per test a
/// fresh webhook receiver and a freshly registered number, so tests never share state.
/// </summary>
public abstract class EmulatorTest(EmulatorFactory factory) : IClassFixture<EmulatorFactory>, IAsyncLifetime
{
    private HttpClient? _http;

    protected EmulatorFactory Factory { get; } = factory;
    protected EmulatorClient Emulator { get; private set; } = null!;
    protected WebhookReceiver Receiver { get; private set; } = null!;
    protected TestNumber Number { get; private set; } = null!;

    /// <summary>Registration options for <see cref="Number"/> (e.g. <c>throughputPerSecond</c>).</summary>
    protected virtual JsonObject? NumberOptions => null;

    public async Task InitializeAsync()
    {
        _http = new HttpClient { BaseAddress = Factory.BaseAddress };
        Emulator = new EmulatorClient(_http);
        Receiver = await WebhookReceiver.StartAsync();
        Number = await Emulator.RegisterAsync(TestNumber.Create(), Receiver.Url, NumberOptions);
    }

    public async Task DisposeAsync()
    {
        await Receiver.DisposeAsync();
        _http?.Dispose();
    }

    /// <summary>A customer with an open window: they wrote to <see cref="Number"/> just now.</summary>
    protected async Task<string> CustomerWithOpenWindowAsync()
    {
        var waId = TestIds.WaId();
        await Emulator.CustomerWritesAsync(Number, waId, "Hello");
        return waId;
    }
}
