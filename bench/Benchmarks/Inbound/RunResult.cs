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
    double GrowthMs,
    double GeneratorLagP99Ms,
    double ServerCpuMsPerMessage,
    double PostgresCpuMsPerMessage,
    string ServerCpuBreakdown,
    string? Stages)
{
    public int Lost => Accepted - Received;

    /// <summary>
    /// Kept up with the rate: every message answered 200 and reached the screen, the generator
    /// kept its schedule, p99 stayed under the limit, and latency did not climb through the run
    /// (a backlog that grows slowly passes a short probe's p99 but not this).
    /// </summary>
    public bool Sustained(double p99LimitMs) =>
        Errors == 0 && Lost == 0 && GeneratorLagP99Ms < 100 && Latencies.P99 <= p99LimitMs && GrowthMs <= MaxGrowthMs;

    public const double MaxGrowthMs = 50;

    public override string ToString() =>
        $"{System} @ {Rate:0}/s: {Latencies}; sent {Sent}, errors {Errors}, lost {Lost}, repeats {Repeats}, snapshots {Snapshots}, "
        + $"p50 growth {Format.Ms(GrowthMs)}, generator lag p99 {Format.Ms(GeneratorLagP99Ms)}, CPU/msg: servers {ServerCpuMsPerMessage:0.00} ms ({ServerCpuBreakdown}), PostgreSQL {PostgresCpuMsPerMessage:0.00} ms"
        + (Stages is null ? "" : $"; stages: {Stages}")
        + (FirstError is null ? "" : $", first error: {FirstError}");
}
