using System.Text.Json.Nodes;

namespace Switchboard.Emulator.Messages;

/// <summary>A status the emulator sent (or is about to send) for an outbound message.</summary>
public sealed record StatusChange(string Status, DateTimeOffset At, int? ErrorCode);

/// <summary>How Meta would bill a message (spec §3.6 <c>pricing</c>).</summary>
public sealed record Pricing(bool Billable, string Type, string Category)
{
    public JsonObject ToJson() => new()
    {
        ["billable"] = Billable,
        ["pricing_model"] = "PMP",
        ["type"] = Type,
        ["category"] = Category,
    };
}

/// <summary>
/// A message the business sent through <c>POST /{version}/{phone-number-id}/messages</c>: the request as
/// received and the latest status. Status only moves forward (sent &lt; delivered &lt; read), except
/// <c>failed</c>, so that out-of-order chaos does not make the outbox regress.
/// </summary>
public sealed class OutboundMessage(
    long sequence,
    string wamid,
    string phoneNumberId,
    string customerWaId,
    string input,
    string type,
    string requestBody,
    DateTimeOffset acceptedAt,
    Pricing pricing,
    string? bizOpaqueCallbackData,
    JsonObject? renderedTemplate,
    bool isVoice = false) : IConversationMessage
{
    private readonly Lock _gate = new();
    private readonly List<StatusChange> _history = [];
    private string _status = "accepted";

    public long Sequence { get; } = sequence;
    public string Wamid { get; } = wamid;
    public string PhoneNumberId { get; } = phoneNumberId;
    public string CustomerWaId { get; } = customerWaId;
    public string Input { get; } = input;
    public string Type { get; } = type;
    public string RequestBody { get; } = requestBody;
    public DateTimeOffset AcceptedAt { get; } = acceptedAt;
    public Pricing Pricing { get; } = pricing;
    public string? BizOpaqueCallbackData { get; } = bizOpaqueCallbackData;

    /// <summary>An <c>audio</c> message sent with <c>voice: true</c>: the customer's first play reports <c>played</c>.</summary>
    public bool IsVoice { get; } = isVoice;

    /// <summary>The template's text with parameters filled in, for the customers' page; null for non-templates.</summary>
    public string? RenderedTemplateJson { get; } = renderedTemplate?.ToJsonString();

    public bool IsOutbound => true;

    public string Status
    {
        get
        {
            lock (_gate)
            {
                return _status;
            }
        }
    }

    public IReadOnlyList<StatusChange> History
    {
        get
        {
            lock (_gate)
            {
                return [.. _history];
            }
        }
    }

    public void Record(StatusChange change)
    {
        lock (_gate)
        {
            _history.Add(change);
            if (change.Status == "failed")
            {
                _status = "failed";
            }
            else if (_status != "failed" && Rank(change.Status) > Rank(_status))
            {
                _status = change.Status;
            }
        }
    }

    private static int Rank(string status) => status switch
    {
        "sent" => 1,
        "delivered" => 2,
        "read" => 3,
        "played" => 4,
        _ => 0,
    };
}
