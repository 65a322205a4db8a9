using System.ComponentModel.DataAnnotations;

namespace Switchboard.Runtime.Outbox;

public sealed class OutboxOptions
{
    public const string Section = "Runtime:Outbox";

    /// <summary>How often a silo looks for committed events that were never published (a node died after commit).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan RelayInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How old an unpublished event must be before the relay takes it. Longer than the committing
    /// node's publishing can lag under load, or both publish it (harmless, but doubles the traffic).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan RelayGrace { get; set; } = TimeSpan.FromSeconds(10);

    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 500;
}
