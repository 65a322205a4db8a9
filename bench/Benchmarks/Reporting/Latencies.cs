namespace Switchboard.Benchmarks.Reporting;

/// <summary>
/// Latency samples in milliseconds and their percentiles. Every sample is kept and sorted
/// (nearest-rank): at the sizes here (tens of thousands) that is exact and cheap, unlike a
/// bucketed histogram whose rounding would blur a 3 ms p50.
/// </summary>
public sealed class Latencies
{
    private readonly List<double> samples = [];
    private double[]? sorted;

    public Latencies()
    {
    }

    public Latencies(IEnumerable<double> samples) => this.samples.AddRange(samples);

    public int Count => samples.Count;

    public void Add(double milliseconds)
    {
        samples.Add(milliseconds);
        sorted = null;
    }

    public void AddRange(IEnumerable<double> milliseconds)
    {
        samples.AddRange(milliseconds);
        sorted = null;
    }

    /// <summary>Nearest-rank percentile, <paramref name="percent"/> in 0–100; NaN when there are no samples.</summary>
    public double Percentile(double percent)
    {
        if (samples.Count == 0)
        {
            return double.NaN;
        }

        sorted ??= [.. samples.Order()];
        var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public double P50 => Percentile(50);

    public double P99 => Percentile(99);

    public double Max => Percentile(100);

    public override string ToString() => $"p50 {Format.Ms(P50)} · p99 {Format.Ms(P99)} · max {Format.Ms(Max)} (n={Count})";
}
