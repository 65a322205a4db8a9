using Switchboard.Grains.Abstractions;
using Switchboard.Grains.Conversations;

namespace Switchboard.Grains.Tests.Conversations;

/// <summary>
/// Runs a conversation the way the runtime will: decide against the current state, apply each
/// event in order, and deliver due reminders (each (name, due time) once) as time moves on.
/// </summary>
public sealed class ConversationHarness
{
    private readonly ConversationGrain grain = new();
    private readonly HashSet<ReminderSpec> fired = [];
    private readonly List<ConversationEvent> history = [];

    public ConversationHarness(DateTimeOffset? start = null, ConversationState? state = null)
    {
        Now = start ?? Scene.T0;
        State = state ?? grain.Initial;
    }

    public ConversationGrain Grain => grain;

    public ConversationState State { get; private set; }

    public DateTimeOffset Now { get; private set; }

    /// <summary>Every event committed so far, reminders' included.</summary>
    public IReadOnlyList<ConversationEvent> History => history;

    /// <summary>One turn: decide, then apply the events like the runtime does.</summary>
    public Decision<ConversationEvent> When(ConversationCommand command)
    {
        var decision = grain.Decide(State, command, Now);
        Commit(decision);
        return decision;
    }

    /// <summary>Turns that set the scene; each must be accepted.</summary>
    public ConversationHarness Given(params ConversationCommand[] commands)
    {
        foreach (var command in commands)
        {
            var decision = When(command);
            Assert.False(decision.IsRejected, $"Setting the scene, {command} was rejected: {decision.Rejection}");
        }

        return this;
    }

    /// <summary>Moves the clock forward, firing the reminders that come due on the way, earliest first.</summary>
    public IReadOnlyList<ConversationEvent> AdvanceTo(DateTimeOffset until)
    {
        if (until < Now)
        {
            throw new ArgumentOutOfRangeException(nameof(until), "Time does not go backwards.");
        }

        var events = new List<ConversationEvent>();
        while (grain.Reminders(State).Where(reminder => reminder.DueAt <= until && !fired.Contains(reminder)).OrderBy(reminder => reminder.DueAt).FirstOrDefault() is { } due)
        {
            fired.Add(due);
            if (due.DueAt > Now)
            {
                Now = due.DueAt;
            }

            var decision = grain.Decide(State, grain.OnReminder(due), Now);
            Assert.False(decision.IsRejected, $"Reminder {due} was rejected: {decision.Rejection}");
            Commit(decision);
            events.AddRange(decision.Events);
        }

        Now = until;
        return events;
    }

    public IReadOnlyList<ConversationEvent> Advance(TimeSpan by) => AdvanceTo(Now + by);

    private void Commit(Decision<ConversationEvent> decision)
    {
        foreach (var @event in decision.Events)
        {
            State = grain.Apply(State, @event);
            history.Add(@event);
        }
    }
}
