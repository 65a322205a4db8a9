using System.Text.Json.Serialization;
using Switchboard.Grains.Abstractions;

namespace Switchboard.Benchmarks.GrainTurns;

/// <summary>
/// The smallest useful grain: every command is one event and a new state. What a turn costs
/// with it is the runtime's own cost (lock, state, event, outbox), not a grain's business rules.
/// </summary>
public sealed class BenchCounterGrain : IGrainType<BenchCounterState, BenchCounterCommand, BenchCounterEvent>
{
    public const string GrainName = "bench-counter";

    public string Name => GrainName;

    public BenchCounterState Initial { get; } = new(0);

    public Decision<BenchCounterEvent> Decide(BenchCounterState state, BenchCounterCommand command, DateTimeOffset now) =>
        Decision<BenchCounterEvent>.Accept(new BenchIncremented(state.Count + 1));

    public BenchCounterState Apply(BenchCounterState state, BenchCounterEvent @event) => @event switch
    {
        BenchIncremented i => new BenchCounterState(i.Count),
        _ => state,
    };

    public IReadOnlyList<ReminderSpec> Reminders(BenchCounterState state) => [];

    public BenchCounterCommand OnReminder(ReminderSpec reminder) => throw new InvalidOperationException("The bench counter has no reminders.");
}

public sealed record BenchCounterState(long Count);

[JsonPolymorphic]
[JsonDerivedType(typeof(BenchIncrement), "increment")]
public abstract record BenchCounterCommand;

public sealed record BenchIncrement : BenchCounterCommand
{
    public static BenchIncrement Instance { get; } = new();
}

[JsonPolymorphic]
[JsonDerivedType(typeof(BenchIncremented), "incremented")]
public abstract record BenchCounterEvent;

public sealed record BenchIncremented(long Count) : BenchCounterEvent;
