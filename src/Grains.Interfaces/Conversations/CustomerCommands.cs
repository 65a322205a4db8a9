using Switchboard.Grains.Abstractions;
using Switchboard.Grains.Messages;

namespace Switchboard.Grains.Conversations;

/// <summary>
/// The business opens (or re-opens) contact with an approved template: allowed whether or not
/// the window is open. The Api has checked approval and the parameter count; the grain trusts
/// <paramref name="Template"/>. Carries the identity, so it may be a conversation's first command.
/// </summary>
public sealed record StartWithTemplate(
    ConversationIdentity Identity,
    string MessageId,
    TemplateContent Template,
    MessageAuthor Author) : ConversationCommand, IIdempotentCommand
{
    public string? IdempotencyKey => "out:" + MessageId;
}

/// <summary>
/// The customer wrote (a webhook message). <paramref name="ReceivedAt"/> is when our webhook got
/// it: the window counts from <paramref name="ProviderTimestamp"/> but never from later than that.
/// Carries the identity, so it may be a conversation's first command.
/// </summary>
/// <param name="ReplyTo">The provider id of the message the customer quoted, if any.</param>
/// <param name="CustomerName">The customer's profile name on the channel, as the message's author.</param>
public sealed record ReceiveMessage(
    ConversationIdentity Identity,
    string MessageId,
    string ProviderMessageId,
    MessageContent Content,
    DateTimeOffset ProviderTimestamp,
    DateTimeOffset ReceivedAt,
    string? ReplyTo = null,
    string? CustomerName = null) : ConversationCommand, IIdempotentCommand
{
    public string? IdempotencyKey => "in:" + ProviderMessageId;
}
