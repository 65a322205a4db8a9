using System.Text.Json.Serialization;
using Switchboard.Grains.Abstractions;

namespace Switchboard.Benchmarks.Reminders;

/// <summary>
/// A grain with one alarm: <see cref="SetAlarm"/> makes the runtime store a reminder, and the
/// fired reminder becomes an <see cref="AlarmRang"/> event whose row's <c>created_at</c> (the
/// firing turn's database time) against the due time is the firing lag.
/// </summary>
public sealed class BenchAlarmGrain : IGrainType<BenchAlarmState, BenchAlarmCommand, BenchAlarmEvent>
{
    public const string GrainName = "bench-alarm";

    public string Name => GrainName;

    public BenchAlarmState Initial { get; } = new(null);

    public Decision<BenchAlarmEvent> Decide(BenchAlarmState state, BenchAlarmCommand command, DateTimeOffset now) => command switch
    {
        SetAlarm set => Decision<BenchAlarmEvent>.Accept(new AlarmSet(set.At)),
        RingAlarm ring => Decision<BenchAlarmEvent>.Accept(new AlarmRang(ring.DueAt)),
        _ => throw new ArgumentOutOfRangeException(nameof(command)),
    };

    public BenchAlarmState Apply(BenchAlarmState state, BenchAlarmEvent @event) => @event switch
    {
        AlarmSet set => new BenchAlarmState(set.At),
        AlarmRang => new BenchAlarmState(null),
        _ => state,
    };

    public IReadOnlyList<ReminderSpec> Reminders(BenchAlarmState state) =>
        state.At is { } at ? [new ReminderSpec("alarm", at)] : [];

    public BenchAlarmCommand OnReminder(ReminderSpec reminder) => new RingAlarm(reminder.DueAt);
}

public sealed record BenchAlarmState(DateTimeOffset? At);

[JsonPolymorphic]
[JsonDerivedType(typeof(SetAlarm), "set")]
[JsonDerivedType(typeof(RingAlarm), "ring")]
public abstract record BenchAlarmCommand;

public sealed record SetAlarm(DateTimeOffset At) : BenchAlarmCommand;

public sealed record RingAlarm(DateTimeOffset DueAt) : BenchAlarmCommand;

[JsonPolymorphic]
[JsonDerivedType(typeof(AlarmSet), "set")]
[JsonDerivedType(typeof(AlarmRang), "rang")]
public abstract record BenchAlarmEvent;

public sealed record AlarmSet(DateTimeOffset At) : BenchAlarmEvent;

public sealed record AlarmRang(DateTimeOffset DueAt) : BenchAlarmEvent;
