namespace Switchboard.Benchmarks.Inbound;

/// <summary>A server process whose CPU time a run meters: one the benchmark started, or one <c>./run</c> started.</summary>
public interface IServerProcess
{
    string Name { get; }

    /// <summary>User + system CPU time so far (zero once it has exited).</summary>
    TimeSpan CpuTime { get; }
}
