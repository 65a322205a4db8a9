namespace Switchboard.Grains.Conversations;

/// <summary>Why a message was queued now.</summary>
public enum QueueOrigin
{
    /// <summary>Sent by a command just now.</summary>
    Immediate,

    /// <summary>Held while the window was closed, released because the customer wrote.</summary>
    Released,

    /// <summary>Its scheduled time came.</summary>
    Scheduled,
}
