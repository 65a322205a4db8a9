using Npgsql;
using NpgsqlTypes;

namespace Switchboard.Benchmarks.GrainTurns;

/// <summary>
/// A diagnostic between the two sides: a turn's essential SQL written by hand — lock the row,
/// write the new state and one event, commit — in the runtime's three round trips, without the
/// runtime (no per-key queue, no JSON of a decider, no outbox publishing). Where the product sits
/// between this and the plain UPDATE says whether its cost is the transaction's shape or the code
/// around it.
/// </summary>
public sealed class HandWrittenTurns(IReadOnlyList<NpgsqlDataSource> pools)
{
    public const string GrainType = "bench-hand";

    public async Task TurnAsync(int caller, string tenant, string key)
    {
        await using var connection = await pools[caller % pools.Count].OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        long version;
        await using (var lockRow = new NpgsqlCommand(
            "select version from grain_state where tenant_id = $1 and grain_type = $2 and grain_key = $3 for update", connection, transaction))
        {
            lockRow.Parameters.Add(new() { Value = tenant });
            lockRow.Parameters.Add(new() { Value = GrainType });
            lockRow.Parameters.Add(new() { Value = key });
            version = (long)(await lockRow.ExecuteScalarAsync())!;
        }

        await using (var write = new NpgsqlBatch(connection, transaction))
        {
            var state = new NpgsqlBatchCommand("update grain_state set version = $4, state = $5, updated_at = now() where tenant_id = $1 and grain_type = $2 and grain_key = $3");
            var append = new NpgsqlBatchCommand(
                "insert into grain_events (tenant_id, grain_type, grain_key, sequence, event_id, event_type, payload) values ($1, $2, $3, $4, $6, 'Incremented', $5)");
            foreach (var command in new[] { state, append })
            {
                command.Parameters.Add(new() { Value = tenant });
                command.Parameters.Add(new() { Value = GrainType });
                command.Parameters.Add(new() { Value = key });
                command.Parameters.Add(new() { Value = version + 1 });
                command.Parameters.Add(new() { Value = $$"""{"count":{{version + 1}}}""", NpgsqlDbType = NpgsqlDbType.Jsonb });
                write.BatchCommands.Add(command);
            }

            append.Parameters.Add(new() { Value = Guid.CreateVersion7() });
            await write.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }
}
