using Switchboard.Grains.Abstractions;

namespace Switchboard.Runtime.Grains;

/// <summary>A typed handle on one grain: <c>runtime.Get(conversations, key).SendAsync(command, ct)</c>.</summary>
public readonly struct GrainReference<TState, TCommand, TEvent>(
    GrainRuntime runtime,
    IGrainType<TState, TCommand, TEvent> grainType,
    GrainKey key)
    where TState : class
    where TCommand : class
    where TEvent : class
{
    public GrainKey Key => key;

    public Task<TurnOutcome<TState, TEvent>> SendAsync(TCommand command, CancellationToken cancellationToken) =>
        runtime.SendAsync(grainType, key, command, cancellationToken);

    public Task<GrainSnapshot<TState>> ReadAsync(CancellationToken cancellationToken) =>
        runtime.ReadAsync(grainType, key, cancellationToken);
}
