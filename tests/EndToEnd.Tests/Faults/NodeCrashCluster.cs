using Switchboard.EndToEnd.Tests.Infrastructure;

namespace Switchboard.EndToEnd.Tests.Faults;

/// <summary>
/// The run topology of its own, whose nodes its tests kill (the shared cluster stays warm). A
/// short work lease, so a dead silo's claims pass to another within seconds, not a minute.
/// </summary>
public sealed class NodeCrashCluster : ClusterFixture
{
    public static readonly TimeSpan WorkLease = TimeSpan.FromSeconds(5);

    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings() =>
        [new("Runtime:Work:Lease", WorkLease.ToString("c", System.Globalization.CultureInfo.InvariantCulture))];
}
