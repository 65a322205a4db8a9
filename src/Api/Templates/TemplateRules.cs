using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Switchboard.Api.Problems;

namespace Switchboard.Api.Templates;

/// <summary>
/// Meta's rules for a new template (whatsapp-cloud-api.md §4.1), checked before anything is
/// stored so that a draft which would be refused at review is refused now, with the field named
/// (<c>components[1].example.body_text</c>). Only positional placeholders (<c>{{1}}</c>…) are
/// supported: sending fills them in order.
/// </summary>
public static partial class TemplateRules
{
    public const int NameMaxLength = 512;
    public const int HeaderTextMaxLength = 60;
    public const int BodyTextMaxLength = 1024;
    public const int FooterTextMaxLength = 60;
    public const int ButtonTextMaxLength = 25;
    public const int MaxButtons = 10;

    public static readonly string[] Categories = ["marketing", "utility", "authentication"];
    private static readonly string[] HeaderFormats = ["TEXT", "IMAGE", "VIDEO", "DOCUMENT", "LOCATION"];
    private static readonly string[] ButtonTypes = ["QUICK_REPLY", "URL", "PHONE_NUMBER", "COPY_CODE", "OTP", "FLOW", "CATALOG", "MPM", "VOICE_CALL"];

    /// <summary>A valid template in the form we store and submit: upper-case component types and formats.</summary>
    public sealed record ValidTemplate(string Name, string Language, string Category, JsonArray Components);

    public static RequestValidation Validate(CreateTemplateRequest request, out ValidTemplate? template)
    {
        template = null;
        var language = TemplateLanguages.Canonical(request.Language);
        var category = request.Category?.Trim().ToLowerInvariant();
        var validation = new RequestValidation()
            .Require("name", request.Name, NameMaxLength)
            .Check(request.Name is null || Name().IsMatch(request.Name), "name", "name may use only lowercase letters, digits and underscores.")
            .Require("language", request.Language, 20)
            .Check(request.Language is null || language is not null, "language", $"language '{request.Language}' is not one of Meta's supported template languages (e.g. en, en_US, pt_BR).")
            .Require("category", request.Category, 20)
            .Check(category is null || Categories.Contains(category), "category", $"category must be one of {string.Join(", ", Categories)}.");

        var components = CheckComponents(request.Components, category == "authentication", validation);
        if (validation.IsValid)
        {
            template = new ValidTemplate(request.Name!, language!, category!, components!);
        }

        return validation;
    }

    private static JsonArray? CheckComponents(JsonElement? given, bool authentication, RequestValidation validation)
    {
        if (given is not { ValueKind: JsonValueKind.Array } components || components.GetArrayLength() == 0)
        {
            validation.Add("components", "components must be a non-empty array of HEADER, BODY, FOOTER and BUTTONS components.");
            return null;
        }

        var normalized = new JsonArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var component in components.EnumerateArray())
        {
            var field = $"components[{index++}]";
            if (component.ValueKind != JsonValueKind.Object)
            {
                validation.Add(field, $"{field} must be an object.");
                continue;
            }

            var node = JsonNode.Parse(component.GetRawText())!.AsObject();
            var type = Text(component, "type")?.ToUpperInvariant();
            if (type is not ("HEADER" or "BODY" or "FOOTER" or "BUTTONS"))
            {
                validation.Add($"{field}.type", $"{field}.type must be HEADER, BODY, FOOTER or BUTTONS.");
                continue;
            }

            if (!seen.Add(type))
            {
                validation.Add($"{field}.type", $"A template has at most one {type} component.");
                continue;
            }

            node["type"] = type;
            switch (type)
            {
                case "HEADER":
                    CheckHeader(component, node, field, validation);
                    break;
                case "BODY":
                    CheckBody(component, field, authentication, validation);
                    break;
                case "FOOTER":
                    CheckFooter(component, field, authentication, validation);
                    break;
                case "BUTTONS":
                    CheckButtons(component, node, field, validation);
                    break;
            }

            normalized.Add(node);
        }

        validation.Check(seen.Contains("BODY"), "components", "A template needs a BODY component.");
        return normalized;
    }

    private static void CheckHeader(JsonElement header, JsonObject node, string field, RequestValidation validation)
    {
        var format = (Text(header, "format") ?? "TEXT").ToUpperInvariant();
        if (!HeaderFormats.Contains(format))
        {
            validation.Add($"{field}.format", $"{field}.format must be one of {string.Join(", ", HeaderFormats)}.");
            return;
        }

        node["format"] = format;
        if (format != "TEXT")
        {
            return;
        }

        var text = Text(header, "text");
        if (string.IsNullOrWhiteSpace(text) || text.Length > HeaderTextMaxLength)
        {
            validation.Add($"{field}.text", $"A text header needs text of 1 to {HeaderTextMaxLength} characters.");
            return;
        }

        var count = CheckPlaceholders(text, $"{field}.text", edgesAllowed: true, validation);
        if (count > 1)
        {
            validation.Add($"{field}.text", "A header has at most one placeholder, {{1}}.");
        }
        else if (count == 1 && !HasExamples(header, "header_text", 1, nested: false))
        {
            validation.Add($"{field}.example.header_text", "The header's placeholder needs an example: \"example\": {\"header_text\": [\"…\"]}.");
        }
    }

    private static void CheckBody(JsonElement body, string field, bool authentication, RequestValidation validation)
    {
        var text = Text(body, "text");

        // Authentication bodies are written by Meta (the code and an optional security line).
        if (authentication && text is null)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(text) || text.Length > BodyTextMaxLength)
        {
            validation.Add($"{field}.text", $"The body needs text of 1 to {BodyTextMaxLength} characters.");
            return;
        }

        var count = CheckPlaceholders(text, $"{field}.text", edgesAllowed: false, validation);
        if (count > 0 && !HasExamples(body, "body_text", count, nested: true))
        {
            validation.Add($"{field}.example.body_text", $"Each of the body's {count} placeholder(s) needs an example: \"example\": {{\"body_text\": [[{string.Join(", ", Enumerable.Range(1, count).Select(n => $"\"value {n}\""))}]]}}.");
        }
    }

    private static void CheckFooter(JsonElement footer, string field, bool authentication, RequestValidation validation)
    {
        var text = Text(footer, "text");
        if (authentication && text is null)
        {
            return; // code_expiration_minutes instead of text
        }

        if (string.IsNullOrWhiteSpace(text) || text.Length > FooterTextMaxLength)
        {
            validation.Add($"{field}.text", $"The footer needs text of 1 to {FooterTextMaxLength} characters.");
        }
        else if (Token().IsMatch(text))
        {
            validation.Add($"{field}.text", "A footer cannot have placeholders.");
        }
    }

    private static void CheckButtons(JsonElement component, JsonObject node, string field, RequestValidation validation)
    {
        if (!component.TryGetProperty("buttons", out var buttons) || buttons.ValueKind != JsonValueKind.Array || buttons.GetArrayLength() is 0 or > MaxButtons)
        {
            validation.Add($"{field}.buttons", $"BUTTONS needs a list of 1 to {MaxButtons} buttons.");
            return;
        }

        var buttonNodes = node["buttons"]!.AsArray();
        var index = 0;
        foreach (var button in buttons.EnumerateArray())
        {
            var buttonField = $"{field}.buttons[{index}]";
            var buttonNode = buttonNodes[index++] as JsonObject;
            var type = Text(button, "type")?.ToUpperInvariant();
            if (buttonNode is null || type is null || !ButtonTypes.Contains(type))
            {
                validation.Add($"{buttonField}.type", $"{buttonField}.type must be one of {string.Join(", ", ButtonTypes)}.");
                continue;
            }

            buttonNode["type"] = type;
            var text = Text(button, "text");
            if (type != "OTP" && (string.IsNullOrWhiteSpace(text) || text.Length > ButtonTextMaxLength))
            {
                validation.Add($"{buttonField}.text", $"A button needs text of 1 to {ButtonTextMaxLength} characters.");
            }

            if (type == "URL")
            {
                CheckUrlButton(button, buttonField, validation);
            }
            else if (type == "PHONE_NUMBER" && string.IsNullOrWhiteSpace(Text(button, "phone_number")))
            {
                validation.Add($"{buttonField}.phone_number", "A PHONE_NUMBER button needs phone_number.");
            }
        }
    }

    private static void CheckUrlButton(JsonElement button, string field, RequestValidation validation)
    {
        var url = Text(button, "url");
        if (url is null || !Uri.TryCreate(Token().Replace(url, "x"), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            validation.Add($"{field}.url", "A URL button needs an absolute http(s) url.");
            return;
        }

        var placeholders = Token().Matches(url);
        if (placeholders.Count == 0)
        {
            return;
        }

        if (placeholders.Count > 1 || placeholders[0].Value != "{{1}}" || !url.EndsWith("{{1}}", StringComparison.Ordinal))
        {
            validation.Add($"{field}.url", "A URL button has at most one placeholder, {{1}}, at the end of the url.");
        }
        else if (!button.TryGetProperty("example", out var example) || example.ValueKind != JsonValueKind.Array || example.GetArrayLength() == 0
            || example[0].ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(example[0].GetString()))
        {
            validation.Add($"{field}.example", "The url's placeholder needs an example: \"example\": [\"…\"].");
        }
    }

    /// <summary>
    /// Checks the placeholders of a text and answers how many distinct ones it has. They must be
    /// <c>{{1}}</c>…<c>{{n}}</c> without gaps, never side by side, and (in a body) neither first nor last.
    /// </summary>
    private static int CheckPlaceholders(string text, string field, bool edgesAllowed, RequestValidation validation)
    {
        var tokens = Token().Matches(text);
        var numbers = new SortedSet<int>();
        foreach (Match token in tokens)
        {
            var inside = token.Groups[1].Value;
            if (!Number().IsMatch(inside))
            {
                validation.Add(field, $"'{token.Value}' is not a placeholder: use numbered ones, {{{{1}}}}, {{{{2}}}}…");
                return numbers.Count;
            }

            numbers.Add(int.Parse(inside, CultureInfo.InvariantCulture));
        }

        var stripped = Token().Replace(text, "");
        if (stripped.Contains("{{", StringComparison.Ordinal) || stripped.Contains("}}", StringComparison.Ordinal))
        {
            validation.Add(field, "The text has an unclosed or malformed placeholder.");
        }
        else if (numbers.Count > 0 && numbers.Max != numbers.Count)
        {
            validation.Add(field, $"Placeholders must be numbered from {{{{1}}}} to {{{{{numbers.Count}}}}} without gaps.");
        }
        else if (Adjacent().IsMatch(text))
        {
            validation.Add(field, "Placeholders cannot be next to each other (like {{1}}{{2}}); put words or punctuation between them.");
        }
        else if (!edgesAllowed && tokens.Count > 0 && (text.TrimStart().StartsWith("{{", StringComparison.Ordinal) || text.TrimEnd().EndsWith("}}", StringComparison.Ordinal)))
        {
            validation.Add(field, "The body cannot start or end with a placeholder.");
        }

        return numbers.Count;
    }

    /// <summary>header_text: ["a"]; body_text: [["a", "b"]] — one non-empty example per placeholder.</summary>
    private static bool HasExamples(JsonElement component, string property, int count, bool nested)
    {
        if (!component.TryGetProperty("example", out var example) || example.ValueKind != JsonValueKind.Object
            || !example.TryGetProperty(property, out var values) || values.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        if (nested)
        {
            if (values.GetArrayLength() == 0 || values[0].ValueKind != JsonValueKind.Array)
            {
                return false;
            }

            values = values[0];
        }

        return values.GetArrayLength() == count
            && values.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString()));
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    [GeneratedRegex("^[a-z0-9_]+$")]
    private static partial Regex Name();

    [GeneratedRegex(@"\{\{([^{}]*)\}\}")]
    private static partial Regex Token();

    [GeneratedRegex("^[1-9][0-9]{0,2}$")]
    private static partial Regex Number();

    [GeneratedRegex(@"\}\}\s*\{\{")]
    private static partial Regex Adjacent();
}
