namespace Switchboard.Grains.Abstractions;

/// <summary>
/// A decider the runtime can host: it has a stable name (stored in every row),
/// says which durable reminders its state wants, and turns a fired reminder into a command.
/// </summary>
public interface IGrainType<TState, TCommand, TEvent> : IDecider<TState, TCommand, TEvent>
    where TState : class
    where TCommand : class
    where TEvent : class
{
    /// <summary>Stable name stored with the grain's rows, e.g. <c>conversation</c>. Never rename.</summary>
    string Name { get; }

    /// <summary>
    /// The reminders this state wants to exist, each at most once by name.
    /// The runtime keeps the stored reminders equal to this set after every turn,
    /// so a grain never schedules or cancels a timer imperatively.
    /// </summary>
    IReadOnlyList<ReminderSpec> Reminders(TState state);

    /// <summary>The command a fired reminder delivers to the grain.</summary>
    TCommand OnReminder(ReminderSpec reminder);
}
