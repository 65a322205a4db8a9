namespace Switchboard.Channels.WhatsApp.Errors;

/// <summary>The meaning of an error code and the retry policy that follows from it.</summary>
public sealed record WhatsAppErrorClassification(WhatsAppErrorCategory Category, RetryAdvice Retry);
