using Npgsql;
using Switchboard.Benchmarks.Reporting;

namespace Switchboard.Benchmarks.Timers;

/// <summary>
/// The yardstick of timer firing: timer rows and pollers that do nothing but take due rows
/// with SKIP LOCKED (deleting them), with the sweepers' interval and batch size. Its lag is
/// what polling the database at that interval costs by itself; the product adds a call to the
/// grain and its turn per timer on top.
/// </summary>
public static class BareTimers
{
    public static async Task<Latencies> RunAsync(NpgsqlDataSource dataSource, int count, TimeSpan spread, int pollers, TimeSpan pollInterval, int batchSize)
    {
        await using (var create = dataSource.CreateCommand(
            """
            create table if not exists bench_timers (id integer primary key, due_at timestamptz not null);
            create index if not exists bench_timers_due on bench_timers (due_at);
            truncate bench_timers;
            """))
        {
            await create.ExecuteNonQueryAsync();
        }

        // Due from one second from now (database clock), evenly over the spread.
        await using (var fill = dataSource.CreateCommand(
            "insert into bench_timers (id, due_at) select g, now() + interval '1 second' + $2 * g / $1 from generate_series(0, $1 - 1) g"))
        {
            fill.Parameters.Add(new() { Value = count });
            fill.Parameters.Add(new() { Value = spread });
            await fill.ExecuteNonQueryAsync();
        }

        var lags = new List<double>();
        var fired = 0;
        using var deadline = new CancellationTokenSource(spread + TimeSpan.FromSeconds(60));
        await Task.WhenAll(Enumerable.Range(0, pollers).Select(poller => Task.Run(async () =>
        {
            // Evenly out of phase, the best case for polling: the floor the product is compared with.
            await Task.Delay(pollInterval * poller / pollers);
            while (Volatile.Read(ref fired) < count && !deadline.IsCancellationRequested)
            {
                var taken = 0;
                await using (var take = dataSource.CreateCommand(
                    """
                    delete from bench_timers where id in (
                        select id from bench_timers where due_at <= now() order by due_at limit $1 for update skip locked)
                    returning extract(epoch from now() - due_at) * 1000
                    """))
                {
                    take.Parameters.Add(new() { Value = batchSize });
                    await using var reader = await take.ExecuteReaderAsync();
                    while (await reader.ReadAsync())
                    {
                        lock (lags)
                        {
                            lags.Add((double)reader.GetDecimal(0));
                        }

                        taken++;
                    }
                }

                Interlocked.Add(ref fired, taken);
                if (taken < batchSize)
                {
                    await Task.Delay(pollInterval);
                }
            }
        })));

        return new Latencies(lags);
    }
}
