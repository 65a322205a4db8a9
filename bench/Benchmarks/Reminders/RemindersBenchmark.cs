using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Switchboard.Benchmarks.Harness;
using Switchboard.Benchmarks.Reporting;
using Switchboard.Grains.Abstractions;
using Switchboard.Runtime.Grains;
using Switchboard.Runtime.Hosting;
using Switchboard.Runtime.Reminders;
using Switchboard.Testing;

namespace Switchboard.Benchmarks.Reminders;

/// <summary>
/// Reminder firing lag: a batch of reminders, set through grain turns, comes due evenly over a
/// few seconds while several silos (each with the product's ReminderScanner at its default
/// settings) claim and deliver them. Lag = the delivering turn's database time (the AlarmRang
/// event row's created_at, i.e. now() of that turn's transaction) − the reminder's due time.
/// The yardstick is bare pollers over a bare timer table with the same interval and batch.
/// </summary>
public static class RemindersBenchmark
{
    private const string Tenant = "bench";
    private static readonly TimeSpan TargetP99 = TimeSpan.FromSeconds(1);

    public static async Task RunAsync(BenchOptions options, ResultTable table)
    {
        var scanner = new ReminderOptions();
        var spread = TimeSpan.FromSeconds(options.Spread);
        Console.WriteLine($"reminders: {options.Reminders:#,0} due over {options.Spread} s, {options.Scanners} scanners (poll {scanner.PollInterval.TotalMilliseconds} ms, batch {scanner.BatchSize}, {scanner.MaxConcurrency} turns at once each)");
        table.Setup("reminders", $"{options.Reminders:#,0} reminders due evenly over {options.Spread} s, {options.Scanners} silos scanning with the product defaults "
            + $"(poll {scanner.PollInterval.TotalMilliseconds} ms, batch {scanner.BatchSize}, {scanner.MaxConcurrency} concurrent deliveries, lease {scanner.Lease.TotalSeconds} s)");

        var database = new PostgresDatabase();
        await database.InitializeAsync();
        var silos = new List<IHost>();
        try
        {
            Console.WriteLine("  bare timers…");
            var yardstick = await BareTimers.RunAsync(database.DataSource, options.Reminders, spread, options.Scanners, scanner.PollInterval, scanner.BatchSize);
            Console.WriteLine($"    {yardstick}");

            var prefix = "bench-" + Guid.NewGuid().ToString("N")[..8] + ":";
            for (var i = 0; i < options.Scanners; i++)
            {
                silos.Add(await RuntimeNode.StartAsync(database.ConnectionString, prefix, siloWorkers: true, s => s.AddGrain(new BenchAlarmGrain())));
            }

            Console.WriteLine("  grain reminders…");
            var product = await FireThroughGrainsAsync(options, table, database.DataSource, silos[0], spread);
            Console.WriteLine($"    {product}");

            var @case = $"{options.Reminders:#,0} due over {Format.Seconds(options.Spread)} · {options.Scanners} scanners";
            table.Add(new ResultRow("reminders", @case, "firing lag p50 / p99",
                $"{Format.Ms(product.P50)} / {Format.Ms(product.P99)}",
                $"{Format.Ms(yardstick.P50)} / {Format.Ms(yardstick.P99)}",
                Format.Ratio(product.P99 / yardstick.P99) + " (p99)",
                "p99 ≤ 1 s", product.Count == options.Reminders && product.P99 <= TargetP99.TotalMilliseconds ? Verdict.Meets : Verdict.Misses));
            table.Add(new ResultRow("reminders", @case, "firing lag max", Format.Ms(product.Max), Format.Ms(yardstick.Max), "–", "–", Verdict.Info));
        }
        finally
        {
            foreach (var silo in silos)
            {
                await silo.StopAsync();
                silo.Dispose();
            }

            await database.DisposeAsync();
        }
    }

    private static async Task<Latencies> FireThroughGrainsAsync(BenchOptions options, ResultTable table, NpgsqlDataSource dataSource, IHost client, TimeSpan spread)
    {
        var runtime = client.Services.GetRequiredService<GrainRuntime>();
        var grain = client.Services.GetRequiredService<BenchAlarmGrain>();

        // Setting n alarms takes n turns; the first comes due only once they are (very likely) all set.
        var lead = TimeSpan.FromSeconds(3 + options.Reminders / 250.0);
        var firstDue = DateTimeOffset.UtcNow + lead;
        var due = Enumerable.Range(0, options.Reminders)
            .ToDictionary(i => "a" + i, i => firstDue + spread * i / options.Reminders);
        var pending = new ConcurrentQueue<KeyValuePair<string, DateTimeOffset>>(due.OrderBy(d => d.Value));
        await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(_ => Task.Run(async () =>
        {
            while (pending.TryDequeue(out var alarm))
            {
                await runtime.SendAsync(grain, new GrainKey(Tenant, alarm.Key), new SetAlarm(alarm.Value), CancellationToken.None);
            }
        })));
        var setBy = DateTimeOffset.UtcNow;
        if (setBy > firstDue)
        {
            table.Note($"reminders: setting the alarms ended {(setBy - firstDue).TotalSeconds:0.0} s after the first was due; early lags include that wait");
        }
        else
        {
            Console.WriteLine($"    all set {(firstDue - setBy).TotalSeconds:0.0} s before the first is due");
        }

        // Wait until every alarm has rung, or long enough that the missing ones count as lost.
        var deadline = firstDue + spread + TimeSpan.FromSeconds(60);
        long rang;
        do
        {
            await Task.Delay(500);
            await using var count = dataSource.CreateCommand("select count(*) from grain_events where grain_type = $1 and event_type = 'AlarmRang'");
            count.Parameters.Add(new() { Value = BenchAlarmGrain.GrainName });
            rang = (long)(await count.ExecuteScalarAsync())!;
        }
        while (rang < options.Reminders && DateTimeOffset.UtcNow < deadline);

        var lags = new Latencies();
        var perKey = new Dictionary<string, int>();
        await using (var read = dataSource.CreateCommand("select grain_key, created_at from grain_events where grain_type = $1 and event_type = 'AlarmRang'"))
        {
            read.Parameters.Add(new() { Value = BenchAlarmGrain.GrainName });
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var key = reader.GetString(0);
                perKey[key] = perKey.GetValueOrDefault(key) + 1;
                lags.Add((reader.GetFieldValue<DateTimeOffset>(1) - due[key]).TotalMilliseconds);
            }
        }

        var missing = options.Reminders - perKey.Count;
        var repeated = perKey.Values.Count(c => c > 1);
        if (missing > 0 || repeated > 0)
        {
            table.Note($"reminders: {missing} never fired within 60 s of the last due time, {repeated} fired more than once");
        }

        return lags;
    }
}
