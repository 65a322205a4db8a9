using Switchboard.Runtime.Reminders;

namespace Switchboard.Runtime.Grains;

/// <summary>A grain type the runtime knows by name, so a reminder row can find its grain.</summary>
public interface IHostedGrain
{
    string Name { get; }

    /// <returns>False when the claim was stale (another claimer or a later turn took over).</returns>
    Task<bool> DeliverReminderAsync(GrainRuntime runtime, ClaimedReminder reminder, CancellationToken cancellationToken);
}
