namespace Switchboard.Channels.WhatsApp.Errors;

/// <summary>
/// The retry table of the Cloud API spec (§5), as code. Works for synchronous errors and for the
/// <c>errors[]</c> of failed statuses alike, because Meta reports the same code both ways.
/// Decisions key on Meta's code, never on the HTTP status alone (190 arrives as 400 and as 401).
/// </summary>
public static class WhatsAppErrorClassifier
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    public static WhatsAppErrorClassification Classify(int? code, int? httpStatus = null, bool? isTransient = null) => code switch
    {
        // Throughput per number: the limiter should slow the number down; retrying soon is fine.
        130429 => Retryable(WhatsAppErrorCategory.ThroughputLimited, RetryScope.PhoneNumber, "Throughput of the number reached", Second, 2, TimeSpan.FromSeconds(30), 10),

        // Pair rate limit: Meta says retry after 4^X seconds; the product never retries sooner than 6 s.
        131056 => Retryable(WhatsAppErrorCategory.PairRateLimited, RetryScope.Recipient, "Too many messages to this recipient; at most one per 6 s", TimeSpan.FromSeconds(6), 4, TimeSpan.FromMinutes(10), 5),

        131000 => Retryable(WhatsAppErrorCategory.ProviderUnavailable, RetryScope.Message, "Unknown provider error; limited retries", TimeSpan.FromSeconds(2), 3, TimeSpan.FromMinutes(1), 3),
        131016 => Retryable(WhatsAppErrorCategory.ProviderUnavailable, RetryScope.PhoneNumber, "Service temporarily unavailable", TimeSpan.FromSeconds(5), 2, TimeSpan.FromMinutes(2), 5),

        // Maintenance (e.g. a throughput upgrade) lasts up to a minute.
        131057 => Retryable(WhatsAppErrorCategory.ProviderUnavailable, RetryScope.PhoneNumber, "Account in maintenance mode", TimeSpan.FromMinutes(1), 1, TimeSpan.FromMinutes(2), 5),
        1 => Retryable(WhatsAppErrorCategory.ProviderUnavailable, RetryScope.Message, "Unknown Graph error; limited retries", TimeSpan.FromSeconds(2), 3, TimeSpan.FromMinutes(1), 3),
        2 or 133004 => Retryable(WhatsAppErrorCategory.ProviderUnavailable, RetryScope.PhoneNumber, "Provider temporarily overloaded or unavailable", TimeSpan.FromSeconds(5), 2, TimeSpan.FromMinutes(2), 5),

        // Graph call limits are counted per hour; back off in minutes, not seconds.
        4 => Retryable(WhatsAppErrorCategory.ApiRateLimited, RetryScope.Account, "App API call rate limit", TimeSpan.FromMinutes(1), 2, TimeSpan.FromMinutes(30), 5),
        80007 => Retryable(WhatsAppErrorCategory.ApiRateLimited, RetryScope.Account, "WABA API call rate limit", TimeSpan.FromMinutes(1), 2, TimeSpan.FromMinutes(30), 5),

        131047 or 470 => Never(WhatsAppErrorCategory.WindowClosed, RetryScope.Recipient, "More than 24 hours since the customer last replied; send a template"),
        131026 => Never(WhatsAppErrorCategory.Undeliverable, RetryScope.Recipient, "Message undeliverable to this recipient"),
        131049 => Never(WhatsAppErrorCategory.MarketingLimited, RetryScope.Recipient, "Not delivered to keep ecosystem engagement healthy; do not resend within 24 hours"),
        131050 => Never(WhatsAppErrorCategory.OptedOut, RetryScope.Recipient, "The recipient stopped marketing messages"),
        130472 => Never(WhatsAppErrorCategory.ExperimentGroup, RetryScope.Recipient, "The recipient is part of a marketing experiment"),
        131048 => Never(WhatsAppErrorCategory.SpamRateLimited, RetryScope.PhoneNumber, "Spam rate limit: pause the number and check its quality"),
        132000 => Never(WhatsAppErrorCategory.TemplateParamsMismatch, RetryScope.Message, "Template parameter count mismatch"),
        132001 => Never(WhatsAppErrorCategory.TemplateNotFound, RetryScope.Message, "Template does not exist in this language or is not approved"),
        >= 132000 and < 133000 => Never(WhatsAppErrorCategory.TemplateRejected, RetryScope.Message, "Template cannot be sent as given"),
        131051 or 131052 or 131053 => Never(WhatsAppErrorCategory.MediaOrTypeRejected, RetryScope.Message, "Message type or media rejected"),
        100 or 131008 or 131009 or 131021 => Never(WhatsAppErrorCategory.InvalidRequest, RetryScope.Message, "Invalid request parameter"),
        190 or 104 or 200 or 10 or 3 or 131005 or 0 => Never(WhatsAppErrorCategory.Unauthorized, RetryScope.Account, "Access token missing, expired or without permission"),
        368 or 131031 or 131042 or 131064 => Never(WhatsAppErrorCategory.AccountRestricted, RetryScope.Account, "Account restricted, locked or unable to pay"),
        133010 or 131045 => Never(WhatsAppErrorCategory.NumberNotRegistered, RetryScope.PhoneNumber, "Business number not registered"),
        >= 2388000 and < 2389000 => Never(WhatsAppErrorCategory.TemplateManagement, RetryScope.Message, "Template management request refused"),
        null => ClassifyHttpStatus(httpStatus),
        _ when isTransient == true || httpStatus is >= 500 => Retryable(WhatsAppErrorCategory.Unknown, RetryScope.Message, "Unknown transient error; limited retries", TimeSpan.FromSeconds(5), 2, TimeSpan.FromMinutes(1), 3),
        _ => Never(WhatsAppErrorCategory.Unknown, RetryScope.Message, "Unknown error"),
    };

    /// <summary>For answers without a Graph error envelope: only the HTTP status is left to go on.</summary>
    private static WhatsAppErrorClassification ClassifyHttpStatus(int? httpStatus) => httpStatus switch
    {
        429 => Retryable(WhatsAppErrorCategory.ThroughputLimited, RetryScope.PhoneNumber, "HTTP 429 Too Many Requests", Second, 2, TimeSpan.FromSeconds(30), 10),
        503 => Retryable(WhatsAppErrorCategory.ProviderUnavailable, RetryScope.PhoneNumber, "HTTP 503 Service Unavailable", TimeSpan.FromSeconds(5), 2, TimeSpan.FromMinutes(2), 5),
        401 or 403 => Never(WhatsAppErrorCategory.Unauthorized, RetryScope.Account, $"HTTP {httpStatus} without a Graph error"),
        404 => Never(WhatsAppErrorCategory.NotFound, RetryScope.Message, "HTTP 404: not found or the URL expired"),
        >= 500 => Retryable(WhatsAppErrorCategory.ProviderUnavailable, RetryScope.Message, $"HTTP {httpStatus} without a Graph error", TimeSpan.FromSeconds(5), 2, TimeSpan.FromMinutes(1), 3),
        _ => Never(WhatsAppErrorCategory.Unknown, RetryScope.Message, $"HTTP {httpStatus?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"} without a Graph error"),
    };

    private static WhatsAppErrorClassification Retryable(
        WhatsAppErrorCategory category, RetryScope scope, string reason, TimeSpan minimum, double multiplier, TimeSpan maximum, int maxAttempts) =>
        new(category, new RetryAdvice(true, scope, reason, minimum, multiplier, maximum, maxAttempts));

    private static WhatsAppErrorClassification Never(WhatsAppErrorCategory category, RetryScope scope, string reason) =>
        new(category, RetryAdvice.Never(scope, reason));
}
