using System.Globalization;
using System.Text.Json.Nodes;
using Switchboard.Emulator.Graph;

namespace Switchboard.Emulator.Templates;

/// <summary>
/// Send-time checks of a <c>type: template</c> message (spec §1.4, §5): the template must exist in that
/// language and be APPROVED (132001, HTTP 404; 132015 paused; 132016 disabled), the parameters must match
/// the template's variables in number (132000) and kind (132012). Also renders the text the customer sees.
/// </summary>
public static class TemplateMessageValidator
{
    private static readonly HashSet<string> ParameterTypes = ["text", "currency", "date_time", "image", "document", "video", "location", "payload", "action", "coupon_code"];

    public sealed record Accepted(MessageTemplate Template, JsonObject Rendered);

    public static GraphError? Validate(JsonObject request, string wabaId, TemplateStore store, out Accepted? accepted)
    {
        accepted = null;
        var name = request.Text("name")!;
        var language = request.Object("language").Text("code")!;
        if (store.Find(wabaId, name, language) is not { } template)
        {
            return GraphErrors.TemplateNotFound(name, language);
        }
        switch (template.Status)
        {
            case TemplateStatuses.Approved:
                break;
            case TemplateStatuses.Paused:
                return GraphErrors.TemplatePaused(name);
            case TemplateStatuses.Disabled:
                return GraphErrors.TemplateDisabled(name);
            default:
                return GraphErrors.TemplateNotFound(name, language);
        }

        JsonArray? headerParameters = null;
        JsonArray? bodyParameters = null;
        var buttonParameters = new Dictionary<int, (string? SubType, JsonArray Parameters)>();
        foreach (var node in request.Array("components") ?? [])
        {
            if (node is not JsonObject component || component.Text("type")?.ToLowerInvariant() is not { } type)
            {
                return GraphErrors.RequiredParameterMissing("template.components[].type");
            }
            var parameters = component.Array("parameters") ?? [];
            foreach (var parameter in parameters)
            {
                if ((parameter as JsonObject).Text("type")?.ToLowerInvariant() is not { } parameterType || !ParameterTypes.Contains(parameterType))
                {
                    return GraphErrors.ParameterValueNotValid($"Template parameter type must be one of {string.Join(", ", ParameterTypes)}.");
                }
            }
            switch (type)
            {
                case "header":
                    headerParameters = parameters;
                    break;
                case "body":
                    bodyParameters = parameters;
                    break;
                case "button":
                    // Meta's docs write the index as a string, some examples as a number: accept both (spec §1.4).
                    if (component.TextOrNumber("index") is not { } indexText || !int.TryParse(indexText, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index > 9)
                    {
                        return GraphErrors.ParameterValueNotValid("Button components need an index between 0 and 9.");
                    }
                    buttonParameters[index] = (component.Text("sub_type"), parameters);
                    break;
                default:
                    return GraphErrors.InvalidParameter($"Param template['components'][]['type'] must be header, body or button; got {type}.");
            }
        }

        var definition = template.Definition;
        var rendered = new JsonObject { ["name"] = definition.Name, ["language"] = definition.Language, ["category"] = definition.Category };

        if (CheckHeader(definition, headerParameters, rendered) is { } headerError)
        {
            return headerError;
        }
        var bodyOnly = definition.Header is null && definition.FooterText is null && definition.Buttons.Count == 0;
        // Authentication templates carry a one-time code of at most 15 characters (spec §1.13).
        var bodyLimit = definition.Category == "AUTHENTICATION" ? 15 : bodyOnly ? 32768 : 1024;
        if (Values(definition.BodyVariables, definition.NamedParameters, bodyParameters, "body", bodyLimit, out var bodyValues) is { } bodyError)
        {
            return bodyError;
        }
        rendered["body"] = TemplatePlaceholders.Fill(definition.BodyText, bodyValues);
        if (definition.FooterText is not null)
        {
            rendered["footer"] = definition.FooterText;
        }

        foreach (var index in buttonParameters.Keys.Where(index => index >= definition.Buttons.Count))
        {
            return GraphErrors.TemplateParameterCountMismatch($"button at index {index}: the template has no such button");
        }
        var buttons = new JsonArray();
        for (var i = 0; i < definition.Buttons.Count; i++)
        {
            var button = definition.Buttons[i];
            var given = buttonParameters.TryGetValue(i, out var found) ? found.Parameters : null;
            var renderedButton = new JsonObject { ["index"] = i, ["type"] = button.Type, ["text"] = button.Text };
            if (button.Variables.Count > 0)
            {
                if (given is not { Count: 1 })
                {
                    return GraphErrors.TemplateParameterCountMismatch(
                        $"button at index {i}: number of localizable_params ({given?.Count ?? 0}) does not match the expected number of params (1)");
                }
                var value = (given[0] as JsonObject).Text("text") ?? (given[0] as JsonObject).Text("coupon_code") ?? "";
                if (button.Url is not null)
                {
                    renderedButton["url"] = TemplatePlaceholders.Fill(button.Url, new Dictionary<string, string> { [button.Variables[0]] = value });
                }
            }
            else if (button.Url is not null)
            {
                renderedButton["url"] = button.Url;
            }
            if (button.Type == "QUICK_REPLY")
            {
                renderedButton["payload"] = (given?.FirstOrDefault() as JsonObject).Text("payload") ?? button.Text;
            }
            buttons.Add(renderedButton);
        }
        if (buttons.Count > 0)
        {
            rendered["buttons"] = buttons;
        }

        accepted = new Accepted(template, rendered);
        return null;
    }

    private static GraphError? CheckHeader(TemplateDefinition definition, JsonArray? parameters, JsonObject rendered)
    {
        var given = parameters?.Count ?? 0;
        switch (definition.Header)
        {
            case null:
                return given == 0
                    ? null
                    : GraphErrors.TemplateParameterCountMismatch($"header: number of localizable_params ({given}) does not match the expected number of params (0)");
            case { Format: "TEXT" } header:
                if (Values(header.Variables, definition.NamedParameters, parameters, "header", 60, out var values) is { } error)
                {
                    return error;
                }
                rendered["header"] = new JsonObject { ["format"] = "TEXT", ["text"] = TemplatePlaceholders.Fill(header.Text!, values) };
                return null;
            case { } header:
                if (given != 1)
                {
                    return GraphErrors.TemplateParameterCountMismatch($"header: number of localizable_params ({given}) does not match the expected number of params (1)");
                }
                var parameter = (JsonObject)parameters![0]!;
                var expectedType = header.Format == "GIF" ? "video" : header.Format.ToLowerInvariant();
                if (parameter.Text("type")?.ToLowerInvariant() != expectedType)
                {
                    return GraphErrors.TemplateParameterFormatMismatch($"header: expected a parameter of type {expectedType} for a {header.Format} header.");
                }
                var media = parameter.Object(expectedType);
                if (media is null || (expectedType != "location" && !media.Has("id") && !media.Has("link")))
                {
                    return GraphErrors.RequiredParameterMissing($"template header {expectedType}.id or {expectedType}.link");
                }
                rendered["header"] = new JsonObject { ["format"] = header.Format, [expectedType] = media.DeepClone() };
                return null;
        }
    }

    /// <summary>The text of each variable from the given parameters, checking their number (132000) and lengths.</summary>
    private static GraphError? Values(
        IReadOnlyList<string> variables, bool named, JsonArray? parameters, string component, int maxLength,
        out Dictionary<string, string> values)
    {
        values = new Dictionary<string, string>(StringComparer.Ordinal);
        var given = parameters?.Count ?? 0;
        if (given != variables.Count)
        {
            return GraphErrors.TemplateParameterCountMismatch(
                $"{component}: number of localizable_params ({given}) does not match the expected number of params ({variables.Count})");
        }
        for (var i = 0; i < given; i++)
        {
            var parameter = (JsonObject)parameters![i]!;
            var type = parameter.Text("type")!.ToLowerInvariant();
            var text = type switch
            {
                "text" => parameter.Text("text"),
                "currency" => parameter.Object("currency").Text("fallback_value"),
                "date_time" => parameter.Object("date_time").Text("fallback_value"),
                _ => null,
            };
            if (text is null)
            {
                return type is "text" or "currency" or "date_time"
                    ? GraphErrors.RequiredParameterMissing($"template {component} parameter {type}")
                    : GraphErrors.TemplateParameterFormatMismatch($"{component}: parameters of type {type} are not allowed here; use text, currency or date_time.");
            }
            if (JsonFields.CharacterCount(text) > maxLength)
            {
                return GraphErrors.ParameterValueNotValid($"{component}: parameter text can have at most {maxLength} characters.");
            }
            var key = named ? parameter.Text("parameter_name") : variables[i];
            if (key is null || !variables.Contains(key) || !values.TryAdd(key, text))
            {
                return GraphErrors.TemplateParameterCountMismatch(
                    $"{component}: parameter names do not match the template's variables ({string.Join(", ", variables)})");
            }
        }
        return null;
    }
}
