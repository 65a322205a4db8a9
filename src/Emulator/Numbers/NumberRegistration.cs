using System.Text.RegularExpressions;

namespace Switchboard.Emulator.Numbers;

/// <summary>
/// A business phone number as registered through <c>POST /_emulator/numbers</c> or configuration
/// (<c>Emulator:Numbers:{n}:…</c>). Only the first six fields are required; the rest override defaults.
/// </summary>
public sealed partial class NumberRegistration
{
    public string? PhoneNumberId { get; set; }
    public string? WabaId { get; set; }
    public string? DisplayPhoneNumber { get; set; }
    public string? AccessToken { get; set; }
    public string? AppSecret { get; set; }
    public string? WebhookUrl { get; set; }

    /// <summary>Messages per second accepted before 130429 (default 80).</summary>
    public int? ThroughputPerSecond { get; set; }

    /// <summary>Burst of the per-recipient bucket that refills one message per 6 s (default 45; 0 turns the pair limit off).</summary>
    public int? PairRateBurst { get; set; }

    /// <summary><c>async</c> (default: 200, then a <c>failed</c> status with 131047) or <c>sync</c> (400 131047).</summary>
    public string? WindowFailureMode { get; set; }

    /// <summary>Time from template creation to its APPROVED/REJECTED webhook (default 2000; 0 allowed).</summary>
    public int? TemplateApprovalDelayMs { get; set; }

    /// <summary>When each status webhook is due, counted from the send's acceptance.</summary>
    public StatusDelays? StatusDelaysMs { get; set; }

    [GeneratedRegex(@"^\d{1,20}$")]
    private static partial Regex Digits();

    /// <summary>Problems keyed by field name (camelCase), empty when the registration is usable.</summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        Require(nameof(PhoneNumberId), PhoneNumberId, digits: true);
        Require(nameof(WabaId), WabaId, digits: true);
        Require(nameof(DisplayPhoneNumber), DisplayPhoneNumber, digits: false);
        Require(nameof(AccessToken), AccessToken, digits: false);
        Require(nameof(AppSecret), AppSecret, digits: false);
        if (!Uri.TryCreate(WebhookUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            errors["webhookUrl"] = ["An absolute http(s) URL is required."];
        }
        if (ThroughputPerSecond is < 1 or > 100_000)
        {
            errors["throughputPerSecond"] = ["Between 1 and 100000."];
        }
        if (PairRateBurst is < 0 or > 100_000)
        {
            errors["pairRateBurst"] = ["Between 0 (off) and 100000."];
        }
        if (WindowFailureMode is not (null or "async" or "sync"))
        {
            errors["windowFailureMode"] = ["Either \"async\" or \"sync\"."];
        }
        if (TemplateApprovalDelayMs is < 0 or > 86_400_000)
        {
            errors["templateApprovalDelayMs"] = ["Between 0 and 86400000."];
        }
        if (StatusDelaysMs is { } delays && (delays.Sent < 0 || delays.Delivered < 0 || delays.Read < 0))
        {
            errors["statusDelaysMs"] = ["Delays cannot be negative."];
        }
        return errors;

        void Require(string name, string? value, bool digits)
        {
            var key = char.ToLowerInvariant(name[0]) + name[1..];
            if (string.IsNullOrWhiteSpace(value))
            {
                errors[key] = ["Required."];
            }
            else if (digits && !Digits().IsMatch(value))
            {
                errors[key] = ["Graph ids are strings of digits."];
            }
        }
    }
}

/// <summary>Delays (ms after acceptance) of the sent, delivered and read webhooks.</summary>
public sealed class StatusDelays
{
    public int? Sent { get; set; }
    public int? Delivered { get; set; }
    public int? Read { get; set; }
}
