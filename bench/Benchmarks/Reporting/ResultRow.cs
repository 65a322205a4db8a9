namespace Switchboard.Benchmarks.Reporting;

public enum Verdict
{
    /// <summary>A figure without a target (context for the others).</summary>
    Info,
    Meets,
    Misses,
}

/// <summary>One line of the results table: a product figure next to its yardstick, the ratio and the target.</summary>
public sealed record ResultRow(
    string Benchmark,
    string Case,
    string Metric,
    string Product,
    string Yardstick,
    string Ratio,
    string Target,
    Verdict Verdict);
