using Switchboard.Benchmarks.Harness;
using Switchboard.Benchmarks.Inbound;
using Switchboard.Benchmarks.Reporting;
using Switchboard.Grains.Conversations;
using Switchboard.Grains.Messages;

namespace Switchboard.Benchmarks.GrainTurns;

/// <summary>
/// Conversation grain turns per second, through an Orleans client to silo processes, on one hot
/// conversation and on many, with one silo and then two; each case measured right after its
/// yardstick — plain single-row UPDATE transactions with the same callers and the same pool size
/// per process — so the ratio is taken under the same machine load. The turn is the product's own:
/// an agent's note, which commits the state and its version, the note's key, the timeline row and
/// the conversation row, in one write.
/// </summary>
public static class GrainTurnsBenchmark
{
    private const double Target = 0.70;
    private static readonly AgentRef Agent = new("agent-bench", "Bench Agent");

    public static async Task RunAsync(BenchOptions options, ResultTable table)
    {
        Console.WriteLine($"grain-turns: {options.Concurrency} callers, {options.Keys:#,0} conversations, {options.Warmup} s warm-up + {options.Duration} s per case");
        await using var cluster = await BenchSilos.StartAsync(1);
        table.Setup("grain-turns", $"{options.Concurrency} callers (closed loop) in one Orleans client, {options.Keys:#,0} conversations, {options.Warmup} s warm-up + {options.Duration} s measured per case; "
            + $"silos from their Release builds as ./run starts them; the turn: an agent's note (state, key, timeline row, conversation row in one write); "
            + $"pool: {ServerPool.MaxPoolSize} connections per process on both sides");
        await PlainUpdates.CreateTableAsync(cluster.Database.DataSource, options.Keys);
        var updates = new PlainUpdates([cluster.Database.DataSource]);

        var (one, keys) = await OpenConversationsAsync(cluster, "tn_bench1", options.Keys);
        var hotUpdates = await MeasureAsync(options, table, cluster, updates, "one conversation · 1 silo", () => one[0], hot: true);
        var spreadUpdates = await MeasureAsync(options, table, cluster, updates, $"{options.Keys:#,0} conversations · 1 silo", () => one[Random.Shared.Next(one.Count)], hot: false);

        // The same conversations written without the cluster (their grains are not called again).
        await using (var alone = await StorageAlone.LoadAsync(cluster.Database.DataSource, keys))
        {
            await DiagnoseAsync(options, table, alone, "one conversation · 1 silo", hotUpdates, hot: true);
            await DiagnoseAsync(options, table, alone, $"{options.Keys:#,0} conversations · 1 silo", spreadUpdates, hot: false);
        }

        Console.WriteLine("  starting silo 2…");
        await cluster.AddSiloAsync();

        // New conversations, activated once both silos are up, so they are spread over both.
        var (two, _) = await OpenConversationsAsync(cluster, "tn_bench2", options.Keys);
        await MeasureAsync(options, table, cluster, updates, "one conversation · 2 silos", () => two[0], hot: true);
        await MeasureAsync(options, table, cluster, updates, $"{options.Keys:#,0} conversations · 2 silos", () => two[Random.Shared.Next(two.Count)], hot: false);
    }

    /// <summary>Each customer writes once (the grain's first turn inserts its row); measured turns are steady-state ones.</summary>
    private static async Task<(List<IConversationGrain> Grains, List<string> Keys)> OpenConversationsAsync(BenchSilos cluster, string tenantId, int count)
    {
        await using (var tenant = cluster.Database.DataSource.CreateCommand("insert into tenants (id, name) values ($1, $1) on conflict do nothing"))
        {
            tenant.Parameters.Add(new() { Value = tenantId });
            await tenant.ExecuteNonQueryAsync();
        }

        var now = DateTimeOffset.UtcNow;
        var keys = Enumerable.Range(0, count).Select(i => new ConversationIdentity(tenantId, "ch_bench", ChannelType.WhatsApp, $"4470{i:0000000}")).ToList();
        var grains = keys.Select(identity => cluster.Client.GetGrain<IConversationGrain>(identity.Key.ToString())).ToList();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, _) =>
            await grains[i].Execute(new ReceiveMessage(keys[i], $"msg-open-{i}", $"wamid.open.{tenantId}.{i}", new TextContent("hello"), now, now)));
        return (grains, keys.Select(identity => identity.Key.ToString()).ToList());
    }

    /// <returns>The yardstick's result, for the diagnostic rows of the same case.</returns>
    private static async Task<LoopResult> MeasureAsync(BenchOptions options, ResultTable table, BenchSilos cluster, PlainUpdates updates, string name, Func<IConversationGrain> next, bool hot)
    {
        var warmup = TimeSpan.FromSeconds(options.Warmup);
        var duration = TimeSpan.FromSeconds(options.Duration);
        Console.WriteLine($"  {name}: plain UPDATE…");
        var yardstick = await ClosedLoop.RunAsync(options.Concurrency, warmup, duration, caller => updates.IncrementAsync(caller, hot ? 0 : Random.Shared.Next(options.Keys)));
        Console.WriteLine($"    {Format.Rate(yardstick.PerSecond)} {yardstick.Latencies}");
        Console.WriteLine($"  {name}: grain turns…");
        var product = await ClosedLoop.RunAsync(options.Concurrency, warmup, duration, _ =>
            next().Execute(new AddNote("note-" + Guid.NewGuid().ToString("N"), Agent, "a note")));
        Console.WriteLine($"    {Format.Rate(product.PerSecond)} {product.Latencies}");

        var @case = $"{name} · {options.Concurrency} callers";
        var ratio = product.PerSecond / yardstick.PerSecond;
        table.Add(new ResultRow("grain-turns", @case, "turns/s vs UPDATE tx/s", Format.Rate(product.PerSecond), Format.Rate(yardstick.PerSecond),
            Format.Percent(ratio), "≥ 70 %", ratio >= Target ? Verdict.Meets : Verdict.Misses));
        table.Add(new ResultRow("grain-turns", @case, "latency p50 / p99",
            $"{Format.Ms(product.Latencies.P50)} / {Format.Ms(product.Latencies.P99)}",
            $"{Format.Ms(yardstick.Latencies.P50)} / {Format.Ms(yardstick.Latencies.P99)}",
            Format.Ratio(product.Latencies.P99 / yardstick.Latencies.P99) + " (p99)", "–", Verdict.Info));
        foreach (var (side, result) in new[] { ("grain turns", product), ("plain UPDATE", yardstick) })
        {
            if (result.Failed > 0)
            {
                table.Note($"grain-turns {@case}: {result.Failed} {side} failed, first: {result.FirstError}");
            }
        }

        return yardstick;
    }

    private static async Task DiagnoseAsync(BenchOptions options, ResultTable table, StorageAlone alone, string name, LoopResult yardstick, bool hot)
    {
        Console.WriteLine($"  {name}: storage alone…");
        var result = await alone.RunAsync(options.Concurrency, TimeSpan.FromSeconds(options.Warmup), TimeSpan.FromSeconds(options.Duration), hot);
        Console.WriteLine($"    {Format.Rate(result.PerSecond)} {result.Latencies}");
        var @case = $"{name} · {options.Concurrency} callers";
        table.Add(new ResultRow("grain-turns", @case, "diagnostic: rules + storage alone (no Orleans, nothing published), turns/s",
            Format.Rate(result.PerSecond), Format.Rate(yardstick.PerSecond), Format.Percent(result.PerSecond / yardstick.PerSecond), "–", Verdict.Info));
        if (result.Failed > 0)
        {
            table.Note($"grain-turns {@case}: {result.Failed} storage-alone turns failed, first: {result.FirstError}");
        }
    }
}
