using System.Text.Json.Nodes;
using Switchboard.Emulator.Graph;

namespace Switchboard.Emulator.Templates;

/// <summary>A template header: its format and, for TEXT, its text and variables.</summary>
public sealed record TemplateHeader(string Format, string? Text, IReadOnlyList<string> Variables);

/// <summary>A template button as stored (an OTP button is stored as URL, spec §4.1).</summary>
public sealed record TemplateButton(string Type, string Text, string? Url, IReadOnlyList<string> Variables);

/// <summary>
/// The content of a template as created through <c>POST /{waba-id}/message_templates</c>, checked against
/// the rules of spec §4.1: name, language, category, component limits and an example for every variable.
/// </summary>
public sealed record TemplateDefinition(
    string Name,
    string Language,
    string Category,
    bool NamedParameters,
    TemplateHeader? Header,
    string BodyText,
    IReadOnlyList<string> BodyVariables,
    string? FooterText,
    IReadOnlyList<TemplateButton> Buttons,
    JsonArray Components)
{
    private static readonly string[] Categories = ["AUTHENTICATION", "MARKETING", "UTILITY"];
    private static readonly string[] HeaderFormats = ["TEXT", "IMAGE", "VIDEO", "DOCUMENT", "LOCATION", "GIF"];

    /// <summary>Variables next to each other: accepted at creation, rejected in review (spec §3.8).</summary>
    public bool HasAdjacentVariables => TemplatePlaceholders.HasAdjacentVariables(BodyText)
        || (Header?.Text is { } header && TemplatePlaceholders.HasAdjacentVariables(header));

    public static (TemplateDefinition? Definition, GraphError? Error) Parse(JsonObject request)
    {
        var name = request.Text("name");
        if (string.IsNullOrEmpty(name))
        {
            return Invalid("Missing template name", "The parameter name is required.");
        }
        if (name.Length > 512 || !name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
        {
            return Invalid("Invalid template name", "Template names may contain only lowercase letters, digits and underscores, at most 512 characters.");
        }
        var language = request.Text("language");
        if (string.IsNullOrEmpty(language))
        {
            return Invalid("Missing language", "The parameter language is required.");
        }
        if (!TemplateLanguages.Supported.Contains(language))
        {
            return Invalid("Invalid language", $"The language {language} is not supported for message templates.");
        }
        var category = request.Text("category")?.ToUpperInvariant();
        if (category is null || !Categories.Contains(category))
        {
            return Invalid("Invalid category", "Category must be one of AUTHENTICATION, MARKETING or UTILITY.");
        }
        var format = request.Text("parameter_format")?.ToLowerInvariant() ?? "positional";
        if (format is not ("positional" or "named"))
        {
            return Invalid("Invalid parameter format", "parameter_format must be positional or named.");
        }
        if (request.Array("components") is not { Count: > 0 } components)
        {
            return Invalid("Missing components", "The parameter components is required.");
        }
        return ParseComponents(name, language, category, format == "named", components);
    }

    /// <summary>Checks components for an existing template's name, language and category (also used by template edits).</summary>
    public static (TemplateDefinition? Definition, GraphError? Error) ParseComponents(
        string name, string language, string category, bool namedParameters, JsonArray components)
    {
        TemplateHeader? header = null;
        string? bodyText = null;
        IReadOnlyList<string> bodyVariables = [];
        string? footerText = null;
        List<TemplateButton> buttons = [];
        var normalized = new JsonArray();
        var seen = new HashSet<string>();
        var authentication = category == "AUTHENTICATION";

        foreach (var node in components)
        {
            if (node is not JsonObject component || component.Text("type")?.ToUpperInvariant() is not { } type)
            {
                return Invalid("Invalid component", "Every component needs a type: HEADER, BODY, FOOTER or BUTTONS.");
            }
            if (!seen.Add(type))
            {
                return Invalid("Duplicate component", $"A template can have only one {type} component.");
            }
            var copy = (JsonObject)component.DeepClone();
            copy["type"] = type;
            switch (type)
            {
                case "HEADER":
                {
                    var format = component.Text("format")?.ToUpperInvariant() ?? "TEXT";
                    if (!HeaderFormats.Contains(format))
                    {
                        return Invalid("Invalid header format", "Header format must be TEXT, IMAGE, VIDEO, DOCUMENT or LOCATION.");
                    }
                    copy["format"] = format;
                    if (format != "TEXT")
                    {
                        header = new TemplateHeader(format, null, []);
                        break;
                    }
                    var text = component.Text("text");
                    if (string.IsNullOrEmpty(text) || JsonFields.CharacterCount(text) > 60)
                    {
                        return Invalid("Invalid header", "A TEXT header needs text of at most 60 characters.");
                    }
                    var variables = TemplatePlaceholders.Names(text);
                    if (variables.Count > 1)
                    {
                        return Invalid("Too many header variables", "A header can have at most one variable.");
                    }
                    if (CheckVariables(variables, namedParameters, component.Object("example"), "header_text", "header_text_named_params", nested: false) is { } headerError)
                    {
                        return (null, headerError);
                    }
                    header = new TemplateHeader(format, text, variables);
                    break;
                }
                case "BODY":
                {
                    var text = component.Text("text");
                    if (authentication && string.IsNullOrEmpty(text))
                    {
                        // Authentication templates have preset text (spec §4.1); the OTP is its one variable.
                        text = "*{{1}}* is your verification code."
                            + (component.Flag("add_security_recommendation") == true ? " For your security, do not share this code." : "");
                        copy["text"] = text;
                        bodyText = text;
                        bodyVariables = ["1"];
                        break;
                    }
                    if (string.IsNullOrEmpty(text))
                    {
                        return Invalid("Missing body text", "The BODY component needs text.");
                    }
                    if (JsonFields.CharacterCount(text) > 1024)
                    {
                        return Invalid("Body too long", "Body text can have at most 1024 characters.");
                    }
                    if (TemplatePlaceholders.StartsOrEndsWithVariable(text))
                    {
                        return Invalid("Variables can't be at the start or end of the template",
                            "Variables can't be at the start or end of the template.", 2388299);
                    }
                    var variables = TemplatePlaceholders.Names(text);
                    if (CheckVariables(variables, namedParameters, component.Object("example"), "body_text", "body_text_named_params", nested: true) is { } bodyError)
                    {
                        return (null, bodyError);
                    }
                    bodyText = text;
                    bodyVariables = variables;
                    break;
                }
                case "FOOTER":
                {
                    var text = component.Text("text");
                    if (authentication && string.IsNullOrEmpty(text) && component["code_expiration_minutes"] is JsonValue minutes)
                    {
                        text = $"This code expires in {minutes.ToJsonString()} minutes.";
                        copy["text"] = text;
                    }
                    if (string.IsNullOrEmpty(text) || JsonFields.CharacterCount(text) > 60)
                    {
                        return Invalid("Invalid footer", "Footer text is required and can have at most 60 characters.");
                    }
                    if (TemplatePlaceholders.Names(text).Count > 0)
                    {
                        return Invalid("Invalid footer", "Footers cannot contain variables.");
                    }
                    footerText = text;
                    break;
                }
                case "BUTTONS":
                {
                    if (component.Array("buttons") is not { Count: > 0 and <= 10 } list)
                    {
                        return Invalid("Invalid buttons", "A BUTTONS component needs between 1 and 10 buttons.");
                    }
                    var storedButtons = new JsonArray();
                    foreach (var item in list)
                    {
                        var (button, stored, buttonError) = ParseButton(item as JsonObject);
                        if (buttonError is not null)
                        {
                            return (null, buttonError);
                        }
                        buttons.Add(button!);
                        storedButtons.Add(stored);
                    }
                    copy["buttons"] = storedButtons;
                    break;
                }
                default:
                    return Invalid("Invalid component", $"Unknown component type {type}.");
            }
            normalized.Add(copy);
        }

        if (bodyText is null)
        {
            return Invalid("Missing body", "A template needs a BODY component.");
        }
        return (new TemplateDefinition(name, language, category, namedParameters, header, bodyText, bodyVariables, footerText, buttons, normalized), null);
    }

    private static (TemplateButton? Button, JsonObject? Stored, GraphError? Error) ParseButton(JsonObject? button)
    {
        if (button?.Text("type")?.ToUpperInvariant() is not { } type)
        {
            return (null, null, Invalid("Invalid button", "Every button needs a type.").Error);
        }
        var stored = (JsonObject)button.DeepClone();
        stored["type"] = type;
        var text = button.Text("text") ?? (type == "OTP" ? "Copy Code" : null);
        if (string.IsNullOrEmpty(text) || JsonFields.CharacterCount(text) > 25)
        {
            return (null, null, Invalid("Invalid button", "Button text is required and can have at most 25 characters.").Error);
        }
        stored["text"] = text;
        switch (type)
        {
            case "URL":
            {
                var url = button.Text("url");
                if (string.IsNullOrEmpty(url) || !url.StartsWith("http", StringComparison.OrdinalIgnoreCase))
                {
                    return (null, null, Invalid("Invalid button", "A URL button needs a url.").Error);
                }
                var variables = TemplatePlaceholders.Names(url);
                if (variables.Count > 1 || (variables.Count == 1 && !url.TrimEnd().EndsWith("}}", StringComparison.Ordinal)))
                {
                    return (null, null, Invalid("Invalid button", "A URL button can have one variable, at the end of the url.").Error);
                }
                if (variables.Count == 1 && button.Array("example") is not { Count: > 0 })
                {
                    return (null, null, Invalid("Missing example", "A URL button with a variable needs an example.").Error);
                }
                return (new TemplateButton(type, text, url, variables), stored, null);
            }
            case "OTP":
            {
                // Meta stores a copy-code OTP button as a URL button whose variable takes the code (spec §4.1).
                var url = "https://www.whatsapp.com/otp/code/?otp_type=" + (button.Text("otp_type") ?? "COPY_CODE") + "&code=otp{{1}}";
                var asUrl = new JsonObject { ["type"] = "URL", ["text"] = text, ["url"] = url };
                return (new TemplateButton("URL", text, url, ["1"]), asUrl, null);
            }
            case "PHONE_NUMBER":
                return string.IsNullOrEmpty(button.Text("phone_number"))
                    ? (null, null, Invalid("Invalid button", "A PHONE_NUMBER button needs a phone_number.").Error)
                    : (new TemplateButton(type, text, null, []), stored, null);
            case "COPY_CODE":
                return (new TemplateButton(type, text, null, ["1"]), stored, null);
            default:
                return (new TemplateButton(type, text, null, []), stored, null);
        }
    }

    /// <summary>Variables must be {{1}}…{{n}} (or snake_case names for named templates), each with an example.</summary>
    private static GraphError? CheckVariables(
        IReadOnlyList<string> variables, bool named, JsonObject? example, string positionalKey, string namedKey, bool nested)
    {
        if (variables.Count == 0)
        {
            return null;
        }
        if (named)
        {
            if (!TemplatePlaceholders.AreValidNames(variables))
            {
                return Invalid("Invalid variable", "Named variables must be lowercase letters, digits and underscores.").Error;
            }
            var examples = example.Array(namedKey)?.OfType<JsonObject>().Select(e => e.Text("param_name")).ToHashSet() ?? [];
            return variables.All(examples.Contains)
                ? null
                : Invalid("Missing example", $"Every variable needs an example in {namedKey}.").Error;
        }
        if (!TemplatePlaceholders.AreSequentialPositions(variables))
        {
            return Invalid("Invalid variable", "Variables must be numbered {{1}}, {{2}}, … in sequence; use parameter_format named for names.").Error;
        }
        var values = example.Array(positionalKey);
        var count = nested ? (values?.FirstOrDefault() as JsonArray)?.Count : values?.Count;
        return count == variables.Count
            ? null
            : Invalid("Missing example", $"This template has {variables.Count} variable(s) and needs as many examples in {positionalKey}.").Error;
    }

    private static (TemplateDefinition? Definition, GraphError? Error) Invalid(string title, string message, int? subcode = null) =>
        (null, GraphErrors.TemplateDefinitionInvalid(title, message, subcode));
}
