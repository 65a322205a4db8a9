using System.Text.Json.Serialization;
using Switchboard.Grains.Abstractions;

namespace Switchboard.Runtime.Tests;

/// <summary>A grain small enough to make the runtime's guarantees visible in assertions.</summary>
public sealed class CounterGrain : IGrainType<CounterState, CounterCommand, CounterEvent>
{
    public string Name => "counter";

    public CounterState Initial { get; } = new(0, 0, null);

    public Decision<CounterEvent> Decide(CounterState state, CounterCommand command, DateTimeOffset now) => command switch
    {
        Increment => Decision<CounterEvent>.Accept(new Incremented(state.Count + 1)),
        IncrementOnce => Decision<CounterEvent>.Accept(new Incremented(state.Count + 1)),
        ScheduleAlarm alarm => Decision<CounterEvent>.Accept(new AlarmScheduled(alarm.At)),
        Explode => throw new InvalidOperationException("the grain threw"),
        RefuseAlways => new Rejection("refused", "This counter refuses."),
        // No guard against a repeat on purpose: every delivery counts, so tests see the runtime's own guarantee.
        AlarmRang => Decision<CounterEvent>.Accept(new AlarmFired()),
        _ => throw new ArgumentOutOfRangeException(nameof(command)),
    };

    public CounterState Apply(CounterState state, CounterEvent @event) => @event switch
    {
        Incremented i => state with { Count = i.Count },
        AlarmScheduled s => state with { AlarmAt = s.At },
        AlarmFired => state with { AlarmsFired = state.AlarmsFired + 1, AlarmAt = null },
        _ => state,
    };

    public IReadOnlyList<ReminderSpec> Reminders(CounterState state) =>
        state.AlarmAt is { } at ? [new ReminderSpec("alarm", at)] : [];

    public CounterCommand OnReminder(ReminderSpec reminder) => new AlarmRang(reminder.DueAt);
}

public sealed record CounterState(int Count, int AlarmsFired, DateTimeOffset? AlarmAt);

[JsonPolymorphic]
[JsonDerivedType(typeof(Increment), "increment")]
[JsonDerivedType(typeof(IncrementOnce), "incrementOnce")]
[JsonDerivedType(typeof(ScheduleAlarm), "scheduleAlarm")]
[JsonDerivedType(typeof(Explode), "explode")]
[JsonDerivedType(typeof(RefuseAlways), "refuse")]
[JsonDerivedType(typeof(AlarmRang), "alarmRang")]
public abstract record CounterCommand;

public sealed record Increment : CounterCommand;

public sealed record IncrementOnce(string Key) : CounterCommand, IIdempotentCommand
{
    public string? IdempotencyKey => Key;
}

public sealed record ScheduleAlarm(DateTimeOffset At) : CounterCommand;

public sealed record Explode : CounterCommand;

public sealed record RefuseAlways : CounterCommand;

public sealed record AlarmRang(DateTimeOffset DueAt) : CounterCommand;

[JsonPolymorphic]
[JsonDerivedType(typeof(Incremented), "incremented")]
[JsonDerivedType(typeof(AlarmScheduled), "alarmScheduled")]
[JsonDerivedType(typeof(AlarmFired), "alarmFired")]
public abstract record CounterEvent;

public sealed record Incremented(int Count) : CounterEvent;

public sealed record AlarmScheduled(DateTimeOffset At) : CounterEvent;

public sealed record AlarmFired : CounterEvent;
