using Switchboard.EndToEnd.Tests.Infrastructure;

namespace Switchboard.EndToEnd.Tests.Faults;

/// <summary>The run topology of its own, whose nodes its tests kill (the shared cluster stays warm).</summary>
public sealed class NodeCrashCluster : ClusterFixture;
