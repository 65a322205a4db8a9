using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Switchboard.Grains.Json;
using Switchboard.Runtime.Events;

namespace Switchboard.Runtime.Work;

/// <summary>
/// Runs on every silo: claims ready work rows with SKIP LOCKED and a lease, runs their
/// handlers, and records the outcome fenced by the attempt number — a worker that stalled
/// past its lease finds its late write affects nothing. Woken by NOTIFY from the turn that
/// wrote the row; polls as a fallback.
/// </summary>
public sealed partial class WorkDispatcher(
    NpgsqlDataSource dataSource,
    IEnumerable<IWorkHandler> handlers,
    TimeProvider time,
    IOptions<WorkOptions> options,
    ILogger<WorkDispatcher> logger) : BackgroundService
{
    private const string WorkChannel = "switchboard_work";

    private readonly Dictionary<string, IWorkHandler> handlersByName = handlers.ToDictionary(h => h.Name);
    private readonly SemaphoreSlim wake = new(0, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (handlersByName.Count == 0)
        {
            return;
        }

        var listening = ListenAsync(stoppingToken);
        var slots = new SemaphoreSlim(options.Value.MaxConcurrency, options.Value.MaxConcurrency);
        var running = new List<Task>();
        while (!stoppingToken.IsCancellationRequested)
        {
            running.RemoveAll(t => t.IsCompleted);
            var free = Math.Min(slots.CurrentCount, options.Value.BatchSize);
            IReadOnlyList<WorkItem> claimed = [];
            if (free > 0)
            {
                try
                {
                    claimed = await ClaimAsync(free, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogClaimFailed(logger, ex);
                }
            }

            foreach (var item in claimed)
            {
                await slots.WaitAsync(stoppingToken);
                running.Add(RunAsync(item, slots, stoppingToken));
            }

            if (claimed.Count < free || free == 0)
            {
                await WaitForWorkAsync(stoppingToken);
            }
        }

        await Task.WhenAll(running);
        await listening;
    }

    /// <summary>Claims and runs one batch to completion; for tests and tools.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var claimed = await ClaimAsync(options.Value.BatchSize, cancellationToken);
        using var slots = new SemaphoreSlim(claimed.Count == 0 ? 1 : claimed.Count);
        await Task.WhenAll(claimed.Select(item => RunAsync(item, slots, cancellationToken)));
        return claimed.Count;
    }

    private async Task RunAsync(WorkItem item, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        try
        {
            WorkResult result;
            try
            {
                result = await handlersByName[item.Handler].HandleAsync(item, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogHandlerThrew(logger, item.Handler, item.Id, item.Attempt, ex);
                result = WorkResult.RetryAfter(Backoff(item.Attempt), ex.GetType().Name + ": " + ex.Message);
            }

            await RecordAsync(item, result, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The outcome was not recorded; the lease lapses and the item runs again.
            LogRecordFailed(logger, item.Id, ex);
        }
        finally
        {
            slots.Release();

            // A finished item may unblock the next of its grain (in-order handlers) and frees a slot.
            Wake();
        }
    }

    private async Task RecordAsync(WorkItem item, WorkResult result, CancellationToken cancellationToken)
    {
        if (result is WorkResult.Retry retry && item.Attempt >= options.Value.MaxAttempts)
        {
            result = WorkResult.GiveUp($"gave up after {item.Attempt} attempts: {retry.Reason}");
        }

        await using var command = result switch
        {
            WorkResult.Completed => dataSource.CreateCommand("delete from work_items where id = $1 and attempt = $2"),
            WorkResult.Retry => dataSource.CreateCommand(
                "update work_items set due_at = now() + $3, locked_until = null, last_error = $4 where id = $1 and attempt = $2"),
            WorkResult.Dead => dataSource.CreateCommand(
                "update work_items set dead_at = now(), locked_until = null, last_error = $3 where id = $1 and attempt = $2"),
            _ => throw new InvalidOperationException($"Unknown work result {result}"),
        };
        command.Parameters.Add(new() { Value = item.Id });
        command.Parameters.Add(new() { Value = item.Attempt });
        switch (result)
        {
            case WorkResult.Retry r:
                command.Parameters.Add(new() { Value = r.Delay });
                command.Parameters.Add(new() { Value = r.Reason });
                break;
            case WorkResult.Dead d:
                command.Parameters.Add(new() { Value = d.Reason });
                LogDead(logger, item.Handler, item.Id, d.Reason);
                break;
        }

        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            LogFenced(logger, item.Handler, item.Id, item.Attempt);
        }
    }

    private async Task<IReadOnlyList<WorkItem>> ClaimAsync(int count, CancellationToken cancellationToken)
    {
        await using var claim = dataSource.CreateCommand(
            """
            update work_items w set locked_until = now() + $1, attempt = w.attempt + 1
            from (
                select id from work_items
                where dead_at is null and due_at <= now()
                  and (locked_until is null or locked_until < now())
                  and (handler = any($2)
                       or (handler = any($4) and not exists (
                            select 1 from work_items earlier
                            where earlier.handler = work_items.handler and earlier.tenant_id = work_items.tenant_id
                              and earlier.grain_type = work_items.grain_type and earlier.grain_key = work_items.grain_key
                              and earlier.id < work_items.id and earlier.dead_at is null)))
                order by due_at, id
                limit $3
                for update skip locked
            ) ready
            where w.id = ready.id
            returning w.id, w.handler, w.attempt, w.payload::text
            """);
        claim.Parameters.Add(new() { Value = options.Value.Lease });
        claim.Parameters.Add(new() { Value = handlersByName.Values.Where(h => !h.InOrderPerGrain).Select(h => h.Name).ToArray() });
        claim.Parameters.Add(new() { Value = count });
        claim.Parameters.Add(new() { Value = handlersByName.Values.Where(h => h.InOrderPerGrain).Select(h => h.Name).ToArray() });
        var items = new List<WorkItem>();
        await using var reader = await claim.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var envelope = JsonSerializer.Deserialize<EventEnvelope>(reader.GetString(3), ContractJson.Options)!;
            items.Add(new WorkItem(reader.GetInt64(0), reader.GetString(1), reader.GetInt32(2), envelope));
        }

        return items.OrderBy(i => i.Id).ToList();
    }

    private async Task WaitForWorkAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.PollInterval);
        try
        {
            await wake.WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Poll interval elapsed without a notification.
        }
    }

    private async Task ListenAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
                connection.Notification += (_, _) => Wake();
                await using (var listen = new NpgsqlCommand($"listen {WorkChannel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(cancellationToken);
                }

                Wake();
                while (!cancellationToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(cancellationToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogListenFailed(logger, ex);
                await Task.Delay(options.Value.PollInterval, time, cancellationToken);
            }
        }
    }

    private void Wake()
    {
        if (wake.CurrentCount == 0)
        {
            try
            {
                wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another notification woke the loop first; one wake-up is enough.
            }
        }
    }

    private TimeSpan Backoff(int attempt)
    {
        var seconds = Math.Min(Math.Pow(2, Math.Max(0, attempt - 1)), options.Value.MaxBackoff.TotalSeconds);
        return TimeSpan.FromSeconds(seconds);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Claiming work failed; retrying")]
    private static partial void LogClaimFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handler {Handler} threw on item {Id} (attempt {Attempt})")]
    private static partial void LogHandlerThrew(ILogger logger, string handler, long id, int attempt, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record the outcome of work item {Id}; it will run again")]
    private static partial void LogRecordFailed(ILogger logger, long id, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Work item {Id} for {Handler} moved aside: {Reason}")]
    private static partial void LogDead(ILogger logger, string handler, long id, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outcome of {Handler} item {Id} attempt {Attempt} discarded: a newer attempt owns it")]
    private static partial void LogFenced(ILogger logger, string handler, long id, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for work notifications failed; reconnecting")]
    private static partial void LogListenFailed(ILogger logger, Exception exception);
}
