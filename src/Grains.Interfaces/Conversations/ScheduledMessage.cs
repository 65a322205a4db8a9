using Switchboard.Grains.Messages;

namespace Switchboard.Grains.Conversations;

/// <summary>
/// A message to send at <paramref name="SendAt"/>. If the window is closed then, the
/// <paramref name="TemplateFallback"/> goes instead, or the send fails with <c>window_closed</c>.
/// <paramref name="Id"/> becomes the sent message's id.
/// </summary>
public sealed record ScheduledMessage(
    string Id,
    MessageContent Content,
    DateTimeOffset SendAt,
    MessageAuthor Author,
    DateTimeOffset CreatedAt,
    TemplateContent? TemplateFallback = null,
    string? ReplyTo = null);
