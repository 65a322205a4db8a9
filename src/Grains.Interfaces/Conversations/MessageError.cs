using Switchboard.Grains.Messages;

namespace Switchboard.Grains.Conversations;

/// <summary>
/// Why a message failed: a stable <paramref name="Code"/> (the provider's numeric code as text,
/// or ours such as <c>window_closed</c>), a sentence an agent understands, and the provider's
/// own error when there was one.
/// </summary>
public sealed record MessageError(string Code, string Reason, ProviderError? Provider = null);
