namespace Switchboard.Grains.Abstractions;

/// <summary>
/// The rules of a grain as a pure decider. The grain shell loads the state, calls
/// <see cref="Decide"/> with the command and the current time, applies the
/// returned events with <see cref="Apply"/> and commits it all in one transaction.
/// Implementations do no I/O and read no clock: that keeps the rules property-testable.
/// </summary>
public interface IDecider<TState, in TCommand, TEvent>
    where TState : class
{
    /// <summary>The state of a grain that has never handled a command.</summary>
    TState Initial { get; }

    Decision<TEvent> Decide(TState state, TCommand command, DateTimeOffset now);

    TState Apply(TState state, TEvent @event);
}
