using System.Text.RegularExpressions;
using Switchboard.Api.Problems;

namespace Switchboard.Api.Channels;

/// <summary>What a sending number's fields must look like, for creation and for changes alike.</summary>
public static partial class ChannelRules
{
    public const string WhatsApp = "whatsapp";
    public const string DefaultGraphBaseUrl = "https://graph.facebook.com";

    public static readonly string[] Statuses = ["healthy", "restricted", "disconnected"];

    public static RequestValidation Validate(CreateChannelRequest request) =>
        new RequestValidation()
            .Require("type", request.Type, 20)
            .Require("displayPhoneNumber", request.DisplayPhoneNumber, 32)
            .Require("phoneNumberId", request.PhoneNumberId, 32)
            .Require("wabaId", request.WabaId, 32)
            .Require("accessToken", request.AccessToken, 4096)
            .Require("appSecret", request.AppSecret, 256)
            .Require("verifyToken", request.VerifyToken, 256)
            .Also(CheckShapes(request.Type, request.Name, request.DisplayPhoneNumber, request.PhoneNumberId, request.WabaId, request.GraphBaseUrl, request.GraphVersion, request.ThroughputPerSecond, request.Status));

    public static RequestValidation Validate(UpdateChannelRequest request) =>
        new RequestValidation()
            .Check(request.AccessToken is null || request.AccessToken.Trim().Length is > 0 and <= 4096, "accessToken", "accessToken must be 1 to 4096 characters.")
            .Check(request.AppSecret is null || request.AppSecret.Trim().Length is > 0 and <= 256, "appSecret", "appSecret must be 1 to 256 characters.")
            .Check(request.VerifyToken is null || request.VerifyToken.Trim().Length is > 0 and <= 256, "verifyToken", "verifyToken must be 1 to 256 characters.")
            .Also(CheckShapes(request.Type, request.Name, request.DisplayPhoneNumber, request.PhoneNumberId, request.WabaId, request.GraphBaseUrl, request.GraphVersion, request.ThroughputPerSecond, request.Status));

    /// <summary>https://graph.example/ → https://graph.example: one spelling per base URL.</summary>
    public static string? NormalizeBaseUrl(string? url) => url?.Trim().TrimEnd('/');

    private static IEnumerable<(bool Valid, string Field, string Message)> CheckShapes(
        string? type, string? name, string? displayPhoneNumber, string? phoneNumberId, string? wabaId,
        string? graphBaseUrl, string? graphVersion, int? throughputPerSecond, string? status)
    {
        yield return (type is null || string.Equals(type.Trim(), WhatsApp, StringComparison.OrdinalIgnoreCase), "type", "type must be 'whatsapp'.");
        yield return (name is null || name.Trim().Length is > 0 and <= 100, "name", "name must be 1 to 100 characters.");
        yield return (displayPhoneNumber is null || DisplayNumber().IsMatch(displayPhoneNumber.Trim()), "displayPhoneNumber", "displayPhoneNumber must be a phone number (digits, optionally with +, spaces, dashes or parentheses).");
        yield return (phoneNumberId is null || Digits().IsMatch(phoneNumberId.Trim()), "phoneNumberId", "phoneNumberId must be the provider's numeric phone-number id.");
        yield return (wabaId is null || Digits().IsMatch(wabaId.Trim()), "wabaId", "wabaId must be the provider's numeric WhatsApp Business Account id.");
        yield return (graphBaseUrl is null || IsBaseUrl(graphBaseUrl), "graphBaseUrl", "graphBaseUrl must be an absolute http(s) URL without query or fragment.");
        yield return (graphVersion is null || GraphVersion().IsMatch(graphVersion.Trim()), "graphVersion", "graphVersion must look like v21.0.");
        yield return (throughputPerSecond is null or (>= 1 and <= 1000), "throughputPerSecond", "throughputPerSecond must be between 1 and 1000.");
        yield return (status is null || Statuses.Contains(status.Trim()), "status", $"status must be one of {string.Join(", ", Statuses)}.");
    }

    private static RequestValidation Also(this RequestValidation validation, IEnumerable<(bool Valid, string Field, string Message)> checks)
    {
        foreach (var (valid, field, message) in checks)
        {
            validation.Check(valid, field, message);
        }

        return validation;
    }

    private static bool IsBaseUrl(string value) =>
        Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.Query.Length == 0 && uri.Fragment.Length == 0 && value.Length <= 500;

    [GeneratedRegex(@"^\+?[0-9][0-9 ().-]{4,30}$")]
    private static partial Regex DisplayNumber();

    [GeneratedRegex(@"^[0-9]{1,32}$")]
    private static partial Regex Digits();

    [GeneratedRegex(@"^v[0-9]{1,3}\.[0-9]{1,3}$")]
    private static partial Regex GraphVersion();
}
