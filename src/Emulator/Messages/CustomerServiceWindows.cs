using System.Collections.Concurrent;

namespace Switchboard.Emulator.Messages;

/// <summary>
/// The 24-hour customer-service windows of one business number (spec §6, §7.4): each opens at the
/// timestamp of the customer's latest inbound message. Template sends do not open or extend it.
/// </summary>
public sealed class CustomerServiceWindows
{
    public static readonly TimeSpan Length = TimeSpan.FromHours(24);

    private readonly ConcurrentDictionary<string, long> _lastInboundUnixSeconds = new();

    /// <summary>Records an inbound message; an older timestamp (a delayed message) never shortens the window.</summary>
    public void RecordInbound(string waId, long unixSeconds) =>
        _lastInboundUnixSeconds.AddOrUpdate(waId, unixSeconds, (_, previous) => Math.Max(previous, unixSeconds));

    public bool IsOpen(string waId, DateTimeOffset now) =>
        _lastInboundUnixSeconds.TryGetValue(waId, out var last)
        && now < DateTimeOffset.FromUnixTimeSeconds(last) + Length;

    public DateTimeOffset? ExpiresAt(string waId) =>
        _lastInboundUnixSeconds.TryGetValue(waId, out var last) ? DateTimeOffset.FromUnixTimeSeconds(last) + Length : null;
}
