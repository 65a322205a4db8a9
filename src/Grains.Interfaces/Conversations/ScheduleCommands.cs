using Switchboard.Grains.Abstractions;
using Switchboard.Grains.Messages;

namespace Switchboard.Grains.Conversations;

/// <summary>
/// Send <paramref name="Content"/> at <paramref name="SendAt"/>; if the window is closed then,
/// send <paramref name="TemplateFallback"/> instead, or fail with <c>window_closed</c>.
/// </summary>
public sealed record ScheduleMessage(
    string MessageId,
    MessageContent Content,
    DateTimeOffset SendAt,
    MessageAuthor Author,
    TemplateContent? TemplateFallback = null,
    string? ReplyTo = null) : ConversationCommand, IIdempotentCommand
{
    public string? IdempotencyKey => "schedule:" + MessageId;
}

public sealed record CancelScheduledMessage(string MessageId, MessageAuthor By) : ConversationCommand;
