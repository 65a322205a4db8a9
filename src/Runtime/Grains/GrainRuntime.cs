using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using Switchboard.Grains.Abstractions;
using Switchboard.Grains.Json;
using Switchboard.Runtime.Events;
using Switchboard.Runtime.Outbox;
using Switchboard.Runtime.Reminders;
using Switchboard.Runtime.Work;

namespace Switchboard.Runtime.Grains;

/// <summary>
/// Hosts grains on PostgreSQL. A turn is one transaction:
/// lock the grain's row, decide, apply, write the state with its new version, append
/// the events (the outbox), write the side-effect work rows, bring the stored reminders
/// in line with the new state, and run the grain's inline projections. After commit the
/// events go to the event bus. Two nodes sending to one grain are serialised by the row
/// lock; within a node a per-key queue keeps turns from queueing on that lock.
/// </summary>
public sealed partial class GrainRuntime(
    NpgsqlDataSource dataSource,
    TimeProvider time,
    SideEffectRoutes routes,
    OutboxPublisher outbox,
    IServiceProvider services,
    ILogger<GrainRuntime> logger)
{
    private const string WorkChannel = "switchboard_work";

    private readonly KeyedTurnQueue queue = new();

    public GrainReference<TState, TCommand, TEvent> Get<TState, TCommand, TEvent>(
        IGrainType<TState, TCommand, TEvent> grainType, GrainKey key)
        where TState : class
        where TCommand : class
        where TEvent : class => new(this, grainType, key);

    public Task<TurnOutcome<TState, TEvent>> SendAsync<TState, TCommand, TEvent>(
        IGrainType<TState, TCommand, TEvent> grainType, GrainKey key, TCommand command, CancellationToken cancellationToken)
        where TState : class
        where TCommand : class
        where TEvent : class => SendAsync(grainType, key, command, expectedVersion: null, cancellationToken);

    /// <summary>
    /// Runs the command only if the grain is still at <paramref name="expectedVersion"/> (when
    /// given): an edit made from a stale view is rejected with <c>stale_version</c> and changes nothing.
    /// </summary>
    public async Task<TurnOutcome<TState, TEvent>> SendAsync<TState, TCommand, TEvent>(
        IGrainType<TState, TCommand, TEvent> grainType, GrainKey key, TCommand command, long? expectedVersion, CancellationToken cancellationToken)
        where TState : class
        where TCommand : class
        where TEvent : class
    {
        var outcome = await queue.RunAsync(grainType.Name, key, () => RunTurnAsync(grainType, key, command, null, expectedVersion, cancellationToken), cancellationToken);
        return outcome!;
    }

    public async Task<GrainSnapshot<TState>> ReadAsync<TState, TCommand, TEvent>(
        IGrainType<TState, TCommand, TEvent> grainType, GrainKey key, CancellationToken cancellationToken)
        where TState : class
        where TCommand : class
        where TEvent : class
    {
        await using var command = dataSource.CreateCommand(
            "select version, state from grain_state where tenant_id = $1 and grain_type = $2 and grain_key = $3");
        command.Parameters.Add(new() { Value = key.TenantId });
        command.Parameters.Add(new() { Value = grainType.Name });
        command.Parameters.Add(new() { Value = key.Id });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken) || reader.IsDBNull(1))
        {
            return new GrainSnapshot<TState>(grainType.Initial, 0);
        }

        return new GrainSnapshot<TState>(Deserialize<TState>(reader.GetString(1)), reader.GetInt64(0));
    }

    /// <returns>False when the claim was stale: the reminder was re-scheduled or re-claimed meanwhile.</returns>
    internal async Task<bool> DeliverReminderAsync<TState, TCommand, TEvent>(
        IGrainType<TState, TCommand, TEvent> grainType, ClaimedReminder reminder, CancellationToken cancellationToken)
        where TState : class
        where TCommand : class
        where TEvent : class
    {
        var command = grainType.OnReminder(new ReminderSpec(reminder.Name, reminder.DueAt));
        var outcome = await queue.RunAsync(grainType.Name, reminder.Key, () => RunTurnAsync(grainType, reminder.Key, command, reminder, expectedVersion: null, cancellationToken), cancellationToken);
        return outcome is not null;
    }

    private async Task<TurnOutcome<TState, TEvent>?> RunTurnAsync<TState, TCommand, TEvent>(
        IGrainType<TState, TCommand, TEvent> grainType,
        GrainKey key,
        TCommand command,
        ClaimedReminder? reminder,
        long? expectedVersion,
        CancellationToken cancellationToken)
        where TState : class
        where TCommand : class
        where TEvent : class
    {
        var idempotencyKey = (command as IIdempotentCommand)?.IdempotencyKey;

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        var locked = await LockAsync(connection, grainType.Name, key, idempotencyKey, reminder, cancellationToken);
        var state = locked.StateJson is null ? grainType.Initial : Deserialize<TState>(locked.StateJson);

        if (reminder is not null && !locked.ReminderStillClaimed)
        {
            LogStaleReminder(logger, grainType.Name, key.ToString(), reminder.Name, reminder.Attempt);
            return null;
        }

        if (idempotencyKey is not null && !locked.FirstTimeForKey)
        {
            return new TurnOutcome<TState, TEvent>(state, locked.Version, [], null, Duplicate: true);
        }

        if (expectedVersion is { } expected && expected != locked.Version)
        {
            return new TurnOutcome<TState, TEvent>(
                state, locked.Version, [], StaleVersion(expected, locked.Version), Duplicate: false);
        }

        var decision = grainType.Decide(state, command, time.GetUtcNow());
        if (decision.IsRejected)
        {
            return new TurnOutcome<TState, TEvent>(state, locked.Version, [], decision.Rejection, Duplicate: false);
        }

        var newState = state;
        var committed = new List<CommittedEvent<TEvent>>(decision.Events.Count);
        foreach (var @event in decision.Events)
        {
            newState = grainType.Apply(newState, @event);
            committed.Add(new CommittedEvent<TEvent>(Guid.CreateVersion7(), locked.Version + committed.Count + 1, @event));
        }

        var remindersChanged = reminder is not null || !SameReminders(grainType.Reminders(state), grainType.Reminders(newState));
        if (committed.Count == 0 && !remindersChanged)
        {
            // Nothing to record; rolling back also forgets the idempotency key, which is
            // right: a command that changed nothing may as well run again.
            return new TurnOutcome<TState, TEvent>(state, locked.Version, [], null, Duplicate: false);
        }

        var envelopes = committed
            .Select(c => new EventEnvelope(
                c.EventId, key.TenantId, grainType.Name, key.Id, c.Sequence, c.Event.GetType().Name, locked.DatabaseNow,
                JsonSerializer.SerializeToElement(c.Event, ContractJson.Options)))
            .ToList();

        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            var newVersion = locked.Version + committed.Count;
            var hasWork = false;
            if (committed.Count > 0)
            {
                AddStateAndEvents(batch, grainType.Name, key, newVersion, Serialize(newState), envelopes);
                hasWork = AddWorkItems(batch, grainType.Name, key, envelopes);
            }

            if (remindersChanged)
            {
                AddReminderSync(batch, grainType.Name, key, grainType.Reminders(newState));
            }

            foreach (var projection in services.GetServices<IGrainProjection<TState, TEvent>>())
            {
                projection.Project(batch, key, newState, committed);
            }

            if (hasWork)
            {
                batch.BatchCommands.Add(new NpgsqlBatchCommand($"select pg_notify('{WorkChannel}', '')"));
            }

            await batch.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        outbox.Enqueue(envelopes);
        return new TurnOutcome<TState, TEvent>(newState, locked.Version + committed.Count, committed, null, Duplicate: false);
    }

    /// <summary>
    /// First round trip: lock the grain row, and in the same batch record the idempotency
    /// key and consume the claimed reminder (fenced by its attempt number). A grain seen
    /// for the first time gets its row inserted, then locked, so there is always a row to lock.
    /// </summary>
    private static async Task<LockedGrain> LockAsync(
        NpgsqlConnection connection, string grainType, GrainKey key, string? idempotencyKey, ClaimedReminder? reminder, CancellationToken cancellationToken)
    {
        var first = await LockBatchAsync(connection, grainType, key, idempotencyKey, reminder, cancellationToken);
        if (first.Grain is null)
        {
            await using var insert = new NpgsqlCommand(
                """
                insert into grain_state (tenant_id, grain_type, grain_key) values ($1, $2, $3)
                on conflict do nothing
                """, connection);
            AddKey(insert.Parameters, grainType, key);
            await insert.ExecuteNonQueryAsync(cancellationToken);

            // The key and the reminder were settled by the first batch; only the lock is missing.
            var second = await LockBatchAsync(connection, grainType, key, null, null, cancellationToken);
            first = first with { Grain = second.Grain ?? throw new InvalidOperationException($"Grain row {grainType} {key} vanished while being created.") };
        }

        return first.Grain with { FirstTimeForKey = first.FirstTimeForKey, ReminderStillClaimed = first.ReminderStillClaimed };
    }

    private static async Task<LockBatchResult> LockBatchAsync(
        NpgsqlConnection connection, string grainType, GrainKey key, string? idempotencyKey, ClaimedReminder? reminder, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection);
        var select = new NpgsqlBatchCommand(
            """
            select version, state, now() from grain_state
            where tenant_id = $1 and grain_type = $2 and grain_key = $3
            for update
            """);
        AddKey(select.Parameters, grainType, key);
        batch.BatchCommands.Add(select);

        if (idempotencyKey is not null)
        {
            var record = new NpgsqlBatchCommand(
                """
                insert into processed_commands (tenant_id, grain_type, grain_key, idempotency_key) values ($1, $2, $3, $4)
                on conflict do nothing
                returning 1
                """);
            AddKey(record.Parameters, grainType, key);
            record.Parameters.Add(new() { Value = idempotencyKey });
            batch.BatchCommands.Add(record);
        }

        if (reminder is not null)
        {
            var consume = new NpgsqlBatchCommand(
                """
                delete from reminders
                where tenant_id = $1 and grain_type = $2 and grain_key = $3 and name = $4 and attempt = $5
                returning 1
                """);
            AddKey(consume.Parameters, grainType, key);
            consume.Parameters.Add(new() { Value = reminder.Name });
            consume.Parameters.Add(new() { Value = reminder.Attempt });
            batch.BatchCommands.Add(consume);
        }

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        LockedGrain? grain = null;
        if (await reader.ReadAsync(cancellationToken))
        {
            grain = new LockedGrain(
                reader.GetInt64(0),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.GetFieldValue<DateTimeOffset>(2),
                FirstTimeForKey: true,
                ReminderStillClaimed: true);
        }

        var firstTimeForKey = true;
        if (idempotencyKey is not null)
        {
            await reader.NextResultAsync(cancellationToken);
            firstTimeForKey = await reader.ReadAsync(cancellationToken);
        }

        var reminderStillClaimed = true;
        if (reminder is not null)
        {
            await reader.NextResultAsync(cancellationToken);
            reminderStillClaimed = await reader.ReadAsync(cancellationToken);
        }

        return new LockBatchResult(grain, firstTimeForKey, reminderStillClaimed);
    }

    private static void AddStateAndEvents(NpgsqlBatch batch, string grainType, GrainKey key, long newVersion, string stateJson, List<EventEnvelope> envelopes)
    {
        var update = new NpgsqlBatchCommand(
            """
            update grain_state set version = $4, state = $5, updated_at = now()
            where tenant_id = $1 and grain_type = $2 and grain_key = $3
            """);
        AddKey(update.Parameters, grainType, key);
        update.Parameters.Add(new() { Value = newVersion });
        update.Parameters.Add(new() { Value = stateJson, NpgsqlDbType = NpgsqlDbType.Jsonb });
        batch.BatchCommands.Add(update);

        var append = new NpgsqlBatchCommand(
            """
            insert into grain_events (tenant_id, grain_type, grain_key, sequence, event_id, event_type, payload)
            select $1, $2, $3, e.sequence, e.event_id, e.event_type, e.payload::jsonb
            from unnest($4::bigint[], $5::uuid[], $6::text[], $7::text[]) as e(sequence, event_id, event_type, payload)
            """);
        AddKey(append.Parameters, grainType, key);
        append.Parameters.Add(new() { Value = envelopes.Select(e => e.Sequence).ToArray() });
        append.Parameters.Add(new() { Value = envelopes.Select(e => e.EventId).ToArray() });
        append.Parameters.Add(new() { Value = envelopes.Select(e => e.Type).ToArray() });
        append.Parameters.Add(new() { Value = envelopes.Select(e => e.Payload.GetRawText()).ToArray() });
        batch.BatchCommands.Add(append);
    }

    private bool AddWorkItems(NpgsqlBatch batch, string grainType, GrainKey key, List<EventEnvelope> envelopes)
    {
        var handlers = new List<string>();
        var eventIds = new List<Guid>();
        var payloads = new List<string>();
        foreach (var envelope in envelopes)
        {
            foreach (var handler in routes.HandlersFor(grainType, envelope.Type))
            {
                handlers.Add(handler);
                eventIds.Add(envelope.EventId);
                payloads.Add(JsonSerializer.Serialize(envelope, ContractJson.Options));
            }
        }

        if (handlers.Count == 0)
        {
            return false;
        }

        var insert = new NpgsqlBatchCommand(
            """
            insert into work_items (tenant_id, grain_type, grain_key, handler, event_id, payload)
            select $1, $2, $3, w.handler, w.event_id, w.payload::jsonb
            from unnest($4::text[], $5::uuid[], $6::text[]) as w(handler, event_id, payload)
            on conflict (handler, event_id) do nothing
            """);
        AddKey(insert.Parameters, grainType, key);
        insert.Parameters.Add(new() { Value = handlers.ToArray() });
        insert.Parameters.Add(new() { Value = eventIds.ToArray() });
        insert.Parameters.Add(new() { Value = payloads.ToArray() });
        batch.BatchCommands.Add(insert);
        return true;
    }

    /// <summary>Makes the stored reminders of this grain exactly the wanted set.</summary>
    private static void AddReminderSync(NpgsqlBatch batch, string grainType, GrainKey key, IReadOnlyList<ReminderSpec> wanted)
    {
        var names = wanted.Select(r => r.Name).ToArray();
        var remove = new NpgsqlBatchCommand(
            """
            delete from reminders
            where tenant_id = $1 and grain_type = $2 and grain_key = $3 and not (name = any($4))
            """);
        AddKey(remove.Parameters, grainType, key);
        remove.Parameters.Add(new() { Value = names });
        batch.BatchCommands.Add(remove);

        if (wanted.Count == 0)
        {
            return;
        }

        // A changed due time resets the claim: a claimer holding the old time is now stale.
        var upsert = new NpgsqlBatchCommand(
            """
            insert into reminders (tenant_id, grain_type, grain_key, name, due_at)
            select $1, $2, $3, r.name, r.due_at from unnest($4::text[], $5::timestamptz[]) as r(name, due_at)
            on conflict (tenant_id, grain_type, grain_key, name) do update
                set due_at = excluded.due_at, locked_until = null, attempt = 0
                where reminders.due_at is distinct from excluded.due_at
            """);
        AddKey(upsert.Parameters, grainType, key);
        upsert.Parameters.Add(new() { Value = names });
        upsert.Parameters.Add(new() { Value = wanted.Select(r => r.DueAt.ToUniversalTime()).ToArray() });
        batch.BatchCommands.Add(upsert);
    }

    private static Rejection StaleVersion(long expected, long actual) => new(
        "stale_version",
        $"It changed since you looked (version {actual}, not {expected}); reload and try again.",
        new Dictionary<string, object?> { ["currentVersion"] = actual });

    private static bool SameReminders(IReadOnlyList<ReminderSpec> before, IReadOnlyList<ReminderSpec> after) =>
        before.Count == after.Count && before.All(b => after.Any(a => a.Name == b.Name && a.DueAt == b.DueAt));

    private static void AddKey(NpgsqlParameterCollection parameters, string grainType, GrainKey key)
    {
        parameters.Add(new() { Value = key.TenantId });
        parameters.Add(new() { Value = grainType });
        parameters.Add(new() { Value = key.Id });
    }

    private static string Serialize<T>(T value) => JsonSerializer.Serialize(value, ContractJson.Options);

    private static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, ContractJson.Options) ?? throw new InvalidOperationException($"Stored {typeof(T).Name} is null.");

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder {Name} of {GrainType} {Key} (attempt {Attempt}) was re-scheduled or re-claimed; skipped")]
    private static partial void LogStaleReminder(ILogger logger, string grainType, string key, string name, int attempt);

    private sealed record LockedGrain(long Version, string? StateJson, DateTimeOffset DatabaseNow, bool FirstTimeForKey, bool ReminderStillClaimed);

    private sealed record LockBatchResult(LockedGrain? Grain, bool FirstTimeForKey, bool ReminderStillClaimed);
}
