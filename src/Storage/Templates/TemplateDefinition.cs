using System.Text.Json;
using System.Text.RegularExpressions;
using Switchboard.Grains.Messages;

namespace Switchboard.Storage.Templates;

/// <summary>
/// What a template expects, read from its components in Meta's creation shape
/// (HEADER / BODY / FOOTER / BUTTONS with <c>{{n}}</c> placeholders). Pure: used to validate a
/// template when it is created, and every send against it.
/// </summary>
public sealed partial record TemplateDefinition(
    string? HeaderFormat,
    string? HeaderText,
    int HeaderParameterCount,
    string? BodyText,
    int BodyParameterCount,
    string? FooterText,
    IReadOnlyList<TemplateButtonDefinition> Buttons)
{
    public static TemplateDefinition Parse(JsonElement components)
    {
        string? headerFormat = null, headerText = null, bodyText = null, footerText = null;
        var buttons = new List<TemplateButtonDefinition>();
        if (components.ValueKind == JsonValueKind.Array)
        {
            foreach (var component in components.EnumerateArray())
            {
                switch (Text(component, "type")?.ToUpperInvariant())
                {
                    case "HEADER":
                        headerFormat = (Text(component, "format") ?? "TEXT").ToUpperInvariant();
                        headerText = Text(component, "text");
                        break;
                    case "BODY":
                        bodyText = Text(component, "text");
                        break;
                    case "FOOTER":
                        footerText = Text(component, "text");
                        break;
                    case "BUTTONS" when component.TryGetProperty("buttons", out var list) && list.ValueKind == JsonValueKind.Array:
                        var index = 0;
                        foreach (var button in list.EnumerateArray())
                        {
                            var type = (Text(button, "type") ?? "QUICK_REPLY").ToUpperInvariant();
                            var url = Text(button, "url");
                            buttons.Add(new TemplateButtonDefinition(index++, type, Text(button, "text") ?? "", url, url is not null && Placeholders(url).Count > 0));
                        }

                        break;
                }
            }
        }

        return new TemplateDefinition(
            headerFormat, headerText, headerText is null ? 0 : Placeholders(headerText).Count,
            bodyText, bodyText is null ? 0 : Placeholders(bodyText).Count, footerText, buttons);
    }

    /// <summary>Why these parameters do not fit the template, or null when they do.</summary>
    public string? Mismatch(TemplateParameters parameters)
    {
        if (parameters.BodyCount != BodyParameterCount)
        {
            return $"The template's body has {BodyParameterCount} variable(s) but {parameters.BodyCount} value(s) were given.";
        }

        if (HeaderFormat is "IMAGE" or "VIDEO" or "DOCUMENT")
        {
            if (parameters.Header?.Media is null)
            {
                return $"The template has a {HeaderFormat.ToLowerInvariant()} header: give header media.";
            }
        }
        else if (HeaderParameterCount > 0 && string.IsNullOrEmpty(parameters.Header?.Text))
        {
            return "The template's header has a variable: give header text.";
        }

        foreach (var button in Buttons.Where(b => b.UrlHasVariable))
        {
            if (parameters.Buttons?.Any(p => p.Index == button.Index && !string.IsNullOrEmpty(p.Value)) != true)
            {
                return $"Button {button.Index} (\"{button.Text}\") has a URL variable: give its value.";
            }
        }

        return null;
    }

    /// <summary>The body as the customer will read it, for previews and the timeline.</summary>
    public string Render(TemplateParameters parameters)
    {
        var body = Substitute(BodyText ?? "", parameters.Body ?? []);
        var header = HeaderFormat == "TEXT" && HeaderText is not null ? Substitute(HeaderText, parameters.Header?.Text is { } t ? [t] : []) : null;
        return string.Join("\n", new[] { header, body, FooterText }.Where(s => !string.IsNullOrEmpty(s)));
    }

    public static IReadOnlyList<int> Placeholders(string text) =>
        Placeholder().Matches(text).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Distinct().Order().ToList();

    private static string Substitute(string text, IReadOnlyList<string> values) =>
        Placeholder().Replace(text, m =>
        {
            var n = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            return n >= 1 && n <= values.Count ? values[n - 1] : m.Value;
        });

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    [GeneratedRegex(@"\{\{\s*(\d+)\s*\}\}")]
    private static partial Regex Placeholder();
}

public sealed record TemplateButtonDefinition(int Index, string Type, string Text, string? Url, bool UrlHasVariable);
