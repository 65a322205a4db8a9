namespace Switchboard.Grains.Conversations;

/// <summary>
/// A bot running on the conversation: which flow, which step, and until when the step waits
/// for the customer (a "bot-timeout" timer comes due then).
/// </summary>
public sealed record BotState(bool Active = false, string? FlowId = null, string? StepId = null, DateTimeOffset? WaitingUntil = null)
{
    public static BotState Inactive { get; } = new();
}
