using System.ComponentModel.DataAnnotations;

namespace Switchboard.Grains.Timers;

public sealed class DueTimeSweeperOptions
{
    public const string Section = "Timers:Sweepers";

    /// <summary>How many sweepers share the conversations; every silo must agree.</summary>
    [Range(1, 64)]
    public int Shards { get; set; } = 4;

    /// <summary>How often each sweeper looks for due grains: the bound on how late a timer fires.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Grains woken per look, at most.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 500;

    /// <summary>A grain woken that stays due at the same time (its work is in flight, or failing) is not woken again before this.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan StillDueBackOff { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often every silo makes sure each sweeper is running (after a silo dies, this is how soon one comes back).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(2);
}
