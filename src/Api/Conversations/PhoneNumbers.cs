using System.Text.RegularExpressions;

namespace Switchboard.Api.Conversations;

/// <summary>E.164: '+', a country code not starting with 0, and 8 to 15 digits in all.</summary>
public static partial class PhoneNumbers
{
    public static bool IsE164(string value) => E164().IsMatch(value);

    /// <summary>The WhatsApp id of an E.164 number: its digits.</summary>
    public static string WaId(string e164) => e164.TrimStart('+');

    [GeneratedRegex(@"^\+[1-9][0-9]{7,14}$")]
    private static partial Regex E164();
}
