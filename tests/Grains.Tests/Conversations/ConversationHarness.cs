using Switchboard.Grains.Abstractions;
using Switchboard.Grains.Conversations;

namespace Switchboard.Grains.Tests.Conversations;

/// <summary>
/// Runs a conversation the way the grain shell does: decide against the current state, apply each
/// event in order, and deliver due timers (each (name, due time) once) as time moves on.
/// </summary>
public sealed class ConversationHarness
{
    private readonly ConversationDecider rules = new();
    private readonly HashSet<DueTimer> fired = [];
    private readonly List<ConversationEvent> history = [];

    public ConversationHarness(DateTimeOffset? start = null, ConversationState? state = null)
    {
        Now = start ?? Scene.T0;
        State = state ?? rules.Initial;
    }

    public ConversationDecider Rules => rules;

    public ConversationState State { get; private set; }

    public DateTimeOffset Now { get; private set; }

    /// <summary>Every event committed so far, timers' included.</summary>
    public IReadOnlyList<ConversationEvent> History => history;

    /// <summary>One turn: decide, then apply the events like the grain does.</summary>
    public Decision<ConversationEvent> When(ConversationCommand command)
    {
        var decision = rules.Decide(State, command, Now);
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

    /// <summary>Moves the clock forward, firing the timers that come due on the way, earliest first.</summary>
    public IReadOnlyList<ConversationEvent> AdvanceTo(DateTimeOffset until)
    {
        if (until < Now)
        {
            throw new ArgumentOutOfRangeException(nameof(until), "Time does not go backwards.");
        }

        var events = new List<ConversationEvent>();
        while (rules.Timers(State).Where(timer => timer.DueAt <= until && !fired.Contains(timer)).OrderBy(timer => timer.DueAt).FirstOrDefault() is { } due)
        {
            fired.Add(due);
            if (due.DueAt > Now)
            {
                Now = due.DueAt;
            }

            var decision = rules.Decide(State, rules.OnTimer(due), Now);
            Assert.False(decision.IsRejected, $"Timer {due} was rejected: {decision.Rejection}");
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
            State = rules.Apply(State, @event);
            history.Add(@event);
        }
    }
}
