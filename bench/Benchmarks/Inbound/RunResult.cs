using Switchboard.Benchmarks.Reporting;

namespace Switchboard.Benchmarks.Inbound;

/// <summary>One fixed-rate run against one system.</summary>
public sealed record RunResult(
    string System,
    double Rate,
    int Sent,
    int Accepted,
    int Errors,
    string? FirstError,
    int Received,
    int Repeats,
    int Snapshots,
    Latencies Latencies,
    double GeneratorLagP99Ms,
    double ServerCpuMsPerMessage,
    double PostgresCpuMsPerMessage,
    string ServerCpuBreakdown,
    string? Stages)
{
    public int Lost => Accepted - Received;

    /// <summary>
    /// Kept up with the rate: every message answered 200 and reached the screen, the generator
    /// kept its schedule, and p99 stayed under the limit (a growing backlog shows up as seconds).
    /// </summary>
    public bool Sustained(double p99LimitMs) =>
        Errors == 0 && Lost == 0 && GeneratorLagP99Ms < 100 && Latencies.P99 <= p99LimitMs;

    public override string ToString() =>
        $"{System} @ {Rate:0}/s: {Latencies}; sent {Sent}, errors {Errors}, lost {Lost}, repeats {Repeats}, "
        + $"generator lag p99 {Format.Ms(GeneratorLagP99Ms)}, CPU/msg: servers {ServerCpuMsPerMessage:0.00} ms ({ServerCpuBreakdown}), PostgreSQL {PostgresCpuMsPerMessage:0.00} ms"
        + (Stages is null ? "" : $"; stages: {Stages}")
        + (FirstError is null ? "" : $", first error: {FirstError}");
}
