namespace Switchboard.Grains.Conversations;

/// <summary>
/// The bounds that keep a conversation's state small whatever happens to it. Commands that would
/// cross a bound are refused with a typed rejection; tracking lists drop their oldest entries.
/// </summary>
public static class ConversationLimits
{
    public const int MaxHeldMessages = 20;

    public const int MaxScheduledMessages = 50;

    public const int MaxParticipants = 20;

    public const int MaxLabels = 50;

    /// <summary>Statuses waiting for their message's provider id to become known.</summary>
    public const int MaxDeferredStatuses = 100;

    /// <summary>Outbound messages still tracked for status; beyond it the oldest is no longer followed.</summary>
    public const int MaxInFlight = 200;

    /// <summary>Recently settled messages remembered to recognise repeats.</summary>
    public const int MaxRecentlySettled = 100;

    /// <summary>How long a status for an unknown provider id is kept: a send response is late by seconds, never by an hour.</summary>
    public static TimeSpan DeferredStatusLifetime { get; } = TimeSpan.FromHours(1);

    /// <summary>The provider drops an undelivered message after 30 days, so no status can follow.</summary>
    public static TimeSpan InFlightLifetime { get; } = TimeSpan.FromDays(30);

    /// <summary>Customer messages waiting for media (theirs or one ahead of them); beyond it a message shows at once.</summary>
    public const int MaxInboundWaiting = 100;

    /// <summary>Attempts to hand one message to the provider, whatever held it back, before it is failed.</summary>
    public const int MaxSendAttempts = 10;

    /// <summary>Sends whose outcome stayed unknown (a crash, a timeout) before the message is failed rather than sent again.</summary>
    public const int MaxUnknownSendOutcomes = 3;

    public const int MaxReadReceiptFailures = 5;

    public const int MaxMediaFetchFailures = 5;

    /// <summary>
    /// How long a send attempt may stay open before an activation that did not start it (the
    /// one that did has died) treats its outcome as unknown. Longer than a request normally takes.
    /// </summary>
    public static TimeSpan SendAttemptLease { get; } = TimeSpan.FromSeconds(15);
}
