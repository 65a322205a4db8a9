using System.Diagnostics.CodeAnalysis;
using Switchboard.Channels.WhatsApp.Errors;

namespace Switchboard.Channels.WhatsApp.Client;

/// <summary>
/// The result of a Graph call: <see cref="Success"/>, a definite <see cref="Failure"/>, or
/// <see cref="OutcomeUnknown"/> when the request may have reached the provider without an answer.
/// </summary>
public abstract record WhatsAppResult<T>
{
    private WhatsAppResult()
    {
    }

    public sealed record Success(T Value) : WhatsAppResult<T>;

    public sealed record Failure(WhatsAppError Error) : WhatsAppResult<T>;

    public sealed record OutcomeUnknown(UnknownOutcome Unknown) : WhatsAppResult<T>;

    public bool IsSuccess => this is Success;

    public bool TryGetValue([MaybeNullWhen(false)] out T value)
    {
        if (this is Success success)
        {
            value = success.Value;
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>The error when this is a <see cref="Failure"/>, otherwise null.</summary>
    public WhatsAppError? ErrorOrNull => (this as Failure)?.Error;

    /// <summary>The unknown outcome when this is <see cref="OutcomeUnknown"/>, otherwise null.</summary>
    public UnknownOutcome? UnknownOrNull => (this as OutcomeUnknown)?.Unknown;

    /// <summary>A failure or unknown outcome carried over to another value type; a success has no such form.</summary>
    internal WhatsAppResult<TOther> WithoutValue<TOther>() => this switch
    {
        Failure failure => new WhatsAppResult<TOther>.Failure(failure.Error),
        OutcomeUnknown unknown => new WhatsAppResult<TOther>.OutcomeUnknown(unknown.Unknown),
        _ => throw new InvalidOperationException("A successful result has a value to carry; map it instead."),
    };
}
