using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Switchboard.Grains.Conversations;
using Switchboard.Storage.Timers;

namespace Switchboard.Grains.Timers;

/// <summary>
/// Wakes the conversations of its share whose earliest timer has come due, by the database's clock.
/// A grain timer ticks every <see cref="DueTimeSweeperOptions.Interval"/> while the activation lives;
/// a reminder and every silo's keep-alive bring it back after its silo dies. A wake is idempotent
/// (a conversation fires only the timers its state still wants), so a wake sent twice, by a sweeper
/// and its successor during a hand-over, does nothing twice.
/// </summary>
public sealed partial class DueTimeSweeperGrain(
    DueTimeIndex index,
    IOptions<DueTimeSweeperOptions> options,
    TimeProvider clock,
    ILogger<DueTimeSweeperGrain> logger) : Grain, IDueTimeSweeperGrain, IRemindable
{
    private const string KeepAliveReminder = "keep-alive";

    // Grains woken whose due time did not move: not woken again at that due time before the back-off ends.
    private readonly Dictionary<string, (DateTimeOffset DueAt, DateTimeOffset NotBefore)> stillDue = new(StringComparer.Ordinal);
    private IGrainTimer? ticking;

    public async Task KeepAlive()
    {
        if (ticking is not null)
        {
            return;
        }

        ticking = this.RegisterGrainTimer(SweepAsync, new GrainTimerCreationOptions(TimeSpan.Zero, options.Value.Interval) { KeepAlive = true });
        await this.RegisterOrUpdateReminder(KeepAliveReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        LogStarted(logger, (int)this.GetPrimaryKeyLong());
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => KeepAlive();

    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        var shard = (int)this.GetPrimaryKeyLong();
        DueGrains due;
        try
        {
            due = await index.DueAsync(shard, options.Value.Shards, options.Value.BatchSize, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSweepFailed(logger, shard, ex);
            return;
        }

        var now = clock.GetUtcNow();
        var wakes = due.Grains
            .Where(grain => !(stillDue.TryGetValue(grain.GrainKey, out var previous) && previous.DueAt == grain.DueAt && now < previous.NotBefore))
            .Select(grain => WakeAsync(grain, due.DatabaseNow!.Value))
            .ToList();
        await Task.WhenAll(wakes);

        foreach (var expired in stillDue.Where(entry => entry.Value.NotBefore <= now).Select(entry => entry.Key).ToList())
        {
            stillDue.Remove(expired);
        }
    }

    private async Task WakeAsync(DueGrain grain, DateTimeOffset asOf)
    {
        try
        {
            await GrainFactory.GetGrain<IConversationGrain>(grain.GrainKey).Wake(asOf);
        }
        catch (Exception ex)
        {
            LogWakeFailed(logger, grain.GrainKey, ex);
        }

        // If the wake moved its due time, the next look will not find it at this one.
        stillDue[grain.GrainKey] = (grain.DueAt, clock.GetUtcNow() + options.Value.StillDueBackOff);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Due-time sweeper {Shard} started")]
    private static partial void LogStarted(ILogger logger, int shard);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Due-time sweeper {Shard} could not read the index; trying again")]
    private static partial void LogSweepFailed(ILogger logger, int shard, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Waking {GrainKey} failed; it stays due")]
    private static partial void LogWakeFailed(ILogger logger, string grainKey, Exception exception);
}
