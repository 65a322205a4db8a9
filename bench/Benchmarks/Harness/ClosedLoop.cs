using System.Diagnostics;
using Switchboard.Benchmarks.Reporting;

namespace Switchboard.Benchmarks.Harness;

/// <summary>What a closed loop measured: completions per second in the measured window and their latencies.</summary>
public sealed record LoopResult(double PerSecond, Latencies Latencies, long Completed, long Failed, string? FirstError);

/// <summary>
/// N callers, each running the operation back to back (a closed loop: a caller waits for its
/// answer before asking again, so the concurrency is fixed and the rate is what the system gives).
/// Operations completing in the warm-up are not counted; throughput counts completions inside the
/// measured window, latency is each of those operations' own duration.
/// </summary>
public static class ClosedLoop
{
    public static async Task<LoopResult> RunAsync(int callers, TimeSpan warmup, TimeSpan duration, Func<int, Task> operation)
    {
        var clock = Stopwatch.StartNew();
        var measureFrom = warmup.TotalSeconds;
        var measureUntil = (warmup + duration).TotalSeconds;
        long failed = 0;
        string? firstError = null;

        var perCaller = await Task.WhenAll(Enumerable.Range(0, callers).Select(caller => Task.Run(async () =>
        {
            var mine = new List<double>();
            while (clock.Elapsed.TotalSeconds < measureUntil)
            {
                var started = clock.Elapsed.TotalMilliseconds;
                try
                {
                    await operation(caller);
                }
                catch (Exception ex)
                {
                    Interlocked.Increment(ref failed);
                    Interlocked.CompareExchange(ref firstError, ex.GetType().Name + ": " + ex.Message, null);
                    continue;
                }

                var ended = clock.Elapsed.TotalMilliseconds;
                if (ended / 1000 >= measureFrom && ended / 1000 < measureUntil)
                {
                    mine.Add(ended - started);
                }
            }

            return mine;
        })));

        var latencies = new Latencies(perCaller.SelectMany(l => l));
        return new LoopResult(latencies.Count / duration.TotalSeconds, latencies, latencies.Count, failed, firstError);
    }
}
