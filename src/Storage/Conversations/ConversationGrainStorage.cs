using System.Globalization;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Orleans.Storage;
using Switchboard.Grains.Conversations;
using Switchboard.Grains.Json;

namespace Switchboard.Storage.Conversations;

/// <summary>
/// Orleans grain storage for conversation grains, on our own tables. A write commits, in one
/// batch (and with other grains' turns through <see cref="GroupCommit"/>): the state at the next
/// version, checked against the version the grain read; the idempotency key of the command the
/// turn applied; the conversation's earliest due time; and the inbox's rows for the turn's events
/// (<see cref="ConversationRows"/>). The ETag is the version. A stale activation's write fails with
/// <see cref="InconsistentStateException"/>, and Orleans deactivates it; a command applied before
/// writes nothing and marks the turn <see cref="ConversationTurn.AlreadyApplied"/>.
/// </summary>
public sealed class ConversationGrainStorage(NpgsqlDataSource dataSource, GroupCommit commits) : IGrainStorage
{
    /// <summary>The provider name grains ask for in <c>[PersistentState(…, ConversationGrainStorage.Name)]</c>.</summary>
    public const string Name = "conversations";

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var document = Document(grainState);
        var key = Key(grainId);
        await using var command = dataSource.CreateCommand("select version, state::text from conversation_grains where tenant_id = $1 and grain_key = $2");
        command.Parameters.Add(new() { Value = key.TenantId });
        command.Parameters.Add(new() { Value = key.ToString() });
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            document.State = ConversationState.Empty;
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }

        document.State = JsonSerializer.Deserialize<ConversationState>(reader.GetString(1), ContractJson.Options)
            ?? throw new InvalidOperationException($"Conversation {key} has a null state.");
        grainState.ETag = reader.GetInt64(0).ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var document = Document(grainState);
        var turn = document.Turn ?? throw new InvalidOperationException("A conversation is written with the turn that changed it.");
        var key = Key(grainId);
        var expected = grainState.ETag is { } etag ? long.Parse(etag, CultureInfo.InvariantCulture) : 0;
        var statements = new List<NpgsqlBatchCommand> { StateWrite(key, expected, document.State, turn.DueAt) };
        if (turn.IdempotencyKeys.Count > 0)
        {
            statements.Add(KeysConsumed(key, turn.IdempotencyKeys));
        }

        statements.AddRange(ConversationRows.For(key, document.State, turn.Events));
        try
        {
            await commits.CommitAsync(statements);
        }
        catch (PostgresException ex) when (ex.SqlState == ConversationWriteConflicts.VersionConflict)
        {
            throw new InconsistentStateException($"Conversation {key} was written by another activation since version {expected}.", "unknown", grainState.ETag);
        }
        catch (PostgresException ex) when (ex.SqlState == ConversationWriteConflicts.DuplicateCommand)
        {
            document.Turn = turn with { AlreadyApplied = true };
            return;
        }

        grainState.ETag = (expected + 1).ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
        document.Turn = null;
    }

    /// <summary>Conversations are never cleared through Orleans: history goes by the tenant's retention.</summary>
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        throw new NotSupportedException("Conversation state is not cleared by its grain.");

    /// <summary>
    /// The state at the next version, only if the stored one is the version the grain read (or
    /// absent, for a new grain); otherwise the batch raises <see cref="ConversationWriteConflicts.VersionConflict"/>.
    /// </summary>
    private static NpgsqlBatchCommand StateWrite(ConversationKey key, long expected, ConversationState state, DateTimeOffset? dueAt) => new(
        expected == 0
            ? $"""
              with written as (
                  insert into conversation_grains (tenant_id, grain_key, version, state, due_at) values ($1, $2, $3 + 1, $4, $5)
                  on conflict do nothing
                  returning 1)
              select expect_rows((select count(*) from written), 1, '{ConversationWriteConflicts.VersionConflict}', 'the conversation exists already')
              """
            : $"""
              with written as (
                  update conversation_grains set version = $3 + 1, state = $4, due_at = $5, updated_at = now()
                  where tenant_id = $1 and grain_key = $2 and version = $3
                  returning 1)
              select expect_rows((select count(*) from written), 1, '{ConversationWriteConflicts.VersionConflict}', 'the conversation moved on')
              """)
    {
        Parameters =
        {
            new() { Value = key.TenantId },
            new() { Value = key.ToString() },
            new() { Value = expected },
            new() { Value = JsonSerializer.Serialize(state, ContractJson.Options), NpgsqlDbType = NpgsqlDbType.Jsonb },
            new() { Value = dueAt is { } at ? at.ToUniversalTime() : DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz },
        },
    };

    /// <summary>The keys of the applied commands, each once per conversation; a repeat raises <see cref="ConversationWriteConflicts.DuplicateCommand"/>.</summary>
    private static NpgsqlBatchCommand KeysConsumed(ConversationKey key, IReadOnlyList<string> idempotencyKeys) => new(
        $"""
        with recorded as (
            insert into conversation_commands (tenant_id, grain_key, idempotency_key)
            select $1, $2, k from unnest($3::text[]) as k
            on conflict do nothing
            returning 1)
        select expect_rows((select count(*) from recorded), $4, '{ConversationWriteConflicts.DuplicateCommand}', 'a command was applied before')
        """)
    {
        Parameters =
        {
            new() { Value = key.TenantId },
            new() { Value = key.ToString() },
            new() { Value = idempotencyKeys.ToArray() },
            new() { Value = (long)idempotencyKeys.Count },
        },
    };

    private static ConversationKey Key(GrainId grainId) => ConversationKey.Parse(grainId.Key.ToString()!);

    private static ConversationDocument Document<T>(IGrainState<T> grainState) =>
        grainState.State as ConversationDocument
        ?? throw new InvalidOperationException($"{nameof(ConversationGrainStorage)} stores {nameof(ConversationDocument)} only, not {typeof(T).Name}.");
}
