using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;

namespace Switchboard.Api.Tests.Infrastructure;

/// <summary>Registers sending numbers through the API, each with provider ids no other test uses.</summary>
public static class ChannelSeeds
{
    public sealed record ChannelSecrets(string PhoneNumberId, string WabaId, string AccessToken, string AppSecret, string VerifyToken);

    /// <summary>Fresh ids and secrets: digits for the provider's ids, random text for the secrets.</summary>
    public static ChannelSecrets NewSecrets() => new(
        RandomDigits(15), RandomDigits(15), "EAAG" + RandomText(), "app-secret-" + RandomText(), "verify-" + RandomText());

    public static object Body(ChannelSecrets secrets, string? graphBaseUrl = null, string? status = null, string? name = null) => new
    {
        type = "whatsapp",
        name,
        displayPhoneNumber = "+1 555 0100",
        phoneNumberId = secrets.PhoneNumberId,
        wabaId = secrets.WabaId,
        accessToken = secrets.AccessToken,
        appSecret = secrets.AppSecret,
        verifyToken = secrets.VerifyToken,
        graphBaseUrl,
        status,
    };

    /// <summary>Adds a WhatsApp number as the tenant's admin and answers its view.</summary>
    public static async Task<JsonElement> AddChannelAsync(this TenantSession tenant, ChannelSecrets? secrets = null, string? graphBaseUrl = null, string? status = null)
    {
        var response = await tenant.Admin.PostAsJsonAsync("/api/v1/channels", Body(secrets ?? NewSecrets(), graphBaseUrl, status));
        return await response.ReadAsync<JsonElement>();
    }

    public static string RandomDigits(int length) =>
        RandomNumberGenerator.GetInt32(1, 10).ToString(System.Globalization.CultureInfo.InvariantCulture)
        + string.Concat(Enumerable.Range(1, length - 1).Select(_ => RandomNumberGenerator.GetInt32(0, 10).ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private static string RandomText() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
}
