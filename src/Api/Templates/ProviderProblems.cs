using Switchboard.Api.Problems;
using Switchboard.Channels.WhatsApp.Client;
using Switchboard.Channels.WhatsApp.Errors;

namespace Switchboard.Api.Templates;

/// <summary>
/// The provider's answer when it did not do what we asked, as problem details that carry its
/// code and message (<c>providerCode</c>, <c>providerSubcode</c>, <c>providerMessage</c>) so an
/// admin can act on them.
/// </summary>
public static class ProviderProblems
{
    public const string Refused = "provider_refused";
    public const string Unavailable = "provider_unavailable";
    public const string OutcomeUnknown = "provider_outcome_unknown";

    public static IResult From<T>(WhatsAppResult<T> result, string action) => result switch
    {
        WhatsAppResult<T>.Failure failure => FromError(failure.Error, action),
        WhatsAppResult<T>.OutcomeUnknown unknown => ApiProblems.Of(
            StatusCodes.Status504GatewayTimeout,
            OutcomeUnknown,
            "No answer from WhatsApp",
            $"WhatsApp did not answer when asked to {action} ({unknown.Unknown.Cause}); it may or may not have done it. Check again shortly."),
        _ => throw new ArgumentException("Only a failure or an unknown outcome is a problem.", nameof(result)),
    };

    private static IResult FromError(WhatsAppError error, string action)
    {
        var message = error.UserMessage ?? error.Details ?? error.Message;
        var extensions = new Dictionary<string, object?>
        {
            ["providerCode"] = error.Code,
            ["providerSubcode"] = error.Subcode,
            ["providerTitle"] = error.UserTitle ?? error.Title,
            ["providerMessage"] = message,
            ["providerTraceId"] = error.FbTraceId,
        };

        // Meta being down is not the admin's fault; everything else is something to fix in the request or the number.
        var unavailable = error.Category is WhatsAppErrorCategory.ProviderUnavailable or WhatsAppErrorCategory.ApiRateLimited || error.HttpStatus >= 500;
        return ApiProblems.Of(
            unavailable ? StatusCodes.Status502BadGateway : StatusCodes.Status422UnprocessableEntity,
            unavailable ? Unavailable : Refused,
            unavailable ? "WhatsApp is unavailable" : "WhatsApp refused the request",
            $"WhatsApp refused to {action}: {(error.Code is { } code ? $"({code}) " : "")}{message}",
            extensions);
    }
}
