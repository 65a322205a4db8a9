namespace Switchboard.Benchmarks.Inbound;

/// <summary>
/// The highest rate a system sustains (see <see cref="RunResult.Sustained"/>): up by 30 % while
/// probes pass, then halving the gap between the last pass and the first failure until it is
/// under 10 %. Short probes keep the search to about a minute per system.
/// </summary>
public static class MaxRateSearch
{
    private const int MaxProbes = 10;

    public static async Task<(double Rate, IReadOnlyList<RunResult> Probes)> FindAsync(
        Func<double, Task<RunResult>> probe, double start, double p99LimitMs)
    {
        var probes = new List<RunResult>();
        double passed = 0;
        double? failed = null;
        var rate = start;
        while (probes.Count < MaxProbes)
        {
            var result = await probe(rate);
            probes.Add(result);
            var ok = result.Sustained(p99LimitMs);
            Console.WriteLine($"    probe {rate:0}/s: {(ok ? "sustained" : "not sustained")} — {result}");
            if (ok)
            {
                passed = rate;
            }
            else
            {
                failed = rate;
            }

            if (failed is { } f && (f - passed) / f < 0.10)
            {
                break;
            }

            var next = failed is { } upper ? Round((passed + upper) / 2) : Round(rate * 1.3);
            if (next == passed || next == failed)
            {
                break;
            }

            rate = next;
        }

        return (passed, probes);
    }

    private static double Round(double rate) => rate >= 200 ? Math.Round(rate / 10) * 10 : Math.Round(rate);
}
