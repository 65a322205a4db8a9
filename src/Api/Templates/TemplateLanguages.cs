namespace Switchboard.Api.Templates;

/// <summary>
/// Meta's supported template languages (whatsapp-cloud-api.md §4.1; the list may lag Meta's).
/// Codes are Meta's: a bare language (en) or language_REGION (en_US), with an underscore.
/// </summary>
public static class TemplateLanguages
{
    private static readonly string[] Codes =
    [
        "af", "sq", "ar", "az", "bn", "bg", "ca", "zh_CN", "zh_HK", "zh_TW", "hr", "cs", "da", "nl", "en", "en_GB",
        "en_US", "et", "fil", "fi", "fr", "de", "el", "gu", "ha", "he", "hi", "hu", "id", "ga", "it", "ja", "kn", "kk",
        "ko", "lo", "lv", "lt", "mk", "ms", "ml", "mr", "nb", "fa", "pl", "pt_BR", "pt_PT", "pa", "ro", "ru", "sr", "sk",
        "sl", "es", "es_AR", "es_ES", "es_MX", "sw", "sv", "ta", "te", "th", "tr", "uk", "ur", "uz", "vi", "zu",
    ];

    private static readonly Dictionary<string, string> ByLowerCase = Codes.ToDictionary(c => c.ToLowerInvariant(), StringComparer.Ordinal);

    /// <summary>Meta's spelling of <paramref name="code"/> ("en-us" → "en_US"), or null when Meta does not support it.</summary>
    public static string? Canonical(string? code) =>
        code is null ? null : ByLowerCase.GetValueOrDefault(code.Trim().Replace('-', '_').ToLowerInvariant());
}
