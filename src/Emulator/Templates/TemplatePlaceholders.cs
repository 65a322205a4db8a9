using System.Text.RegularExpressions;

namespace Switchboard.Emulator.Templates;

/// <summary>The <c>{{1}}</c> / <c>{{name}}</c> variables of template text (spec §4.1).</summary>
public static partial class TemplatePlaceholders
{
    [GeneratedRegex(@"\{\{\s*([^{}\s]*)\s*\}\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\}\}\s*\{\{")]
    private static partial Regex Adjacent();

    [GeneratedRegex(@"^[a-z_][a-z0-9_]*$")]
    private static partial Regex NamedParameter();

    /// <summary>Variable names in order of appearance, duplicates kept out.</summary>
    public static IReadOnlyList<string> Names(string? text) =>
        text is null ? [] : [.. Placeholder().Matches(text).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal)];

    /// <summary>Positional variables must be exactly {{1}}…{{n}}.</summary>
    public static bool AreSequentialPositions(IReadOnlyList<string> names) =>
        names.All(n => int.TryParse(n, out _))
        && names.Select(int.Parse).Order().SequenceEqual(Enumerable.Range(1, names.Count));

    public static bool AreValidNames(IReadOnlyList<string> names) => names.All(n => NamedParameter().IsMatch(n));

    /// <summary>Meta refuses a variable at the very start or end of the text (error subcode 2388299).</summary>
    public static bool StartsOrEndsWithVariable(string text)
    {
        var trimmed = text.Trim();
        var matches = Placeholder().Matches(trimmed);
        return matches.Count > 0 && (matches[0].Index == 0 || matches[^1].Index + matches[^1].Length == trimmed.Length);
    }

    /// <summary>Variables next to each other like {{1}}{{2}}: rejected in review with INVALID_FORMAT (spec §3.8).</summary>
    public static bool HasAdjacentVariables(string text) => Adjacent().IsMatch(text);

    /// <summary>Replaces each variable with its value; unknown variables stay as they are.</summary>
    public static string Fill(string text, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var value) ? value : m.Value);
}
