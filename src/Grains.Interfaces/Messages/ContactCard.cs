namespace Switchboard.Grains.Messages;

public sealed record ContactCard(
    ContactName Name,
    IReadOnlyList<ContactPhone>? Phones = null,
    IReadOnlyList<ContactEmail>? Emails = null,
    ContactOrg? Org = null,
    IReadOnlyList<ContactUrl>? Urls = null,
    IReadOnlyList<ContactAddress>? Addresses = null,
    string? Birthday = null);

public sealed record ContactName(
    string FormattedName,
    string? FirstName = null,
    string? LastName = null,
    string? MiddleName = null,
    string? Prefix = null,
    string? Suffix = null);

public sealed record ContactPhone(string? Phone, string? WaId = null, string? Type = null);

public sealed record ContactEmail(string Email, string? Type = null);

public sealed record ContactOrg(string? Company = null, string? Department = null, string? Title = null);

public sealed record ContactUrl(string Url, string? Type = null);

public sealed record ContactAddress(
    string? Street = null,
    string? City = null,
    string? State = null,
    string? Zip = null,
    string? Country = null,
    string? CountryCode = null,
    string? Type = null);
