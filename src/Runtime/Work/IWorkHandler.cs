namespace Switchboard.Runtime.Work;

/// <summary>
/// Performs one kind of side effect. Delivery is at least once: the same item can arrive
/// again after a crash or a lapsed lease, so a handler dedupes by <see cref="WorkItem.Event"/>'s id
/// (or makes the effect idempotent). Throwing counts as a retryable failure.
/// </summary>
public interface IWorkHandler
{
    /// <summary>The name routes use (see <see cref="SideEffectRoute"/>).</summary>
    string Name { get; }

    /// <summary>
    /// When true, a grain's items run one at a time in commit order: the next waits until
    /// the previous is done or dead (a conversation's messages leave in the order queued).
    /// </summary>
    bool InOrderPerGrain => false;

    Task<WorkResult> HandleAsync(WorkItem item, CancellationToken cancellationToken);
}
