namespace Switchboard.Grains.Messages;

/// <summary>An error as the provider reported it: Meta's numeric code, its title and details.</summary>
public sealed record ProviderError(int Code, string Title, string? Details = null);
