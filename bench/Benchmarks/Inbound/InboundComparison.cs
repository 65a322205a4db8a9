using Switchboard.Benchmarks.Reporting;

namespace Switchboard.Benchmarks.Inbound;

/// <summary>
/// One yardstick against the product in one or more shapes: each rate runs on the yardstick and
/// then on the product, back to back, so both see the same machine (the yardstick's run at a rate
/// is reused by later shapes); then each side's highest sustained rate is searched, starting from
/// the highest rate it sustained so far.
/// </summary>
public sealed class InboundComparison(BenchOptions options, ResultTable table, FixedRateRun run, InboundSystem yardstick, IReadOnlyList<string> customers)
{
    private const double TargetRate = 1_000;

    private readonly Dictionary<string, double> sustained = [];
    private readonly Dictionary<int, RunResult> yardstickAt = [];
    private double? yardstickMax;

    private TimeSpan Warmup => TimeSpan.FromSeconds(options.Warmup);

    private TimeSpan Duration => TimeSpan.FromSeconds(options.Duration);

    /// <summary>Every rate of the options on the product (and on the yardstick, the first time), a row per figure under <paramref name="label"/>.</summary>
    public async Task RatesAsync(InboundSystem product, string label)
    {
        foreach (var rate in options.Rates)
        {
            if (!yardstickAt.TryGetValue(rate, out var reference))
            {
                reference = yardstickAt[rate] = await MeasureAsync(yardstick, rate);
                Remember(reference);
            }

            var result = await MeasureAsync(product, rate);
            AddRateRows(label, rate, result, reference);
            Remember(result);
        }
    }

    /// <summary>The highest rate the product sustains beside the yardstick's (searched once), unless the options skip the search.</summary>
    public async Task MaxRateAsync(InboundSystem product, string label)
    {
        if (!options.SearchMaxRate)
        {
            return;
        }

        if (yardstickMax is null)
        {
            Console.WriteLine("  highest sustained rate, yardstick…");
            yardstickMax = (await SearchAsync(yardstick)).Rate;
        }

        Console.WriteLine($"  highest sustained rate, {product.Name}…");
        var productMax = await SearchAsync(product);
        AddMaxRow(label, productMax.Rate, yardstickMax.Value);
    }

    private Task<(double Rate, IReadOnlyList<RunResult> Probes)> SearchAsync(InboundSystem system) =>
        MaxRateSearch.FindAsync(
            r => run.RunAsync(system, r, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(options.Probe), customers, TimeSpan.FromSeconds(10)),
            Start(system), options.SustainP99Ms);

    private async Task<RunResult> MeasureAsync(InboundSystem system, int rate)
    {
        var result = await run.RunAsync(system, rate, Warmup, Duration, customers, TimeSpan.FromSeconds(30));
        Console.WriteLine($"    {result}");
        return result;
    }

    private void AddRateRows(string nodes, int rate, RunResult product, RunResult yardstick)
    {
        var @case = $"{rate:#,0} msg/s · {nodes}";
        var ratio = product.Latencies.P99 / yardstick.Latencies.P99;
        var atTarget = rate == (int)TargetRate;
        table.Add(new ResultRow("inbound", @case, "latency p50 / p99",
            $"{Format.Ms(product.Latencies.P50)} / {Format.Ms(product.Latencies.P99)}",
            $"{Format.Ms(yardstick.Latencies.P50)} / {Format.Ms(yardstick.Latencies.P99)}",
            Format.Ratio(ratio) + " (p99)",
            atTarget ? "p99 ≤ 2× yardstick" : "–",
            !atTarget ? Verdict.Info : ratio <= 2 && product.Lost == 0 ? Verdict.Meets : Verdict.Misses));
        table.Add(new ResultRow("inbound", @case, "sent / lost / errors",
            $"{Format.Int(product.Sent)} / {product.Lost} / {product.Errors}",
            $"{Format.Int(yardstick.Sent)} / {yardstick.Lost} / {yardstick.Errors}",
            "–", "nothing lost (on screen ≤ 30 s after the last send)", product.Lost == 0 && product.Errors == 0 ? Verdict.Meets : Verdict.Misses));
        table.Add(new ResultRow("inbound", @case, "CPU per message: servers + PostgreSQL",
            $"{product.ServerCpuMsPerMessage:0.00} + {product.PostgresCpuMsPerMessage:0.00} ms",
            $"{yardstick.ServerCpuMsPerMessage:0.00} + {yardstick.PostgresCpuMsPerMessage:0.00} ms",
            Format.Ratio((product.ServerCpuMsPerMessage + product.PostgresCpuMsPerMessage) / (yardstick.ServerCpuMsPerMessage + yardstick.PostgresCpuMsPerMessage)),
            "–", Verdict.Info));
        if (product.Stages is not null)
        {
            table.Add(new ResultRow("inbound", @case, "product stages", product.Stages, "–", "–", "–", Verdict.Info));
        }

        if (product.FirstError is not null)
        {
            table.Note($"inbound {@case}: product's first error: {product.FirstError}");
        }
    }

    /// <summary>The highest fixed rate a system sustained, where its search starts (saves probes far off the mark).</summary>
    private void Remember(RunResult result)
    {
        if (result.Sustained(options.SustainP99Ms))
        {
            sustained[result.System] = Math.Max(sustained.GetValueOrDefault(result.System), result.Rate);
        }
    }

    private double Start(InboundSystem system) =>
        sustained.TryGetValue(system.Name, out var rate) ? rate : options.Rates.Min() / 2.0;

    private void AddMaxRow(string nodes, double product, double yardstick)
    {
        var ratio = product / yardstick;
        table.Add(new ResultRow("inbound", $"highest sustained rate · {nodes}", "msg/s", Format.Rate(product), Format.Rate(yardstick),
            Format.Ratio(ratio), "≥ 0.9× yardstick", ratio >= 0.9 ? Verdict.Meets : Verdict.Misses));
    }
}
