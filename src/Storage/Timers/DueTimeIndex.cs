using Npgsql;

namespace Switchboard.Storage.Timers;

/// <summary>
/// The conversation grains whose earliest timer has come due, by the database's clock (so a node's
/// skewed clock neither fires timers early nor holds them back). Each grain's due time is written
/// with its state in every turn; the index covers only grains that have one. Sweepers share the
/// grains by a hash of their key.
/// </summary>
public sealed class DueTimeIndex(NpgsqlDataSource dataSource)
{
    public async Task<DueGrains> DueAsync(int shard, int shards, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            select now(), grain_key, due_at from conversation_grains
            where due_at <= now() and abs(hashtext(grain_key)::bigint) % $2 = $1
            order by due_at
            limit $3
            """);
        command.Parameters.Add(new() { Value = shard });
        command.Parameters.Add(new() { Value = shards });
        command.Parameters.Add(new() { Value = limit });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var due = new List<DueGrain>();
        DateTimeOffset? now = null;
        while (await reader.ReadAsync(cancellationToken))
        {
            now ??= reader.GetFieldValue<DateTimeOffset>(0);
            due.Add(new DueGrain(reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2)));
        }

        return new DueGrains(now, due);
    }
}

/// <summary>The due grains, and the database's time when it said so (null when none were due).</summary>
public sealed record DueGrains(DateTimeOffset? DatabaseNow, IReadOnlyList<DueGrain> Grains);

public sealed record DueGrain(string GrainKey, DateTimeOffset DueAt);
