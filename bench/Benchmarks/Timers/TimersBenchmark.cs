using Switchboard.Benchmarks.Harness;
using Switchboard.Benchmarks.Reporting;
using Switchboard.Grains.Conversations;
using Switchboard.Grains.Messages;
using Switchboard.Grains.Timers;

namespace Switchboard.Benchmarks.Timers;

/// <summary>
/// Timer firing lag: conversations snoozed until times spread evenly over a few seconds come back
/// by themselves, woken by the due-time sweepers of two silo processes at their default settings.
/// Lag = the reopening turn's database time (the conversation row's updated_at, now() of that
/// turn's transaction) − the snooze's end. The yardstick is bare pollers over a bare timer table,
/// one per sweeper, at the same interval and batch: what polling the database costs by itself.
/// </summary>
public static class TimersBenchmark
{
    private const string TenantId = "tn_bench_timers";
    private static readonly TimeSpan TargetP99 = TimeSpan.FromSeconds(1);
    private static readonly MessageAuthor Agent = MessageAuthor.Agent("agent-bench", "Bench Agent");

    public static async Task RunAsync(BenchOptions options, ResultTable table)
    {
        var sweepers = new DueTimeSweeperOptions();
        var spread = TimeSpan.FromSeconds(options.Spread);
        Console.WriteLine($"timers: {options.Timers:#,0} due over {options.Spread} s, 2 silos, {sweepers.Shards} sweepers (every {sweepers.Interval.TotalMilliseconds} ms, batch {sweepers.BatchSize})");
        table.Setup("timers", $"{options.Timers:#,0} conversations' snoozes ending evenly over {options.Spread} s; 2 silo processes with the product defaults "
            + $"({sweepers.Shards} due-time sweepers, every {sweepers.Interval.TotalMilliseconds} ms, batch {sweepers.BatchSize})");

        await using var cluster = await BenchSilos.StartAsync(2);
        Console.WriteLine("  bare timers…");
        var yardstick = await BareTimers.RunAsync(cluster.Database.DataSource, options.Timers, spread, sweepers.Shards, sweepers.Interval, sweepers.BatchSize);
        Console.WriteLine($"    {yardstick}");

        Console.WriteLine("  conversations' timers…");
        var (product, missing) = await SnoozeAndWaitAsync(options, table, cluster, spread);
        Console.WriteLine($"    {product}");

        var @case = $"{options.Timers:#,0} due over {Format.Seconds(options.Spread)} · 2 silos";
        table.Add(new ResultRow("timers", @case, "firing lag p50 / p99",
            $"{Format.Ms(product.P50)} / {Format.Ms(product.P99)}",
            $"{Format.Ms(yardstick.P50)} / {Format.Ms(yardstick.P99)}",
            Format.Ratio(product.P99 / yardstick.P99) + " (p99)",
            "p99 ≤ 1 s", missing == 0 && product.P99 <= TargetP99.TotalMilliseconds ? Verdict.Meets : Verdict.Misses));
        table.Add(new ResultRow("timers", @case, "firing lag max", Format.Ms(product.Max), Format.Ms(yardstick.Max), "–", "–", Verdict.Info));
    }

    private static async Task<(Latencies Lags, int Missing)> SnoozeAndWaitAsync(BenchOptions options, ResultTable table, BenchSilos cluster, TimeSpan spread)
    {
        await using (var tenant = cluster.Database.DataSource.CreateCommand("insert into tenants (id, name) values ($1, $1) on conflict do nothing"))
        {
            tenant.Parameters.Add(new() { Value = TenantId });
            await tenant.ExecuteNonQueryAsync();
        }

        var now = DateTimeOffset.UtcNow;
        var identities = Enumerable.Range(0, options.Timers).Select(i => new ConversationIdentity(TenantId, "ch_bench", ChannelType.WhatsApp, $"4471{i:0000000}")).ToList();
        await Parallel.ForEachAsync(identities, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (identity, _) =>
            await cluster.Client.GetGrain<IConversationGrain>(identity.Key.ToString())
                .Execute(new ReceiveMessage(identity, "msg-open", "wamid.open." + identity.ContactId, new TextContent("hello"), now, now)));

        // Snoozing n conversations takes n turns; the first ends only once they are (very likely) all snoozed.
        var firstDue = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(3 + options.Timers / 500.0);
        var due = identities.Select((identity, i) => (identity, at: firstDue + spread * i / options.Timers)).ToDictionary(d => d.identity.Key.ConversationId, d => d.at);
        await Parallel.ForEachAsync(identities, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (identity, _) =>
            await cluster.Client.GetGrain<IConversationGrain>(identity.Key.ToString())
                .Execute(new SetStatus(ConversationStatus.Snoozed, Agent, due[identity.Key.ConversationId])));
        var setBy = DateTimeOffset.UtcNow;
        if (setBy > firstDue)
        {
            table.Note($"timers: snoozing ended {(setBy - firstDue).TotalSeconds:0.0} s after the first was due; early lags include that wait");
        }

        var deadline = firstDue + spread + TimeSpan.FromSeconds(60);
        var reopened = new Dictionary<string, DateTimeOffset>();
        do
        {
            await Task.Delay(500);
            reopened.Clear();
            await using var read = cluster.Database.DataSource.CreateCommand("select id, updated_at from conversations where tenant_id = $1 and status = 'open'");
            read.Parameters.Add(new() { Value = TenantId });
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                reopened[reader.GetString(0)] = reader.GetFieldValue<DateTimeOffset>(1);
            }
        }
        while (reopened.Count < options.Timers && DateTimeOffset.UtcNow < deadline);

        var missing = options.Timers - reopened.Count;
        if (missing > 0)
        {
            table.Note($"timers: {missing} snoozes did not end within 60 s of the last due time");
        }

        return (new Latencies(reopened.Select(r => (r.Value - due[r.Key]).TotalMilliseconds)), missing);
    }
}
