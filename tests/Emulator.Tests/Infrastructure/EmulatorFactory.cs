using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Switchboard.Emulator.Tests.Infrastructure;

/// <summary>
/// The emulator, in process, on a real Kestrel port (the webhook receiver and Chromium need a real socket).
/// Retries are compressed so that a test sees several attempts within a second.
/// </summary>
public sealed class EmulatorFactory : WebApplicationFactory<Program>
{
    private readonly Lazy<Uri> baseAddress;

    public EmulatorFactory()
    {
        // Listen is Kestrel's own choice of port; UseKestrel(0) rewrites the addresses after the app
        // started its server, which races with Kestrel's bind (dotnet/aspnetcore#67714).
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));

        // StartServer is not safe to race: two first callers would each build a host.
        baseAddress = new Lazy<Uri>(StartAndReadAddress, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Extra configuration, set before the first use.</summary>
    public Dictionary<string, string?> Settings { get; } = new()
    {
        ["Emulator:Webhooks:RetryDelaysMs:0"] = "0",
        ["Emulator:Webhooks:RetryDelaysMs:1"] = "50",
        ["Emulator:Webhooks:RetryDelaysMs:2"] = "100",
        ["Emulator:Webhooks:RetryDelaysMs:3"] = "200",
        ["Emulator:Webhooks:TimeoutMs"] = "5000",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    /// <summary>The emulator's clock; only tests about expiry move it.</summary>
    public ShiftableClock Clock { get; } = new();

    /// <summary>http://127.0.0.1:{port}/</summary>
    public Uri BaseAddress => baseAddress.Value;

    private Uri StartAndReadAddress()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal) + "/");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}
