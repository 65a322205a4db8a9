namespace Switchboard.Grains.Abstractions;

/// <summary>
/// A command that must take effect at most once per key (a provider message id,
/// a client's Idempotency-Key). The grain's storage records the key in the turn's own
/// transaction under a UNIQUE constraint, so a repeat changes nothing.
/// </summary>
public interface IIdempotentCommand
{
    string? IdempotencyKey { get; }
}
