using System.ComponentModel.DataAnnotations;

namespace Switchboard.Runtime.Work;

public sealed class WorkOptions
{
    public const string Section = "Runtime:Work";

    /// <summary>Fallback poll when no notification arrives (notifications are the fast path).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a claimed item is ours; past it another silo may take it (we died or stalled).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(60);

    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 100;

    [Range(1, 10_000)]
    public int MaxConcurrency { get; set; } = 64;

    /// <summary>After this many attempts a failing item is moved aside (dead) instead of retried.</summary>
    [Range(1, 1_000)]
    public int MaxAttempts { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);
}
