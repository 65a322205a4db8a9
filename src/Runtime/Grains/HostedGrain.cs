using Switchboard.Grains.Abstractions;
using Switchboard.Runtime.Reminders;

namespace Switchboard.Runtime.Grains;

internal sealed class HostedGrain<TState, TCommand, TEvent>(IGrainType<TState, TCommand, TEvent> grain) : IHostedGrain
    where TState : class
    where TCommand : class
    where TEvent : class
{
    public string Name => grain.Name;

    public Task<bool> DeliverReminderAsync(GrainRuntime runtime, ClaimedReminder reminder, CancellationToken cancellationToken) =>
        runtime.DeliverReminderAsync(grain, reminder, cancellationToken);
}
