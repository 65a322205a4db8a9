using Npgsql;
using Switchboard.Benchmarks.Reporting;
using Switchboard.Testing;

namespace Switchboard.Benchmarks.Inbound;

/// <summary>
/// Webhook → agent's screen. Signed webhooks at fixed rates go to the yardstick and to the
/// product (one Api node, then two taken in turn, silos running); the official SignalR client in
/// Node is the screen, and a message's latency is when it showed there − when it was meant to be
/// sent. Each rate runs on the yardstick and on the product back to back, so both see the same
/// machine; then each side's highest sustained rate is searched.
/// </summary>
public static class InboundBenchmark
{
    private const double TargetRate = 1_000;

    public static async Task RunAsync(BenchOptions options, ResultTable table)
    {
        ServerPool.Extra = options.PostgresOptions;
        var warmup = TimeSpan.FromSeconds(options.Warmup);
        var duration = TimeSpan.FromSeconds(options.Duration);
        var probe = TimeSpan.FromSeconds(options.Probe);
        var customers = BenchChannel.Customers(options.Customers);
        Console.WriteLine($"inbound: {string.Join(", ", options.Rates)} msg/s, {options.Warmup} s warm-up + {options.Duration} s, {options.Customers} customers");
        table.Setup("inbound", $"rates {string.Join(", ", options.Rates)} msg/s, each {options.Warmup} s warm-up + {options.Duration} s measured; one text message per signed webhook, "
            + $"spread over {options.Customers} customers (conversations); open-loop sender, latency from the intended send time; "
            + $"highest sustained rate by {options.Probe} s probes (nothing lost, no errors, p99 ≤ {options.SustainP99Ms:0} ms, median not climbing by more than {RunResult.MaxGrowthMs:0} ms through the probe); "
            + $"every server process: Production environment, its own appsettings.json, pool of {ServerPool.MaxPoolSize} connections"
            + (options.PostgresOptions.Length > 0 ? $", connection string + \"{options.PostgresOptions}\"" : ""));

        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) }) { Timeout = TimeSpan.FromSeconds(30) };
        var run = new FixedRateRun(new OpenLoopSender(http, BenchChannel.Bodies));
        await using var admin = NpgsqlDataSource.Create(TestEnvironment.PostgresAdminConnectionString);

        Console.WriteLine("  starting the yardstick and the product (Api A, 2 silos)…");
        await using var yardstickServer = await YardstickServer.StartAsync();
        await using var product = await ProductCluster.StartAsync();
        await using var yardstickScreen = await Receiver.ConnectAsync(yardstickServer.Hub, null);
        await using var productScreen = await Receiver.ConnectAsync(new Uri(product.ApiA.BaseAddress, "/hubs/inbox"), product.Cookie);
        table.Setup("Clock check", $"receiver − sender clock offset {yardstickScreen.ClockOffsetMs:0.00} ms (yardstick screen), {productScreen.ClockOffsetMs:0.00} ms (product screen), pipe latency included");

        var yardstick = new InboundSystem("yardstick", [yardstickServer.WebhookTarget], yardstickScreen, [yardstickServer.Process],
            new PostgresCpu(admin, yardstickServer.Database.Name));
        await OpenConversationsAsync(run, product, productScreen, customers, admin);

        var sustained = new Dictionary<string, double>();
        var productOne = new InboundSystem("product, 1 Api", product.WebhookTargets, productScreen, product.Servers, new PostgresCpu(admin, product.Database.Name), product.Database.DataSource);
        var yardstickAt = new Dictionary<int, RunResult>();
        foreach (var rate in options.Rates)
        {
            yardstickAt[rate] = await MeasureAsync(run, yardstick, rate, warmup, duration, customers);
            var result = await MeasureAsync(run, productOne, rate, warmup, duration, customers);
            AddRateRows(table, "1 Api", rate, result, yardstickAt[rate]);
            Remember(sustained, yardstickAt[rate], options);
            Remember(sustained, result, options);
        }

        (double Rate, IReadOnlyList<RunResult> Probes)? yardstickMax = null;
        if (options.SearchMaxRate)
        {
            Console.WriteLine("  highest sustained rate, yardstick…");
            yardstickMax = await MaxRateSearch.FindAsync(r => run.RunAsync(yardstick, r, TimeSpan.FromSeconds(1), probe, customers, TimeSpan.FromSeconds(10)), Start(sustained, yardstick, options), options.SustainP99Ms);
            Console.WriteLine("  highest sustained rate, product with 1 Api…");
            var productMax = await MaxRateSearch.FindAsync(r => run.RunAsync(productOne, r, TimeSpan.FromSeconds(1), probe, customers, TimeSpan.FromSeconds(10)), Start(sustained, productOne, options), options.SustainP99Ms);
            AddMaxRow(table, "1 Api", productMax.Rate, yardstickMax.Value.Rate);
        }

        Console.WriteLine("  starting Api B…");
        await product.StartSecondApiAsync();
        var productTwo = productOne with { Name = "product, 2 Api", WebhookTargets = product.WebhookTargets, Servers = product.Servers };
        foreach (var rate in options.Rates)
        {
            var result = await MeasureAsync(run, productTwo, rate, warmup, duration, customers);
            AddRateRows(table, "2 Api", rate, result, yardstickAt[rate]);
            Remember(sustained, result, options);
        }

        if (yardstickMax is { } max)
        {
            Console.WriteLine("  highest sustained rate, product with 2 Api…");
            var productMax = await MaxRateSearch.FindAsync(r => run.RunAsync(productTwo, r, TimeSpan.FromSeconds(1), probe, customers, TimeSpan.FromSeconds(10)), Start(sustained, productTwo, options), options.SustainP99Ms);
            AddMaxRow(table, "2 Api", productMax.Rate, max.Rate);
        }
    }

    /// <summary>
    /// Each customer writes once so their conversation exists, and the screen watches them all:
    /// the product pushes <c>messageCreated</c> to a conversation's watchers (the tenant only gets
    /// coalesced snapshots), which is what lets every message be counted.
    /// </summary>
    private static async Task OpenConversationsAsync(FixedRateRun run, ProductCluster product, Receiver screen, IReadOnlyList<string> customers, NpgsqlDataSource admin)
    {
        var opening = new InboundSystem("opening", product.WebhookTargets, screen, product.Servers, new PostgresCpu(admin, product.Database.Name));
        await run.RunAsync(opening, 100, TimeSpan.Zero, TimeSpan.FromSeconds(customers.Count / 100.0), customers, TimeSpan.FromSeconds(1));
        var ids = await Eventually.ValueAsync(product.ConversationIdsAsync, ids => ids.Count >= customers.Count, TimeSpan.FromSeconds(60), "every customer's conversation");
        await screen.WatchAsync(ids);
        Console.WriteLine($"  {ids.Count} conversations opened and watched");
    }

    private static async Task<RunResult> MeasureAsync(FixedRateRun run, InboundSystem system, int rate, TimeSpan warmup, TimeSpan duration, IReadOnlyList<string> customers)
    {
        var result = await run.RunAsync(system, rate, warmup, duration, customers, TimeSpan.FromSeconds(30));
        Console.WriteLine($"    {result}");
        return result;
    }

    private static void AddRateRows(ResultTable table, string nodes, int rate, RunResult product, RunResult yardstick)
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
    private static void Remember(Dictionary<string, double> sustained, RunResult result, BenchOptions options)
    {
        if (result.Sustained(options.SustainP99Ms))
        {
            sustained[result.System] = Math.Max(sustained.GetValueOrDefault(result.System), result.Rate);
        }
    }

    private static double Start(Dictionary<string, double> sustained, InboundSystem system, BenchOptions options) =>
        sustained.TryGetValue(system.Name, out var rate) ? rate : options.Rates.Min() / 2.0;

    private static void AddMaxRow(ResultTable table, string nodes, double product, double yardstick)
    {
        var ratio = product / yardstick;
        table.Add(new ResultRow("inbound", $"highest sustained rate · {nodes}", "msg/s", Format.Rate(product), Format.Rate(yardstick),
            Format.Ratio(ratio), "≥ 0.9× yardstick", ratio >= 0.9 ? Verdict.Meets : Verdict.Misses));
    }
}
