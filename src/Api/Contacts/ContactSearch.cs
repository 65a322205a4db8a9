using System.Text.RegularExpressions;

namespace Switchboard.Api.Contacts;

/// <summary>
/// Turns the search box into SQL parameters.
/// Words (names) go through the GIN index <c>contacts_search</c> as prefix matches
/// (<c>ann:* &amp; smi:*</c>): agents type the start of a name, and this stays fast for a large
/// address book where <c>ILIKE '%…%'</c> would scan every contact of the tenant. Numbers are
/// different: the text-search parser keeps "+447700900123" as one token, so typing the middle or
/// end of a number (what people remember) cannot use it; a query that looks like a number is
/// matched as a substring of <c>phone_number</c>, which scans only the tenant's rows.
/// </summary>
public sealed partial record ContactSearch(string? TextQuery, string? NumberPattern)
{
    public static ContactSearch Parse(string? q)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return new ContactSearch(null, null);
        }

        var trimmed = q.Trim();
        var digits = new string(trimmed.Where(char.IsAsciiDigit).ToArray());
        if (NumberLike().IsMatch(trimmed) && digits.Length >= 3)
        {
            return new ContactSearch(null, $"%{digits}%");
        }

        // Only letters and digits reach to_tsquery, so nothing typed can break its syntax.
        var terms = Separators().Split(trimmed.ToLowerInvariant()).Where(t => t.Length > 0).Take(8).Select(t => t + ":*").ToList();
        return terms.Count == 0 ? new ContactSearch(null, null) : new ContactSearch(string.Join(" & ", terms), null);
    }

    [GeneratedRegex(@"^[+0-9\s().-]+$")]
    private static partial Regex NumberLike();

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex Separators();
}
