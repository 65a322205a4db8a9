using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Switchboard.Api.Contacts;

/// <summary>
/// Phone numbers in E.164: '+', a country code that does not start with 0, 8 to 15 digits in all.
/// People paste numbers with spaces, dashes, dots and parentheses; those are dropped first, so
/// "+44 (7700) 900-123" and "+447700900123" are the same contact (its id is derived from this form).
/// </summary>
public static partial class E164
{
    public const string Rule = "a phone number in E.164 form: '+' and the country code, 8 to 15 digits (e.g. +447700900123)";

    public static bool TryNormalize(string? input, [NotNullWhen(true)] out string? normalized)
    {
        normalized = null;
        if (string.IsNullOrWhiteSpace(input))
        {
            return false;
        }

        var compact = Separators().Replace(input.Trim(), "");
        if (!Strict().IsMatch(compact))
        {
            return false;
        }

        normalized = compact;
        return true;
    }

    [GeneratedRegex(@"[\s().-]")]
    private static partial Regex Separators();

    [GeneratedRegex(@"^\+[1-9][0-9]{7,14}$")]
    private static partial Regex Strict();
}
