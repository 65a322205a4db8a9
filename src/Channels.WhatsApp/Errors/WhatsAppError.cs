using Switchboard.Grains.Messages;

namespace Switchboard.Channels.WhatsApp.Errors;

/// <summary>
/// A definite failure: Meta said no (or the request never left this process). Carries Meta's fields
/// verbatim plus what they mean (<see cref="Category"/>) and whether and when to retry (<see cref="Retry"/>).
/// </summary>
public sealed record WhatsAppError(
    WhatsAppErrorSource Source,
    int? Code,
    string Message,
    WhatsAppErrorCategory Category,
    RetryAdvice Retry,
    string? Title = null,
    int? Subcode = null,
    string? Type = null,
    string? Details = null,
    string? FbTraceId = null,
    int? HttpStatus = null,
    bool? IsTransient = null,
    string? UserTitle = null,
    string? UserMessage = null)
{
    public bool CanRetry => Retry.CanRetry;

    /// <summary>The error as the message model stores it.</summary>
    public ProviderError ToProviderError() => new(Code ?? HttpStatus ?? 0, Title ?? Message, Details);

    public override string ToString() =>
        $"{Source} error {Code?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"} (HTTP {HttpStatus?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}, {Category}): {Title ?? Message}";
}
