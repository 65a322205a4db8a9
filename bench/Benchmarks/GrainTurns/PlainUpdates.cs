using Npgsql;

namespace Switchboard.Benchmarks.GrainTurns;

/// <summary>
/// The yardstick of a grain turn: a plain single-row <c>UPDATE … SET n = n + 1</c>, one
/// transaction per statement (autocommit, default durability), on the same server, through a
/// pool built from the same connection string the nodes use. No turn can be cheaper than the
/// one commit it must make, so turns/s ÷ updates/s says what the runtime adds around it.
/// </summary>
public sealed class PlainUpdates(IReadOnlyList<NpgsqlDataSource> pools)
{
    public static async Task CreateTableAsync(NpgsqlDataSource dataSource, int keys)
    {
        await using var create = dataSource.CreateCommand(
            """
            create table if not exists bench_counters (id integer primary key, n bigint not null default 0);
            truncate bench_counters;
            """);
        await create.ExecuteNonQueryAsync();
        await using var fill = dataSource.CreateCommand("insert into bench_counters (id) select g from generate_series(0, $1 - 1) g");
        fill.Parameters.Add(new() { Value = keys });
        await fill.ExecuteNonQueryAsync();
    }

    /// <summary>Caller i uses pool i mod pools, as caller i of the product uses node i mod nodes.</summary>
    public async Task IncrementAsync(int caller, int key)
    {
        await using var update = pools[caller % pools.Count].CreateCommand("update bench_counters set n = n + 1 where id = $1");
        update.Parameters.Add(new() { Value = key });
        await update.ExecuteNonQueryAsync();
    }
}
