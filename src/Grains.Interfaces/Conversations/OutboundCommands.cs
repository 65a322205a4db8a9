using Switchboard.Grains.Abstractions;
using Switchboard.Grains.Messages;

namespace Switchboard.Grains.Conversations;

/// <summary>
/// Send a message to the customer. Free-form content needs the window open; a template goes any
/// time on channels that have templates. When the window is closed and
/// <paramref name="HoldIfWindowClosed"/> is set, the message is held and released, in order,
/// when the customer writes again. <paramref name="HumanAgentTag"/> asks for the channel's
/// longer human-agent window (Messenger's 7 days); channels without one ignore it.
/// </summary>
public sealed record SendMessage(
    string MessageId,
    MessageContent Content,
    MessageAuthor Author,
    string? ReplyTo = null,
    bool HoldIfWindowClosed = false,
    bool HumanAgentTag = false) : ConversationCommand, IIdempotentCommand
{
    public string? IdempotencyKey => "out:" + MessageId;
}

/// <summary>Drop a held message before the customer's next message releases it.</summary>
public sealed record CancelHeldMessage(string MessageId, MessageAuthor By) : ConversationCommand;
