using Microsoft.Extensions.Logging;

namespace Switchboard.Channels.WhatsApp.Client;

// Phone numbers, tokens and message text are never logged: ids and codes are enough to trace a call.
internal static partial class WhatsAppClientLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "WhatsApp {Operation} for phone-number id {PhoneNumberId} succeeded")]
    public static partial void Succeeded(ILogger logger, string operation, string phoneNumberId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "WhatsApp {Operation} for phone-number id {PhoneNumberId} failed: code {Code}, HTTP {HttpStatus}, {Category}, retry {CanRetry}, fbtrace {FbTraceId}")]
    public static partial void Failed(ILogger logger, string operation, string phoneNumberId, int? code, int? httpStatus, Errors.WhatsAppErrorCategory category, bool canRetry, string? fbTraceId);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "WhatsApp {Operation} for phone-number id {PhoneNumberId} has an unknown outcome ({Cause}): {Detail}")]
    public static partial void OutcomeUnknown(ILogger logger, string operation, string phoneNumberId, UnknownOutcomeCause cause, string detail);
}
