
namespace Switchboard.Grains.Messages;

/// <summary>
/// Where an outbound message stands. Statuses only move forward:
/// Held/Queued &lt; Sent &lt; Delivered &lt; Read &lt; Played; Failed is terminal but cannot
/// overwrite Delivered or later (the provider documents no failure after delivery).
/// </summary>
public enum MessageStatus
{
    Held = 0,
    Queued = 1,
    Sent = 2,
    Delivered = 3,
    Read = 4,
    Played = 5,
    Failed = 9,

    /// <summary>Not a sending state: inbound messages are simply received.</summary>
    Received = 10,
}
