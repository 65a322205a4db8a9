using Npgsql;
using Switchboard.Benchmarks.Reporting;

namespace Switchboard.Benchmarks.Inbound;

/// <summary>
/// Where the product's latency goes, from its own rows: the webhook received by the Api (the
/// message row's created_at, the Api's clock when the POST arrived), the grain turn that recorded it
/// (the row's updated_at, its transaction's now()), and the screen. Same machine, so the clocks agree.
/// </summary>
public static class ProductStages
{
    public static async Task<string> DescribeAsync(NpgsqlDataSource database, int run, int fromSequence, SendLog log, Receiver.Arrivals arrivals)
    {
        var stored = await TimesAsync(database,
            """
            select (m[2])::int, extract(epoch from created_at) * 1000
            from (select regexp_match(provider_message_id, '^wamid\.bench(\d+)x(\d+)$') as m, created_at from messages where direction = 'inbound') r
            where m[1] = $1
            """, run);
        var turned = await TimesAsync(database,
            """
            select (m[2])::int, extract(epoch from updated_at) * 1000
            from (select regexp_match(provider_message_id, '^wamid\.bench(\d+)x(\d+)$') as m, updated_at from messages where direction = 'inbound') r
            where m[1] = $1
            """, run);

        var intake = new Latencies();
        var toTurn = new Latencies();
        var toScreen = new Latencies();
        for (var seq = fromSequence; seq < log.Total; seq++)
        {
            if (!stored.TryGetValue(seq, out var storedAt) || !turned.TryGetValue(seq, out var turnAt) || !arrivals.TryGet(seq, out var latency))
            {
                continue;
            }

            intake.Add(storedAt - log.IntendedUnixMs[seq]);
            toTurn.Add(turnAt - storedAt);
            toScreen.Add(log.IntendedUnixMs[seq] + latency - turnAt);
        }

        return $"send→received {Format.Ms(intake.P50)} / {Format.Ms(intake.P99)}, received→turn {Format.Ms(toTurn.P50)} / {Format.Ms(toTurn.P99)}, "
            + $"turn→screen {Format.Ms(toScreen.P50)} / {Format.Ms(toScreen.P99)} (p50 / p99)";
    }

    private static async Task<Dictionary<int, double>> TimesAsync(NpgsqlDataSource database, string sql, int run)
    {
        await using var command = database.CreateCommand(sql);
        command.Parameters.Add(new() { Value = run.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var times = new Dictionary<int, double>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            times[reader.GetInt32(0)] = (double)reader.GetDecimal(1);
        }

        return times;
    }
}
