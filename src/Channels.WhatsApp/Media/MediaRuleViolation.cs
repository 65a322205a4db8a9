namespace Switchboard.Channels.WhatsApp.Media;

/// <summary>
/// Why a file was refused: a stable <see cref="Code"/> (see <see cref="MediaRuleCodes"/>), the
/// <see cref="Rule"/> that refused it, and a sentence for people.
/// </summary>
public sealed record MediaRuleViolation(
    string Code,
    string Rule,
    string Message,
    DetectedMedia Detected,
    long Size,
    long? LimitBytes = null);
