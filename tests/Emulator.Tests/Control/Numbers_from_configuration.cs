using System.Net;
using Microsoft.Extensions.Options;
using Switchboard.Emulator.Tests.Infrastructure;

namespace Switchboard.Emulator.Tests.Control;

/// <summary>An emulator whose numbers come from configuration, as in the demo.</summary>
public sealed class ConfiguredEmulatorFactory : IAsyncLifetime
{
    public EmulatorFactory Factory { get; } = new();

    public Task InitializeAsync()
    {
        Factory.Settings["Emulator:Numbers:0:PhoneNumberId"] = "106540352242922";
        Factory.Settings["Emulator:Numbers:0:WabaId"] = "102290129340398";
        Factory.Settings["Emulator:Numbers:0:DisplayPhoneNumber"] = "+1 555-078-3881";
        Factory.Settings["Emulator:Numbers:0:AccessToken"] = "demo-token";
        Factory.Settings["Emulator:Numbers:0:AppSecret"] = "demo-secret";
        Factory.Settings["Emulator:Numbers:0:WebhookUrl"] = "http://127.0.0.1:9/webhooks/whatsapp";
        Factory.Settings["Emulator:Numbers:0:ThroughputPerSecond"] = "1000";
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

public sealed class Numbers_from_configuration(ConfiguredEmulatorFactory configured) : IClassFixture<ConfiguredEmulatorFactory>
{
    [Fact]
    public async Task Are_registered_at_start()
    {
        using var http = new HttpClient { BaseAddress = configured.Factory.BaseAddress };

        var number = await new EmulatorClient(http).GetArrayAsync("/_emulator/numbers");

        var only = Assert.Single(number);
        Assert.Equal("106540352242922", only!["phoneNumberId"]!.GetValue<string>());
        Assert.Equal(1000, only["throughputPerSecond"]!.GetValue<int>());
    }

    [Fact]
    public async Task Come_back_after_a_reset()
    {
        using var http = new HttpClient { BaseAddress = configured.Factory.BaseAddress };

        using var _ = await http.PostAsync("/_emulator/reset", null);
        using var response = await http.GetAsync("/_emulator/numbers/106540352242922");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task That_are_invalid_stop_the_emulator_from_starting()
    {
        await using var broken = new EmulatorFactory();
        broken.Settings["Emulator:Numbers:0:PhoneNumberId"] = "not-digits";

        var failure = Assert.ThrowsAny<Exception>(() => broken.StartServer());

        Assert.Contains(Unwrap(failure), e => e is OptionsValidationException);
    }

    private static IEnumerable<Exception> Unwrap(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Unwrap))
                {
                    yield return inner;
                }
            }
        }
    }
}
