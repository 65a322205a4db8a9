using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Switchboard.Benchmarks.Harness;
using Switchboard.Benchmarks.Reporting;
using Switchboard.Grains.Abstractions;
using Switchboard.Runtime.Grains;
using Switchboard.Runtime.Hosting;
using Switchboard.Testing;

namespace Switchboard.Benchmarks.GrainTurns;

/// <summary>
/// Grain turns per second on one hot key (1 and 2 nodes) and on many keys, each case measured
/// right after its yardstick — plain single-row UPDATE transactions with the same callers and
/// the same pools — so the ratio is taken under the same machine load.
/// </summary>
public static class GrainTurnsBenchmark
{
    private const string Tenant = "bench";
    private const double Target = 0.70;

    public static async Task RunAsync(BenchOptions options, ResultTable table)
    {
        Console.WriteLine($"grain-turns: {options.Concurrency} callers, {options.Keys:#,0} keys, {options.Warmup} s warm-up + {options.Duration} s per case");
        var database = new PostgresDatabase();
        await database.InitializeAsync();
        var nodes = new List<IHost>();
        var pools = new List<NpgsqlDataSource>();
        try
        {
            await PlainUpdates.CreateTableAsync(database.DataSource, options.Keys);
            await CreateGrainRowsAsync(database.DataSource, options.Keys);
            var prefix = "bench-" + Guid.NewGuid().ToString("N")[..8] + ":";
            var connectionString = database.ConnectionString + (options.PostgresOptions.Length > 0 ? ";" + options.PostgresOptions : "");
            for (var i = 0; i < 2; i++)
            {
                nodes.Add(await RuntimeNode.StartAsync(connectionString, prefix, siloWorkers: false, s => s.AddGrain(new BenchCounterGrain())));
                pools.Add(NpgsqlDataSource.Create(connectionString));
            }

            table.Setup("grain-turns", $"{options.Concurrency} callers (closed loop), {options.Keys:#,0} keys, {options.Warmup} s warm-up + {options.Duration} s measured per case; "
                + $"pool: {new NpgsqlConnectionStringBuilder(database.ConnectionString).MaxPoolSize} connections per node, same connection string for both sides"
                + (options.PostgresOptions.Length > 0 ? $" + \"{options.PostgresOptions}\"" : ""));

            var random = new ThreadLocal<Random>(() => new Random(Environment.CurrentManagedThreadId));
            await MeasureAsync(options, table, nodes, pools, "one key · 1 node", 1, () => 0, hot: true);
            await MeasureAsync(options, table, nodes, pools, "one key · 2 nodes", 2, () => 0, hot: true);
            await MeasureAsync(options, table, nodes, pools, $"{options.Keys:#,0} keys · 1 node", 1, () => random.Value!.Next(options.Keys), hot: false);
            await MeasureAsync(options, table, nodes, pools, $"{options.Keys:#,0} keys · 2 nodes", 2, () => random.Value!.Next(options.Keys), hot: false);
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.StopAsync();
                node.Dispose();
            }

            foreach (var pool in pools)
            {
                await pool.DisposeAsync();
            }

            await database.DisposeAsync();
        }
    }

    private static async Task MeasureAsync(
        BenchOptions options, ResultTable table, List<IHost> nodes, List<NpgsqlDataSource> pools, string name, int nodeCount, Func<int> nextKey, bool hot)
    {
        var warmup = TimeSpan.FromSeconds(options.Warmup);
        var duration = TimeSpan.FromSeconds(options.Duration);
        var updates = new PlainUpdates(pools.Take(nodeCount).ToList());
        var runtimes = nodes.Take(nodeCount).Select(n => n.Services.GetRequiredService<GrainRuntime>()).ToList();
        var grain = nodes[0].Services.GetRequiredService<BenchCounterGrain>();
        var keys = Enumerable.Range(0, options.Keys).Select(k => new GrainKey(Tenant, "k" + k)).ToArray();
        var handWritten = new HandWrittenTurns(pools.Take(nodeCount).ToList());

        Console.WriteLine($"  {name}: plain UPDATE…");
        var yardstick = await ClosedLoop.RunAsync(options.Concurrency, warmup, duration, caller => updates.IncrementAsync(caller, hot ? 0 : nextKey()));
        Console.WriteLine($"    {Format.Rate(yardstick.PerSecond)} {yardstick.Latencies}");
        Console.WriteLine($"  {name}: grain turns…");
        var product = await ClosedLoop.RunAsync(options.Concurrency, warmup, duration, caller =>
            runtimes[caller % runtimes.Count].SendAsync(grain, keys[hot ? 0 : nextKey()], BenchIncrement.Instance, CancellationToken.None));
        Console.WriteLine($"    {Format.Rate(product.PerSecond)} {product.Latencies}");
        Console.WriteLine($"  {name}: the turn's SQL by hand…");
        var byHand = await ClosedLoop.RunAsync(options.Concurrency, warmup, duration, caller => handWritten.TurnAsync(caller, Tenant, keys[hot ? 0 : nextKey()].Id));
        Console.WriteLine($"    {Format.Rate(byHand.PerSecond)} {byHand.Latencies}");

        var @case = $"{name} · {options.Concurrency} callers";
        var ratio = product.PerSecond / yardstick.PerSecond;
        table.Add(new ResultRow("grain-turns", @case, "turns/s vs UPDATE tx/s", Format.Rate(product.PerSecond), Format.Rate(yardstick.PerSecond),
            Format.Percent(ratio), "≥ 70 %", ratio >= Target ? Verdict.Meets : Verdict.Misses));
        table.Add(new ResultRow("grain-turns", @case, "latency p50 / p99",
            $"{Format.Ms(product.Latencies.P50)} / {Format.Ms(product.Latencies.P99)}",
            $"{Format.Ms(yardstick.Latencies.P50)} / {Format.Ms(yardstick.Latencies.P99)}",
            Format.Ratio(product.Latencies.P99 / yardstick.Latencies.P99) + " (p99)", "–", Verdict.Info));
        table.Add(new ResultRow("grain-turns", @case, "diagnostic: the turn's SQL by hand, tx/s", Format.Rate(byHand.PerSecond), Format.Rate(yardstick.PerSecond),
            Format.Percent(byHand.PerSecond / yardstick.PerSecond), "–", Verdict.Info));
        foreach (var (side, result) in new[] { ("grain turns", product), ("plain UPDATE", yardstick), ("hand-written turns", byHand) })
        {
            if (result.Failed > 0)
            {
                table.Note($"grain-turns {@case}: {result.Failed} {side} failed, first: {result.FirstError}");
            }
        }
    }

    /// <summary>
    /// Every key's row exists before measuring, as it does for a grain that has run before: the
    /// first turn of a new grain inserts its row, a one-off cost that is not the steady state.
    /// </summary>
    private static async Task CreateGrainRowsAsync(NpgsqlDataSource dataSource, int keys)
    {
        foreach (var grainType in new[] { BenchCounterGrain.GrainName, HandWrittenTurns.GrainType })
        {
            await using var insert = dataSource.CreateCommand(
                """
                insert into grain_state (tenant_id, grain_type, grain_key)
                select $1, $2, 'k' || g from generate_series(0, $3 - 1) g
                on conflict do nothing
                """);
            insert.Parameters.Add(new() { Value = Tenant });
            insert.Parameters.Add(new() { Value = grainType });
            insert.Parameters.Add(new() { Value = keys });
            await insert.ExecuteNonQueryAsync();
        }
    }
}
