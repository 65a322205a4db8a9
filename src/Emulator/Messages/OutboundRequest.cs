using System.Text.Json.Nodes;

namespace Switchboard.Emulator.Messages;

/// <summary>A send request that passed the checks that need no stored state (spec §1.13).</summary>
/// <param name="Input"><c>to</c> exactly as sent, echoed as <c>contacts[0].input</c>.</param>
/// <param name="WaId">The recipient's digits, echoed as <c>contacts[0].wa_id</c>.</param>
/// <param name="Type">The message type (<c>text</c> when omitted).</param>
/// <param name="Content">The object (or, for contacts, the array) named after the type.</param>
public sealed record OutboundRequest(
    string Input,
    string WaId,
    string Type,
    JsonNode Content,
    string? ContextMessageId,
    string? BizOpaqueCallbackData)
{
    /// <summary>Anything but a template needs an open customer-service window (spec §6).</summary>
    public bool IsFreeForm => Type != "template";

    public JsonObject? ContentObject => Content as JsonObject;
}
