using System.ComponentModel.DataAnnotations;

namespace Switchboard.Runtime.Reminders;

public sealed class ReminderOptions
{
    public const string Section = "Runtime:Reminders";

    /// <summary>How often an idle scanner looks for due reminders; bounds the firing lag.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How long a claim holds before another silo may take the reminder (a claimer died).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);

    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 200;

    [Range(1, 1_000)]
    public int MaxConcurrency { get; set; } = 16;
}
