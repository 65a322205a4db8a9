using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Hosting;
using Switchboard.Grains.Hosting;
using Switchboard.Storage.Cluster;

namespace Switchboard.Testing;

/// <summary>
/// A real Orleans silo inside the test process, composed as <c>src/Silo</c> composes itself
/// (<see cref="SiloComposition"/>, membership in PostgreSQL) on loopback ports of its own, for
/// tests of an Api in-process that needs a cluster to talk to.
/// </summary>
public sealed class InProcessSilo : IAsyncDisposable
{
    private readonly IHost host;

    private InProcessSilo(IHost host) => this.host = host;

    public IServiceProvider Services => host.Services;

    /// <param name="settings">The same settings the Api gets (database, Redis, <c>Orleans:ClusterId</c>).</param>
    public static async Task<InProcessSilo> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddGrainServices(builder.Configuration);
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(builder.Configuration.GetSection("Orleans"));
            silo.ConfigureEndpoints(System.Net.IPAddress.Loopback, FreePort.Next(), FreePort.Next());
            silo.UseClusterMembership();
            silo.AddGrainRuntime();
        });
        var host = builder.Build();
        await host.StartAsync();
        return new InProcessSilo(host);
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
