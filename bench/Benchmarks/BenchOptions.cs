using System.Globalization;

namespace Switchboard.Benchmarks;

/// <summary>
/// The command line: <c>grain-turns|timers|inbound|run-stack|all</c> and its knobs. Defaults are the
/// brief's (10 s measured after 2 s of warm-up, 2,000 timers over 10 s, 200/500/1,000 msg/s);
/// shorter values are for trying things out on a busy machine.
/// </summary>
public sealed record BenchOptions
{
    public string Command { get; init; } = "all";

    /// <summary>Measured seconds of every case (after the warm-up).</summary>
    public double Duration { get; init; } = 10;

    public double Warmup { get; init; } = 2;

    /// <summary>Concurrent callers in the grain-turn and plain-UPDATE cases.</summary>
    public int Concurrency { get; init; } = 32;

    public int Keys { get; init; } = 10_000;

    /// <summary>Conversations whose timers (snoozes) come due in the timers benchmark.</summary>
    public int Timers { get; init; } = 2_000;

    /// <summary>Seconds over which the timers come due.</summary>
    public double Spread { get; init; } = 10;

    public IReadOnlyList<int> Rates { get; init; } = [200, 500, 1_000];

    /// <summary>Distinct customers the inbound load is spread over (each is one conversation).</summary>
    public int Customers { get; init; } = 200;

    public bool SearchMaxRate { get; init; } = true;

    /// <summary>Measured seconds of each probe of the highest-sustained-rate search.</summary>
    public double Probe { get; init; } = 5;

    /// <summary>A probe "sustains" its rate only if its p99 stays under this (a growing backlog shows as seconds).</summary>
    public double SustainP99Ms { get; init; } = 500;

    /// <summary>Appended to every connection string of grain-turns and inbound (both sides), e.g. "Max Auto Prepare=50", to try a setting.</summary>
    public string PostgresOptions { get; init; } = "";

    /// <summary>The PORT the run-stack benchmark gives ./run (its PostgreSQL on +20000, Redis on +21000, silos on +11 and +12).</summary>
    public int RunPort { get; init; } = 8580;

    public string Output { get; init; } = Path.Combine("artifacts", "bench", "results.md");

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        var i = 0;
        if (args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal))
        {
            options = options with { Command = args[0] };
            i = 1;
        }

        for (; i < args.Length; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            options = name switch
            {
                "--duration" => options with { Duration = Number(Value()) },
                "--warmup" => options with { Warmup = Number(Value()) },
                "--concurrency" => options with { Concurrency = (int)Number(Value()) },
                "--keys" => options with { Keys = (int)Number(Value()) },
                "--timers" => options with { Timers = (int)Number(Value()) },
                "--spread" => options with { Spread = Number(Value()) },
                "--rate" => options with { Rates = Value().Split(',').Select(r => (int)Number(r)).ToList() },
                "--customers" => options with { Customers = (int)Number(Value()) },
                "--no-max-rate" => options with { SearchMaxRate = false },
                "--probe" => options with { Probe = Number(Value()) },
                "--sustain-p99" => options with { SustainP99Ms = Number(Value()) },
                "--out" => options with { Output = Value() },
                "--pg-options" => options with { PostgresOptions = Value() },
                "--run-port" => options with { RunPort = (int)Number(Value()) },
                _ => throw new ArgumentException($"Unknown option {name}."),
            };
        }

        return options.Command is "grain-turns" or "timers" or "inbound" or "run-stack" or "all"
            ? options
            : throw new ArgumentException($"Unknown benchmark {options.Command}.");
    }

    public const string Usage =
        """
        usage: Switchboard.Benchmarks grain-turns|timers|inbound|run-stack|all [options]
          --duration s      measured seconds per case (10)         --warmup s        warm-up seconds (2)
          --concurrency n   callers in the turn cases (32)         --keys n          keys of the many-keys case (10000)
          --timers n        conversations with a timer (2000)      --spread s        seconds they come due over (10)
          --rate a,b,c      inbound rates in msg/s (200,500,1000)
          --customers n     conversations the inbound load uses (200)
          --no-max-rate     skip the highest-sustained-rate search --probe s         measured seconds per search probe (5)
          --sustain-p99 ms  p99 a sustained rate must stay under (500)
          --pg-options s    appended to the connection strings of grain-turns and inbound, both sides ("Max Auto Prepare=50")
          --run-port n      PORT of the ./run run-stack starts, from a fresh .data/run-PORT (8580)
          --out path        Markdown results (artifacts/bench/results.md)
        Needs SWITCHBOARD_TEST_POSTGRES and SWITCHBOARD_TEST_REDIS (source /tmp/testenv.sh, or use bench/run).
        """;

    private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
