using System.Collections.Frozen;
using System.Globalization;
using Switchboard.Grains.Messages;

namespace Switchboard.Grains.Conversations;

/// <summary>
/// What a provider error means to an agent, by Meta's code (see the error table in
/// whatsapp-cloud-api.md §5). Codes not listed fall back to the provider's own title.
/// </summary>
public static class FailureReasons
{
    private static readonly FrozenDictionary<int, string> ByCode = new Dictionary<int, string>
    {
        [131047] = "More than 24 hours have passed since the customer last replied. Send a template to reopen the conversation.",
        // The On-Premises API's code for the same thing; treated alike if it ever appears.
        [470] = "More than 24 hours have passed since the customer last replied. Send a template to reopen the conversation.",
        [131026] = "Message undeliverable: the number may not be on WhatsApp or has an outdated app.",
        [130429] = "Rate limit hit: this number is sending more messages per second than it is allowed.",
        [131056] = "Too many messages to this customer in a short time. Wait a little before sending again.",
        [131048] = "Spam rate limit hit: too many of this number's messages were blocked or reported.",
        [131049] = "Not delivered, to keep WhatsApp's ecosystem healthy (the customer receives many marketing messages). Wait at least 24 hours.",
        [131050] = "The customer chose to stop receiving marketing messages from this business.",
        [131051] = "This message type is not supported.",
        [131052] = "The customer's media could not be downloaded.",
        [131053] = "The media could not be uploaded: its type is unsupported or does not match the file.",
        [131000] = "Something went wrong at WhatsApp. Try again.",
        [131008] = "A required parameter is missing.",
        [131009] = "A parameter value is not valid (for example a reaction to a message older than 30 days).",
        [131016] = "WhatsApp is temporarily unavailable. Try again later.",
        [131021] = "The customer's number is the sending number itself.",
        [131031] = "The business account is locked.",
        [131042] = "There is a problem with the business account's payment method.",
        [131057] = "The business account is in maintenance. Try again in a minute.",
        [133010] = "The sending number is not registered on WhatsApp.",
        [368] = "The business account is temporarily blocked for policy violations.",
        [190] = "The number's access token has expired or is invalid.",
        [132000] = "The template's number of variables does not match the values sent.",
        [132001] = "The template does not exist in this language or is not approved.",
        [132005] = "The template's text is too long once its variables are filled in.",
        [132007] = "The template's content violates a WhatsApp policy.",
        [132012] = "A template variable is not in the format the template expects.",
        [132015] = "The template is paused because of low quality.",
        [132016] = "The template is disabled after being paused too many times. Create a new one.",
    }.ToFrozenDictionary();

    public static string Describe(ProviderError error)
    {
        if (ByCode.TryGetValue(error.Code, out var reason))
        {
            return reason;
        }

        var title = string.IsNullOrWhiteSpace(error.Title) ? null : error.Title.Trim();
        if (IsTemplateProblem(error.Code))
        {
            return title is null ? "The template could not be sent." : $"Template problem: {title}";
        }

        return title ?? $"The provider refused the message (error {error.Code.ToString(CultureInfo.InvariantCulture)}).";
    }

    /// <summary>An error as a message carries it: the provider's code, the explanation, the provider's own error.</summary>
    public static MessageError ToMessageError(ProviderError error, string? reason = null) =>
        new(error.Code.ToString(CultureInfo.InvariantCulture), reason ?? Describe(error), error);

    /// <summary>Meta numbers template errors 132000–132999.</summary>
    private static bool IsTemplateProblem(int code) => code is >= 132000 and <= 132999;
}
