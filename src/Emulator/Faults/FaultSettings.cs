using System.Text.Json.Serialization;

namespace Switchboard.Emulator.Faults;

/// <summary>
/// Failure injection and status chaos for one number (<c>POST /_emulator/numbers/{id}/faults</c>; the body
/// replaces the previous settings, <c>{}</c> turns everything off). Rates are probabilities in [0, 1].
/// </summary>
public sealed record FaultSettings
{
    public static readonly FaultSettings None = new();

    /// <summary>Share of valid sends that fail with one of <see cref="FailureCodes"/> (picked at random).</summary>
    public double FailureRate { get; init; }

    /// <summary>Codes to fail with, e.g. <c>[131000, 131026]</c>; defaults to 131000.</summary>
    public int[]? FailureCodes { get; init; }

    /// <summary><c>sync</c> (default: error response) or <c>async</c> (200, then a <c>failed</c> status).</summary>
    public string? FailureMode { get; init; }

    /// <summary>Added to every answer of the messages endpoint.</summary>
    public int LatencyMs { get; init; }

    /// <summary>The messages endpoint does not answer for this long (then answers, having processed the send: an unknown outcome for a client that gave up).</summary>
    public double HangSeconds { get; init; }

    /// <summary>Share of sends that hang when <see cref="HangSeconds"/> is set (default 1: all of them).</summary>
    public double? HangRate { get; init; }

    /// <summary>Share of status webhooks sent twice, the same bytes both times.</summary>
    public double DuplicateStatusRate { get; init; }

    /// <summary>Share of messages whose statuses are sent in reverse order (read before delivered before sent).</summary>
    public double OutOfOrderRate { get; init; }

    /// <summary>Share of messages that skip <c>delivered</c> (read while the chat was open, spec §3.3).</summary>
    public double SkipDeliveredRate { get; init; }

    /// <summary>When above 0, status webhooks due within this window are batched into one POST.</summary>
    public int StatusBatchWindowMs { get; init; }

    [JsonIgnore]
    public bool FailsAsynchronously => FailureMode == "async";

    [JsonIgnore]
    public IReadOnlyList<int> EffectiveFailureCodes => FailureCodes is { Length: > 0 } codes ? codes : [131000];

    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        Rate("failureRate", FailureRate);
        Rate("duplicateStatusRate", DuplicateStatusRate);
        Rate("outOfOrderRate", OutOfOrderRate);
        Rate("skipDeliveredRate", SkipDeliveredRate);
        Rate("hangRate", HangRate ?? 1);
        if (FailureMode is not (null or "sync" or "async"))
        {
            errors["failureMode"] = ["Either \"sync\" or \"async\"."];
        }
        if (LatencyMs is < 0 or > 600_000)
        {
            errors["latencyMs"] = ["Between 0 and 600000."];
        }
        if (HangSeconds is < 0 or > 3_600)
        {
            errors["hangSeconds"] = ["Between 0 and 3600."];
        }
        if (StatusBatchWindowMs is < 0 or > 60_000)
        {
            errors["statusBatchWindowMs"] = ["Between 0 and 60000."];
        }
        return errors;

        void Rate(string name, double value)
        {
            if (value is < 0 or > 1 || double.IsNaN(value))
            {
                errors[name] = ["A probability between 0 and 1."];
            }
        }
    }
}
