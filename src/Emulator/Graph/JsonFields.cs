using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Switchboard.Emulator.Graph;

/// <summary>Tolerant readers for request bodies parsed as <see cref="JsonNode"/>: a field of the wrong JSON kind reads as absent.</summary>
public static class JsonFields
{
    public static string? Text(this JsonObject? json, string key) =>
        json?[key] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    /// <summary>A string, or a number's literal text: Graph accepts <c>"to": 13437772910</c> (spec §1.1).</summary>
    public static string? TextOrNumber(this JsonObject? json, string key) => json?[key] switch
    {
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        JsonValue value when value.GetValueKind() == JsonValueKind.Number => value.ToJsonString(),
        _ => null,
    };

    /// <summary>A number, or a string holding one: location coordinates come both ways (spec §1.7).</summary>
    public static double? Number(this JsonObject? json, string key) => json?[key] switch
    {
        JsonValue value when value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<double>(out var number) => number,
        JsonValue value when value.GetValueKind() == JsonValueKind.String
            && double.TryParse(value.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    public static bool? Flag(this JsonObject? json, string key) => json?[key] switch
    {
        JsonValue value when value.GetValueKind() == JsonValueKind.True => true,
        JsonValue value when value.GetValueKind() == JsonValueKind.False => false,
        _ => null,
    };

    public static JsonObject? Object(this JsonObject? json, string key) => json?[key] as JsonObject;

    public static JsonArray? Array(this JsonObject? json, string key) => json?[key] as JsonArray;

    public static bool Has(this JsonObject? json, string key) => json is not null && json.ContainsKey(key) && json[key] is not null;

    /// <summary>Parses a body that must be a JSON object; null when it is not.</summary>
    public static JsonObject? ParseObject(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return null;
        }
        try
        {
            return JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Length in characters as a person counts them (code points), not UTF-16 units.</summary>
    public static int CharacterCount(string text) => text.EnumerateRunes().Count();
}
