using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Switchboard.Grains.Abstractions;
using Switchboard.Runtime.Grains;

namespace Switchboard.Runtime.Reminders;

/// <summary>
/// Runs on every silo: claims due reminders with SKIP LOCKED and a lease, and delivers each
/// to its grain as a turn. Due means due by the database clock, so a node with a skewed
/// clock fires nothing early or late. The delivering turn consumes the row fenced by the
/// claim's attempt number, which makes a reminder fire once even when claims overlap.
/// </summary>
public sealed partial class ReminderScanner(
    NpgsqlDataSource dataSource,
    GrainRuntime runtime,
    IEnumerable<IHostedGrain> grains,
    TimeProvider time,
    IOptions<ReminderOptions> options,
    ILogger<ReminderScanner> logger) : BackgroundService
{
    private readonly Dictionary<string, IHostedGrain> grainsByName = grains.ToDictionary(g => g.Name);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var delivered = 0;
            try
            {
                delivered = await ScanOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogScanFailed(logger, ex);
            }

            if (delivered < options.Value.BatchSize)
            {
                await Task.Delay(options.Value.PollInterval, time, stoppingToken);
            }
        }
    }

    /// <returns>How many reminders were claimed.</returns>
    public async Task<int> ScanOnceAsync(CancellationToken cancellationToken)
    {
        var claimed = await ClaimAsync(cancellationToken);
        await Parallel.ForEachAsync(
            claimed,
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.MaxConcurrency, CancellationToken = cancellationToken },
            async (reminder, ct) =>
            {
                if (!grainsByName.TryGetValue(reminder.GrainType, out var grain))
                {
                    LogUnknownGrain(logger, reminder.GrainType, reminder.Name);
                    return;
                }

                try
                {
                    await grain.DeliverReminderAsync(runtime, reminder, ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The claim lapses with its lease and the reminder is delivered again.
                    LogDeliveryFailed(logger, reminder.GrainType, reminder.Key.ToString(), reminder.Name, ex);
                }
            });
        return claimed.Count;
    }

    private async Task<List<ClaimedReminder>> ClaimAsync(CancellationToken cancellationToken)
    {
        await using var claim = dataSource.CreateCommand(
            """
            update reminders r set locked_until = now() + $1, attempt = r.attempt + 1
            from (
                select tenant_id, grain_type, grain_key, name from reminders
                where due_at <= now() and (locked_until is null or locked_until < now())
                order by due_at
                limit $2
                for update skip locked
            ) due
            where r.tenant_id = due.tenant_id and r.grain_type = due.grain_type
              and r.grain_key = due.grain_key and r.name = due.name
            returning r.tenant_id, r.grain_type, r.grain_key, r.name, r.due_at, r.attempt
            """);
        claim.Parameters.Add(new() { Value = options.Value.Lease });
        claim.Parameters.Add(new() { Value = options.Value.BatchSize });
        var claimed = new List<ClaimedReminder>();
        await using var reader = await claim.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(new ClaimedReminder(
                reader.GetString(1),
                new GrainKey(reader.GetString(0), reader.GetString(2)),
                reader.GetString(3),
                reader.GetFieldValue<DateTimeOffset>(4),
                reader.GetInt32(5)));
        }

        return claimed;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder scan failed; retrying")]
    private static partial void LogScanFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "No grain type {GrainType} is hosted here for reminder {Name}")]
    private static partial void LogUnknownGrain(ILogger logger, string grainType, string name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivering reminder {Name} to {GrainType} {Key} failed; it fires again after its lease")]
    private static partial void LogDeliveryFailed(ILogger logger, string grainType, string key, string name, Exception exception);
}
