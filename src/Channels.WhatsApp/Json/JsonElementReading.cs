using System.Globalization;
using System.Text.Json;

namespace Switchboard.Channels.WhatsApp.Json;

/// <summary>
/// Tolerant reads over <see cref="JsonElement"/>: Meta sends the same field as a number in one
/// place and a string in another (file_size, timestamps, template ids), so every read accepts both
/// and a wrong shape yields null instead of an exception.
/// </summary>
internal static class JsonElementReading
{
    public static JsonElement? Property(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    public static JsonElement? Object(this JsonElement element, string name) =>
        element.Property(name) is { ValueKind: JsonValueKind.Object } value ? value : null;

    public static IEnumerable<JsonElement> Array(this JsonElement element, string name) =>
        element.Property(name) is { ValueKind: JsonValueKind.Array } value ? value.EnumerateArray() : [];

    public static string? String(this JsonElement element, string name) => element.Property(name) switch
    {
        { ValueKind: JsonValueKind.String } value => value.GetString(),
        { ValueKind: JsonValueKind.Number } value => value.GetRawText(),
        { ValueKind: JsonValueKind.True } => "true",
        { ValueKind: JsonValueKind.False } => "false",
        _ => null,
    };

    public static long? Int64(this JsonElement element, string name) => element.Property(name) switch
    {
        { ValueKind: JsonValueKind.Number } value when value.TryGetInt64(out var number) => number,
        { ValueKind: JsonValueKind.Number } value when value.TryGetDouble(out var real) && real is >= long.MinValue and <= long.MaxValue => (long)real,
        { ValueKind: JsonValueKind.String } value when long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    public static int? Int32(this JsonElement element, string name) =>
        element.Int64(name) is { } value && value is >= int.MinValue and <= int.MaxValue ? (int)value : null;

    public static double? Double(this JsonElement element, string name) => element.Property(name) switch
    {
        { ValueKind: JsonValueKind.Number } value => value.GetDouble(),
        { ValueKind: JsonValueKind.String } value when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    public static bool? Boolean(this JsonElement element, string name) => element.Property(name) switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        { ValueKind: JsonValueKind.String } value when bool.TryParse(value.GetString(), out var parsed) => parsed,
        _ => null,
    };

    /// <summary>Unix seconds, as a string (messages, statuses) or an integer (template updates, user preferences).</summary>
    public static DateTimeOffset? UnixTime(this JsonElement element, string name) =>
        element.Int64(name) is { } seconds && seconds is >= 0 and <= 253402300799 ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
}
