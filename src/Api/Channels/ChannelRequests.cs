namespace Switchboard.Api.Channels;

/// <summary>
/// A sending number as an admin registers it. Secrets (access token, app secret, verify token)
/// are write-only, so <see cref="ToString"/> leaves them out: a request printed in a log shows none.
/// </summary>
public sealed record CreateChannelRequest(
    string? Type,
    string? Name,
    string? DisplayPhoneNumber,
    string? PhoneNumberId,
    string? WabaId,
    string? AccessToken,
    string? AppSecret,
    string? VerifyToken,
    string? GraphBaseUrl,
    string? GraphVersion,
    int? ThroughputPerSecond,
    string? Status)
{
    public override string ToString() => $"CreateChannelRequest {{ Type = {Type}, PhoneNumberId = {PhoneNumberId}, WabaId = {WabaId} }}";
}

/// <summary>Changes to a number; absent fields stay as they are. Giving a secret rotates it.</summary>
public sealed record UpdateChannelRequest(
    string? Type,
    string? Name,
    string? DisplayPhoneNumber,
    string? PhoneNumberId,
    string? WabaId,
    string? AccessToken,
    string? AppSecret,
    string? VerifyToken,
    string? GraphBaseUrl,
    string? GraphVersion,
    int? ThroughputPerSecond,
    string? Status)
{
    public override string ToString() => $"UpdateChannelRequest {{ PhoneNumberId = {PhoneNumberId}, WabaId = {WabaId}, Status = {Status} }}";
}
