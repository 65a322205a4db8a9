using Npgsql;

namespace Switchboard.Benchmarks.Inbound;

/// <summary>
/// CPU time of the PostgreSQL backends serving one database, read from /proc (the server runs
/// on this machine). Each side of a comparison has its own database, so this splits the
/// database's work between product and yardstick, which a machine-wide figure could not.
/// </summary>
public sealed class PostgresCpu(NpgsqlDataSource admin, string database)
{
    private static readonly double TickMs = 1000.0 / 100; // USER_HZ is 100 on Linux.

    public async Task<Dictionary<int, long>> SnapshotAsync()
    {
        await using var query = admin.CreateCommand("select pid from pg_stat_activity where datname = $1");
        query.Parameters.Add(new() { Value = database });
        var ticks = new Dictionary<int, long>();
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var pid = reader.GetInt32(0);
            if (Ticks(pid) is { } t)
            {
                ticks[pid] = t;
            }
        }

        return ticks;
    }

    /// <returns>Milliseconds of CPU the backends used between the two snapshots.</returns>
    public static double Between(Dictionary<int, long> before, Dictionary<int, long> after) =>
        after.Sum(a => a.Value - before.GetValueOrDefault(a.Key)) * TickMs;

    private static long? Ticks(int pid)
    {
        try
        {
            // Fields after the command name (which may hold spaces) start at field 3; utime and stime are 14 and 15.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
