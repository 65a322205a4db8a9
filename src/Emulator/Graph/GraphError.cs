using System.Text.Json.Nodes;

namespace Switchboard.Emulator.Graph;

/// <summary>
/// One synchronous Graph API error (spec §1.12, §7.7). <see cref="Details"/> goes to
/// <c>error_data.details</c>; Graph-level errors (bad token, unknown object) have none.
/// </summary>
public sealed record GraphError(
    int HttpStatus,
    int Code,
    string Message,
    string Type = "OAuthException",
    int? Subcode = null,
    string? Details = null,
    bool? IsTransient = null,
    string? UserTitle = null,
    string? UserMessage = null)
{
    /// <summary>The title alone, as used in asynchronous <c>errors[]</c> (where <c>title == message</c>).</summary>
    public string Title => Message.StartsWith("(#", StringComparison.Ordinal) && Message.IndexOf(") ", StringComparison.Ordinal) is var end and > 0
        ? Message[(end + 2)..]
        : Message;

    /// <summary>The <c>{"error":{…}}</c> envelope.</summary>
    public JsonObject ToEnvelope(string traceId)
    {
        var error = new JsonObject
        {
            ["message"] = Message,
            ["type"] = Type,
            ["code"] = Code,
        };
        if (Details is not null)
        {
            error["error_data"] = new JsonObject { ["messaging_product"] = "whatsapp", ["details"] = Details };
        }
        if (Subcode is { } subcode)
        {
            error["error_subcode"] = subcode;
        }
        if (IsTransient is { } transient)
        {
            error["is_transient"] = transient;
        }
        if (UserTitle is not null)
        {
            error["error_user_title"] = UserTitle;
        }
        if (UserMessage is not null)
        {
            error["error_user_msg"] = UserMessage;
        }
        error["fbtrace_id"] = traceId;
        return new JsonObject { ["error"] = error };
    }

    /// <summary>The same error as an item of a webhook <c>errors[]</c> array (spec §3.6).</summary>
    public JsonObject ToWebhookError() => new()
    {
        ["code"] = Code,
        ["title"] = Title,
        ["message"] = Title,
        ["error_data"] = new JsonObject { ["details"] = Details ?? Title },
        ["href"] = GraphErrors.ErrorCodesHref,
    };
}
