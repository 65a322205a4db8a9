namespace Switchboard.Emulator.Graph;

/// <summary>
/// The errors the emulator answers with, worded as Meta words them (spec §1.10, §1.12, §2, §4.3, §5).
/// Clients must key on <c>code</c>; the texts are here so that logs look like the real thing.
/// </summary>
public static class GraphErrors
{
    public const string ErrorCodesHref = "/documentation/business-messaging/whatsapp/support/error-codes";

    public static GraphError MissingToken() =>
        new(401, 104, "An access token is required to request this resource.");

    public static GraphError InvalidToken() =>
        new(401, 190, "Invalid OAuth access token - Cannot parse access token");

    /// <summary>Unknown or inaccessible object id: HTTP 400, GraphMethodException, code 100, subcode 33.</summary>
    public static GraphError UnknownObject(string objectId, string method) =>
        new(400, 100,
            $"Unsupported {method.ToLowerInvariant()} request. Object with ID '{objectId}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api",
            Type: "GraphMethodException", Subcode: 33);

    public static GraphError InvalidParameter(string details) =>
        new(400, 100, "(#100) Invalid parameter", Details: details);

    public static GraphError RequiredParameterMissing(string parameter) =>
        new(400, 131008, "(#131008) Required parameter is missing", Details: $"The parameter {parameter} is required.");

    public static GraphError ParameterValueNotValid(string details) =>
        new(400, 131009, "(#131009) Parameter value is not valid", Details: details);

    public static GraphError UnsupportedMessageType(string type) =>
        new(400, 131051, "(#131051) Unsupported message type", Details: $"Message type {type} is not currently supported.");

    public static GraphError ThroughputReached() =>
        new(400, 130429, "(#130429) Rate limit hit", Subcode: 2494055, Details: "Cloud API message throughput has been reached.");

    public static GraphError PairRateLimitHit() =>
        new(400, 131056, "(#131056) (Business Account, Consumer Account) pair rate limit hit",
            Details: "Message failed to send because there were too many messages sent from this phone number to the same phone number in a short period of time.");

    public static GraphError ReEngagementRequired() =>
        new(400, 131047, "(#131047) Re-engagement message",
            Details: "Message failed to send because more than 24 hours have passed since the customer last replied to this number.");

    public static GraphError NotOnWhatsApp() =>
        new(400, 131026, "(#131026) Message undeliverable",
            Details: "Unable to deliver message. Reasons can include: the recipient phone number is not a WhatsApp phone number; the recipient has not accepted WhatsApp's new Terms of Service and Privacy Policy; the recipient is using an old WhatsApp version.");

    public static GraphError MediaUploadError(string details) =>
        new(400, 131053, "(#131053) Media upload error", Details: details);

    public static GraphError TemplateParameterCountMismatch(string details) =>
        new(400, 132000, "(#132000) Number of parameters does not match the expected number of params", Details: details);

    public static GraphError TemplateNotFound(string name, string language) =>
        new(404, 132001, "(#132001) Template name does not exist in the translation",
            Details: $"template name ({name}) does not exist in {language}");

    public static GraphError TemplateParameterFormatMismatch(string details) =>
        new(400, 132012, "(#132012) Parameter format does not match format in the created template", Details: details);

    public static GraphError TemplatePaused(string name) =>
        new(400, 132015, "(#132015) Template is Paused", Details: $"Template {name} is paused due to low quality so it cannot be sent in a template message.");

    public static GraphError TemplateDisabled(string name) =>
        new(400, 132016, "(#132016) Template is disabled", Details: $"Template {name} has been paused too many times due to low quality and is now permanently disabled.");

    /// <summary>Real traffic for a template delete of an unknown name (spec §1.12): note the bare message.</summary>
    public static GraphError TemplateNotFoundForDelete(string name) =>
        new(400, 100, "Invalid parameter", Subcode: 2593002, IsTransient: false,
            UserTitle: "Message Template Not Found", UserMessage: $"The message template {name} wasn't found for this account.");

    public static GraphError TemplateDefinitionInvalid(string userTitle, string userMessage, int? subcode = null) =>
        new(400, 100, "(#100) Invalid parameter", Subcode: subcode, Details: userMessage, IsTransient: false,
            UserTitle: userTitle, UserMessage: userMessage);

    /// <summary>
    /// Any WhatsApp error code by number, for fault injection. Codes the catalogue does not know get a
    /// generic title, so tests can inject codes Meta adds later.
    /// </summary>
    public static GraphError ForCode(int code) => code switch
    {
        100 => InvalidParameter("Injected by the emulator."),
        104 => MissingToken(),
        190 => InvalidToken(),
        130429 => ThroughputReached(),
        131008 => RequiredParameterMissing("injected"),
        131009 => ParameterValueNotValid("Injected by the emulator."),
        131026 => NotOnWhatsApp(),
        131047 => ReEngagementRequired(),
        131053 => MediaUploadError("Injected by the emulator."),
        131056 => PairRateLimitHit(),
        132000 => TemplateParameterCountMismatch("Injected by the emulator."),
        132001 => TemplateNotFound("injected", "en_US"),
        _ => Catalogue.TryGetValue(code, out var entry)
            ? new GraphError(entry.HttpStatus, code, $"(#{code}) {entry.Title}", Details: entry.Details)
            : new GraphError(400, code, $"(#{code}) Error", Details: "Injected by the emulator."),
    };

    private static readonly Dictionary<int, (int HttpStatus, string Title, string Details)> Catalogue = new()
    {
        [1] = (400, "API Unknown", "Invalid request or possible server error."),
        [2] = (503, "API Service", "Temporary due to downtime or due to being overloaded."),
        [4] = (400, "API Too Many Calls", "The app has reached its API call rate limit."),
        [368] = (403, "Temporarily blocked for policies violations", "The WhatsApp Business Account associated with the app has been restricted or disabled for violating a platform policy."),
        [80007] = (400, "Rate limit issues", "The WhatsApp Business Account has reached its rate limit."),
        [130472] = (400, "User's number is part of an experiment", "Failed to send message because this user's phone number is part of an experiment."),
        [131000] = (500, "Something went wrong", "Message failed to send due to an unknown error."),
        [131005] = (403, "Access denied", "Permission is either not granted or has been removed."),
        [131016] = (500, "Service unavailable", "A service is temporarily unavailable."),
        [131021] = (400, "Recipient cannot be sender", "Sender and recipient phone number is the same."),
        [131031] = (403, "Account has been locked", "The WhatsApp Business Account associated with the app has been restricted or disabled for violating a platform policy."),
        [131042] = (400, "Business eligibility payment issue", "Message failed to send because there were one or more errors related to your payment method."),
        [131045] = (500, "Incorrect certificate", "Message failed to send due to a phone number registration error."),
        [131048] = (400, "Spam rate limit hit", "Message failed to send because there are restrictions on how many messages can be sent from this phone number."),
        [131049] = (400, "This message was not delivered to maintain healthy ecosystem engagement.", "In order to maintain a healthy ecosystem engagement, the message failed to be delivered."),
        [131050] = (400, "Unable to deliver the message. This recipient has chosen to stop receiving marketing messages on WhatsApp from your business.", "This recipient has chosen to stop receiving marketing messages on WhatsApp from your business."),
        [131051] = (400, "Unsupported message type", "Message type is not currently supported."),
        [131057] = (500, "Account in maintenance mode", "Business Account is in maintenance mode."),
        [132005] = (400, "Template Hydrated Text Too Long", "Translated text is too long."),
        [132007] = (400, "Template Format Character Policy Violated", "Template content violates a WhatsApp policy."),
        [132012] = (400, "Template Parameter Format Mismatch", "Variable parameter values formatted incorrectly."),
        [132015] = (400, "Template is Paused", "Template is paused due to low quality so it cannot be sent in a template message."),
        [132016] = (400, "Template is disabled", "Template has been paused too many times due to low quality and is now permanently disabled."),
        [133004] = (503, "Server Temporarily Unavailable", "Server is temporarily unavailable."),
        [133010] = (400, "Phone number Not Registered", "Phone number not registered on the Whatsapp Business Platform."),
    };
}
