namespace Switchboard.Channels.WhatsApp.Errors;

/// <summary>What an error concerns, and therefore what a caller should hold back: one message, one recipient, the number, or the whole account.</summary>
public enum RetryScope
{
    Message,
    Recipient,
    PhoneNumber,
    Account,
}
