namespace Switchboard.Grains.Timers;

/// <summary>
/// One of a few sweepers (keyed 0…n−1) that drain the due-time index: every conversation whose
/// earliest timer has come due (database time) in this sweeper's share of keys is woken. Kept
/// alive by a reminder and by every silo's periodic <see cref="KeepAlive"/>, so when its silo dies
/// another silo hosts it again as soon as the cluster has noticed.
/// </summary>
public interface IDueTimeSweeperGrain : IGrainWithIntegerKey
{
    /// <summary>Activates the sweeper if it is not running; cheap when it is.</summary>
    Task KeepAlive();
}
