using Switchboard.Grains.Messages;

namespace Switchboard.Grains.Conversations;

/// <summary>
/// How an outbound message's status may move: forward only, sent &lt; delivered &lt; read &lt; played;
/// failed only while at most sent (the provider documents no failure after delivery), and
/// nothing after failed. Statuses arrive in any order and more than once, so anything else is a no-op.
/// </summary>
public static class DeliveryProgress
{
    public static bool IsProviderStatus(MessageStatus status) =>
        status is MessageStatus.Sent or MessageStatus.Delivered or MessageStatus.Read or MessageStatus.Played or MessageStatus.Failed;

    public static bool Advances(MessageStatus current, MessageStatus next) => next == MessageStatus.Failed
        ? current is MessageStatus.Held or MessageStatus.Queued or MessageStatus.Sent
        : current != MessageStatus.Failed && Rank(next) > Rank(current);

    /// <summary>
    /// Nothing more can happen to it: failed, played, or read (unless a voice note, which may still be played).
    /// A reaction stops at sent for good; the in-flight bound drops it in time.
    /// </summary>
    public static bool IsFinal(MessageStatus status, bool awaitsPlayed) =>
        status is MessageStatus.Failed or MessageStatus.Played || (status == MessageStatus.Read && !awaitsPlayed);

    private static int Rank(MessageStatus status) => status switch
    {
        MessageStatus.Held => 0,
        MessageStatus.Queued => 1,
        MessageStatus.Sent => 2,
        MessageStatus.Delivered => 3,
        MessageStatus.Read => 4,
        MessageStatus.Played => 5,
        _ => -1,
    };
}
