using System.ComponentModel.DataAnnotations;

namespace Switchboard.Emulator.History;

/// <summary>How much the emulator remembers (<c>Emulator:History</c>). Everything lives in memory.</summary>
public sealed class HistoryOptions
{
    /// <summary>Outbox entries and webhook deliveries kept per number.</summary>
    [Range(100, 10_000_000)]
    public int MaxEntriesPerNumber { get; set; } = 50_000;

    /// <summary>Graph requests kept in the request log (all numbers together).</summary>
    [Range(100, 10_000_000)]
    public int MaxRequests { get; set; } = 50_000;

    /// <summary>Messages (both directions) whose wamid stays resolvable for mark-as-read, reactions and replies.</summary>
    [Range(1_000, 50_000_000)]
    public int MaxMessages { get; set; } = 500_000;

    /// <summary>Entries kept per customer conversation for the customers' page.</summary>
    [Range(10, 1_000_000)]
    public int MaxConversationEntries { get; set; } = 1_000;
}
