namespace Switchboard.Grains.Conversations;

/// <summary>Who wrote a message or did an action.</summary>
public enum AuthorKind
{
    Customer,
    Agent,
    Bot,
    Campaign,

    /// <summary>An API client (an OTP or notification sender).</summary>
    Api,

    /// <summary>The conversation itself: window closed, snooze ended, timers.</summary>
    System,
}
