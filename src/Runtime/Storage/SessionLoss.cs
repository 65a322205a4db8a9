using System.Net.Sockets;
using Npgsql;

namespace Switchboard.Runtime.Storage;

/// <summary>
/// Npgsql hands out pooled connections without checking them (a round trip per checkout
/// would cost every query), so after the database cuts its sessions — a restart, a
/// failover, <c>pg_terminate_backend</c> — each idle pooled connection would fail once in
/// turn. The first such failure clears the pool, so the next caller opens a fresh session.
/// </summary>
public sealed class SessionLoss(NpgsqlDataSource dataSource)
{
    /// <summary>Whether the exception says the session itself is gone, not just this statement.</summary>
    public static bool IsSessionLoss(Exception exception) => exception switch
    {
        // admin_shutdown, crash_shutdown, cannot_connect_now
        PostgresException postgres => postgres.SqlState is "57P01" or "57P02" or "57P03",
        NpgsqlException { InnerException: IOException or SocketException or EndOfStreamException } => true,
        _ => exception.InnerException is { } inner && IsSessionLoss(inner),
    };

    /// <returns>Whether the pool was cleared.</returns>
    public bool ClearPoolIfLost(Exception exception)
    {
        if (!IsSessionLoss(exception))
        {
            return false;
        }

        dataSource.Clear();
        return true;
    }
}
