namespace Switchboard.Api.Channels;

/// <summary>
/// A sending number as clients see it: secrets are reported only as present or not.
/// <see cref="Healthy"/> is false for a number that cannot be chosen for sending (restricted or
/// disconnected); such numbers still list, so an admin sees what needs attention.
/// </summary>
public sealed record ChannelView(
    string Id,
    string Type,
    string Name,
    string DisplayPhoneNumber,
    string PhoneNumberId,
    string WabaId,
    string GraphBaseUrl,
    string GraphVersion,
    int ThroughputPerSecond,
    string Status,
    bool Healthy,
    bool HasAccessToken,
    bool HasAppSecret,
    bool HasVerifyToken,
    DateTime CreatedAt);
