namespace Switchboard.Channels.WhatsApp.Media;

/// <summary>The verdict on one file for one kind of message.</summary>
public abstract record MediaCheckResult
{
    private MediaCheckResult()
    {
    }

    /// <param name="ContentType">The type to store and send: the declared type, normalised (image/jpg → image/jpeg, parameters dropped).</param>
    /// <param name="ConvertTo">Set when the file must be converted before sending (a GIF as video → video/mp4).</param>
    public sealed record Accepted(DetectedMedia Detected, long Size, string ContentType, string? ConvertTo = null) : MediaCheckResult;

    public sealed record Refused(MediaRuleViolation Violation) : MediaCheckResult;
}
