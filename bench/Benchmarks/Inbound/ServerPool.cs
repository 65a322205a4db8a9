using Npgsql;
using Switchboard.Testing;

namespace Switchboard.Benchmarks.Inbound;

/// <summary>
/// The connection string every server process of the inbound benchmark gets, product and
/// yardstick alike. The pool is capped so that four product processes and the yardstick stay
/// under the server's max_connections (400, scripts/servers.sh) even when overloaded: the
/// product opens connections with no bound but its pool's, and an exhausted server refuses them.
/// </summary>
public static class ServerPool
{
    public const int MaxPoolSize = 50;

    /// <summary>Extra connection-string settings for every server process (--pg-options), to try a configuration.</summary>
    public static string Extra { get; set; } = "";

    public static string ConnectionString(PostgresDatabase database) =>
        new NpgsqlConnectionStringBuilder(database.ConnectionString + (Extra.Length > 0 ? ";" + Extra : "")) { MaxPoolSize = MaxPoolSize }.ConnectionString;
}
