using Switchboard.Grains.Abstractions;

namespace Switchboard.Grains.Conversations;

/// <summary>
/// Every way a conversation refuses a command, in one place. The codes are stable: the Api turns
/// them into the problem-details <c>type</c>, and clients branch on them.
/// </summary>
public static class ConversationRejections
{
    public static class Codes
    {
        public const string ConversationNotFound = "conversation_not_found";
        public const string IdentityMismatch = "conversation_identity_mismatch";
        public const string WindowClosed = "window_closed";
        public const string TemplatesNotSupported = "templates_not_supported";
        public const string ContentNotSendable = "content_not_sendable";
        public const string MessageNotFound = "message_not_found";
        public const string ScheduledMessageNotFound = "scheduled_message_not_found";
        public const string ParticipantNotFound = "participant_not_found";
        public const string AgentNotInConversation = "agent_not_in_conversation";
        public const string InvalidStatus = "invalid_status";
        public const string InvalidMessageStatus = "invalid_message_status";
        public const string InvalidScheduleTime = "invalid_schedule_time";
        public const string InvalidNote = "invalid_note";
        public const string InvalidLabel = "invalid_label";
        public const string BotAlreadyActive = "bot_already_active";
        public const string BotNotActive = "bot_not_active";
        public const string TooManyHeldMessages = "too_many_held_messages";
        public const string TooManyScheduledMessages = "too_many_scheduled_messages";
        public const string TooManyDeferredStatuses = "too_many_deferred_statuses";
        public const string TooManyParticipants = "too_many_participants";
        public const string TooManyLabels = "too_many_labels";
    }

    /// <summary>A command other than a first contact reached a conversation that does not exist yet.</summary>
    public static Rejection ConversationNotFound() => new(
        Codes.ConversationNotFound,
        "This conversation has not started: the customer has not written and no template was sent.");

    public static Rejection IdentityMismatch(ConversationIdentity existing, ConversationIdentity given) => new(
        Codes.IdentityMismatch,
        "The command names another conversation than this one.",
        Details(("existing", existing), ("given", given)));

    /// <summary>A free-form message while the customer-service window is closed.</summary>
    public static Rejection WindowClosed(DateTimeOffset? expiresAt) => new(
        Codes.WindowClosed,
        expiresAt is { } closedAt
            ? $"The customer-service window closed at {closedAt:u}. Send an approved template to reopen the conversation."
            : "The customer has not written yet, so there is no customer-service window. Send an approved template to start the conversation.",
        Details(("expiresAt", expiresAt)));

    public static Rejection TemplatesNotSupported(ChannelType channel) => new(
        Codes.TemplatesNotSupported,
        $"{channel} has no message templates: reply while the customer-service window is open.",
        Details(("channel", channel)));

    public static Rejection ContentNotSendable(string contentType) => new(
        Codes.ContentNotSendable,
        $"A '{contentType}' message can be received but not sent.",
        Details(("contentType", contentType)));

    public static Rejection MessageNotFound(string messageId) => new(
        Codes.MessageNotFound,
        $"No message '{messageId}' is waiting for this in the conversation.",
        Details(("messageId", messageId)));

    public static Rejection ScheduledMessageNotFound(string messageId) => new(
        Codes.ScheduledMessageNotFound,
        $"No scheduled message '{messageId}' is pending in this conversation.",
        Details(("messageId", messageId)));

    public static Rejection ParticipantNotFound(string agentId) => new(
        Codes.ParticipantNotFound,
        $"Agent '{agentId}' is not a participant of this conversation.",
        Details(("agentId", agentId)));

    public static Rejection AgentNotInConversation(string agentId) => new(
        Codes.AgentNotInConversation,
        $"Agent '{agentId}' is neither assigned to nor a participant of this conversation.",
        Details(("agentId", agentId)));

    public static Rejection InvalidStatus(string reason) => new(Codes.InvalidStatus, reason);

    public static Rejection InvalidMessageStatus(string status) => new(
        Codes.InvalidMessageStatus,
        $"'{status}' is not a status the provider reports.",
        Details(("status", status)));

    public static Rejection InvalidScheduleTime(DateTimeOffset sendAt, DateTimeOffset now) => new(
        Codes.InvalidScheduleTime,
        $"A scheduled message must be due in the future; {sendAt:u} is not after {now:u}.",
        Details(("sendAt", sendAt), ("now", now)));

    public static Rejection InvalidNote() => new(Codes.InvalidNote, "A note needs some text.");

    public static Rejection InvalidLabel() => new(Codes.InvalidLabel, "A label cannot be empty.");

    public static Rejection BotAlreadyActive(string flowId) => new(
        Codes.BotAlreadyActive,
        $"Bot '{flowId}' is already running on this conversation.",
        Details(("flowId", flowId)));

    public static Rejection BotNotActive() => new(Codes.BotNotActive, "No bot is running on this conversation.");

    public static Rejection TooManyHeldMessages(int limit) => TooMany(Codes.TooManyHeldMessages, "held messages", limit);

    public static Rejection TooManyScheduledMessages(int limit) => TooMany(Codes.TooManyScheduledMessages, "scheduled messages", limit);

    public static Rejection TooManyDeferredStatuses(int limit) => TooMany(Codes.TooManyDeferredStatuses, "statuses waiting for their message", limit);

    public static Rejection TooManyParticipants(int limit) => TooMany(Codes.TooManyParticipants, "participants", limit);

    public static Rejection TooManyLabels(int limit) => TooMany(Codes.TooManyLabels, "labels", limit);

    private static Rejection TooMany(string code, string what, int limit) => new(
        code,
        $"A conversation can have at most {limit} {what}.",
        Details(("limit", limit)));

    private static Dictionary<string, object?> Details(params (string Key, object? Value)[] pairs) =>
        pairs.ToDictionary(pair => pair.Key, pair => pair.Value);
}
