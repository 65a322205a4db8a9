using Npgsql;

namespace Switchboard.Yardstick;

/// <summary>The one table: a row per inbound message, written with one autocommitted INSERT.</summary>
public static class InboundMessages
{
    public static async Task CreateTableAsync(NpgsqlDataSource dataSource)
    {
        await using var create = dataSource.CreateCommand(
            """
            create table if not exists yardstick_messages (
                id          bigint generated always as identity primary key,
                wamid       text        not null,
                wa_id       text        not null,
                body        text        not null,
                received_at timestamptz not null default now()
            )
            """);
        await create.ExecuteNonQueryAsync();
    }

    public static async Task InsertAsync(NpgsqlDataSource dataSource, string wamid, string waId, string body, CancellationToken cancellationToken)
    {
        await using var insert = dataSource.CreateCommand("insert into yardstick_messages (wamid, wa_id, body) values ($1, $2, $3)");
        insert.Parameters.Add(new() { Value = wamid });
        insert.Parameters.Add(new() { Value = waId });
        insert.Parameters.Add(new() { Value = body });
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }
}
