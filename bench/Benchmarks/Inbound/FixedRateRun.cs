using System.Diagnostics;
using Switchboard.Benchmarks.Reporting;

namespace Switchboard.Benchmarks.Inbound;

/// <summary>
/// One run: warm-up then measured seconds of webhooks at a fixed rate, then waiting for the
/// screen to show everything that was acknowledged. Latency counts only messages sent in the
/// measured part; losses count every acknowledged message, warm-up included.
/// </summary>
public sealed class FixedRateRun(OpenLoopSender sender)
{
    private int nextRun;

    public async Task<RunResult> RunAsync(InboundSystem system, double rate, TimeSpan warmup, TimeSpan duration, IReadOnlyList<string> customers, TimeSpan drainLimit)
    {
        var run = Interlocked.Increment(ref nextRun);
        var arrivals = system.Screen.Of(run);
        var cpuBefore = system.Servers.ToDictionary(s => s, s => s.CpuTime.TotalMilliseconds);
        var postgresBefore = await system.Database.SnapshotAsync();

        var log = await sender.SendAsync(run, rate, warmup + duration, system.WebhookTargets, customers);
        var accepted = log.Status.Count(s => s is >= 200 and < 300);
        await DrainAsync(arrivals, accepted, drainLimit);

        var cpuPerServer = system.Servers.ToDictionary(s => s, s => s.CpuTime.TotalMilliseconds - cpuBefore[s]);
        var cpu = cpuPerServer.Values.Sum();
        var postgres = PostgresCpu.Between(postgresBefore, await system.Database.SnapshotAsync());
        var warmupCount = (int)Math.Round(rate * warmup.TotalSeconds);
        var latencies = new Latencies();
        var lag = new Latencies();
        var fifth = Math.Max(1, (log.Total - warmupCount) / 5);
        var first = new Latencies();
        var last = new Latencies();
        for (var seq = warmupCount; seq < log.Total; seq++)
        {
            lag.Add(log.ActualUnixMs[seq] - log.IntendedUnixMs[seq]);
            if (arrivals.TryGet(seq, out var latency))
            {
                latencies.Add(latency);
                (seq < warmupCount + fifth ? first : seq >= log.Total - fifth ? last : null)?.Add(latency);
            }
        }

        // How much the median climbed from the first fifth of the measured part to the last: a backlog growing.
        var growth = last.Count > 0 && first.Count > 0 ? last.P50 - first.P50 : double.PositiveInfinity;

        var stages = system.ProductDatabase is { } database ? await ProductStages.DescribeAsync(database, run, warmupCount, log, arrivals) : null;
        var received = Enumerable.Range(0, log.Total).Count(seq => log.Status[seq] is >= 200 and < 300 && arrivals.TryGet(seq, out _));

        // An overloaded system still has a backlog: let it clear (up to a minute) so the next run starts clean.
        await DrainAsync(arrivals, accepted, TimeSpan.FromSeconds(60));
        return new RunResult(
            system.Name, rate, log.Total, accepted, log.Total - accepted, log.FirstError, received, arrivals.Repeats, arrivals.Snapshots,
            latencies, growth, lag.P99, cpu / log.Total, postgres / log.Total,
            string.Join(", ", cpuPerServer.Select(c => $"{c.Key.Name} {c.Value / log.Total:0.00}")), stages);
    }

    /// <summary>Until all acknowledged messages arrived, nothing arrived for 5 s, or the limit passed.</summary>
    /// <remarks>What has not arrived by then counts as lost: not on the screen within the limit after the last send.</remarks>
    private static async Task DrainAsync(Receiver.Arrivals arrivals, int expected, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        var lastCount = -1;
        var lastProgress = clock.Elapsed;
        while (arrivals.Count < expected && clock.Elapsed < limit && clock.Elapsed - lastProgress < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(100);
            if (arrivals.Count != lastCount)
            {
                lastCount = arrivals.Count;
                lastProgress = clock.Elapsed;
            }
        }

        // Snapshots are coalesced 25 ms after their last event; let the last ones land.
        await Task.Delay(300);
    }
}
