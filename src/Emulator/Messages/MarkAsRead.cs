using System.Text.Json.Nodes;
using Switchboard.Emulator.Customers;
using Switchboard.Emulator.Graph;
using Switchboard.Emulator.Numbers;

namespace Switchboard.Emulator.Messages;

/// <summary>
/// <c>{"messaging_product":"whatsapp","status":"read","message_id":…[,"typing_indicator":{"type":"text"}]}</c>
/// on the messages endpoint (spec §1.10): only incoming messages of this number, and marking one marks
/// the earlier ones. Errors as real traffic shows them: 400, code 100.
/// </summary>
public sealed class MarkAsRead(MessageLedger ledger, ConversationStore conversations, TimeProvider time)
{
    public static readonly TimeSpan TypingIndicatorLifetime = TimeSpan.FromSeconds(25);

    public GraphError? Apply(BusinessNumber number, JsonObject body)
    {
        if (body.Text("messaging_product") != "whatsapp")
        {
            return GraphErrors.RequiredParameterMissing("messaging_product");
        }
        if (body.Text("status") != "read")
        {
            return GraphErrors.InvalidParameter("Param status must be \"read\".");
        }
        if (body.Text("message_id") is not { Length: > 0 } messageId)
        {
            return GraphErrors.RequiredParameterMissing("message_id");
        }
        if (body.Has("typing_indicator") && body.Object("typing_indicator").Text("type") != "text")
        {
            return GraphErrors.InvalidParameter("Param typing_indicator['type'] must be \"text\".");
        }
        var target = ledger.Find(messageId);
        if (target is null || target.PhoneNumberId != number.PhoneNumberId)
        {
            return GraphErrors.InvalidParameter("Please check the message ID you have provided.");
        }
        if (target is not InboundMessage inbound)
        {
            return GraphErrors.InvalidParameter(
                $"Message supplied to mark message as read API with message ID: {messageId} is outgoing. Please use an incoming message ID.");
        }
        var now = time.GetUtcNow();
        if (now - DateTimeOffset.FromUnixTimeSeconds(inbound.Timestamp) > TimeSpan.FromDays(30))
        {
            return GraphErrors.InvalidParameter("Please check the message ID you have provided.");
        }
        var conversation = conversations.For(number.PhoneNumberId, inbound.CustomerWaId);
        conversation.MarkReadUpTo(inbound);
        if (body.Has("typing_indicator"))
        {
            conversation.ShowTypingUntil(now + TypingIndicatorLifetime);
        }
        return null;
    }
}
