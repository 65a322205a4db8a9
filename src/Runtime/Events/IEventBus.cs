namespace Switchboard.Runtime.Events;

/// <summary>
/// Fan-out of committed events to every node (the Api nodes relay them to agents' screens).
/// Delivery is best effort and at least once; receivers dedupe by event id or sequence
/// and re-sync from PostgreSQL when they see a gap, so the bus never has to be durable.
/// </summary>
public interface IEventBus
{
    Task PublishAsync(EventEnvelope envelope, CancellationToken cancellationToken);

    /// <summary>
    /// Receives every tenant's events until the returned handle is disposed; one grain's events
    /// reach <paramref name="onEvent"/> one at a time, in the order they were published.
    /// </summary>
    Task<IAsyncDisposable> SubscribeAsync(Func<EventEnvelope, Task> onEvent, CancellationToken cancellationToken);
}
