namespace Switchboard.Channels.WhatsApp.Errors;

/// <summary>What an error means for the product, so callers branch on meaning rather than on Meta's codes.</summary>
public enum WhatsAppErrorCategory
{
    /// <summary>A code this library does not know; see the HTTP status and <see cref="RetryAdvice"/>.</summary>
    Unknown = 0,

    /// <summary>130429: the number's throughput (messages per second) is exhausted.</summary>
    ThroughputLimited,

    /// <summary>131056: too many messages to the same recipient in a short time.</summary>
    PairRateLimited,

    /// <summary>4, 80007: Graph API call limits of the app or the WABA.</summary>
    ApiRateLimited,

    /// <summary>131048: the number is spam-limited; pause it.</summary>
    SpamRateLimited,

    /// <summary>131000, 131016, 131057, 1, 2, 133004: Meta could not process the request now.</summary>
    ProviderUnavailable,

    /// <summary>131047 (and legacy 470): the customer-service window is closed; send a template.</summary>
    WindowClosed,

    /// <summary>131026: not a WhatsApp user, or a client that cannot receive the message.</summary>
    Undeliverable,

    /// <summary>131049: held back to keep per-user marketing engagement healthy; not before 24 h.</summary>
    MarketingLimited,

    /// <summary>131050: the customer stopped marketing messages.</summary>
    OptedOut,

    /// <summary>130472: the customer is in a marketing experiment.</summary>
    ExperimentGroup,

    /// <summary>132001: template missing in that language or not approved.</summary>
    TemplateNotFound,

    /// <summary>132000: the number of template parameters does not match.</summary>
    TemplateParamsMismatch,

    /// <summary>Other 132xxx: the template is paused, disabled, too long, against policy or badly formatted.</summary>
    TemplateRejected,

    /// <summary>Template management errors (2388xxx and friends) when creating or editing templates.</summary>
    TemplateManagement,

    /// <summary>131051, 131052, 131053: unsupported type, media that could not be fetched or uploaded.</summary>
    MediaOrTypeRejected,

    /// <summary>100, 131008, 131009, 131021, or a request this client refused to build: the request is wrong.</summary>
    InvalidRequest,

    /// <summary>190, 104, 200, 10, 3, 131005, 0: the token is missing, expired or lacks permission.</summary>
    Unauthorized,

    /// <summary>368, 131031, 131042, 131064: the account is restricted, locked or cannot pay.</summary>
    AccountRestricted,

    /// <summary>133010, 131045: the business number is not (properly) registered.</summary>
    NumberNotRegistered,

    /// <summary>HTTP 404 without a Graph error, e.g. an expired media URL.</summary>
    NotFound,
}
