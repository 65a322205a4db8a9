using System.Text.Json;
using System.Text.Json.Serialization;

namespace Switchboard.Grains.Json;

/// <summary>
/// The one JSON shape of contracts: camelCase properties, snake_case enum values,
/// nulls omitted. Grain state and events are stored with it and the Api speaks it,
/// so a stored event and a pushed event read the same.
/// </summary>
public static class ContractJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,

            // PostgreSQL's jsonb stores keys in its own order, so a type discriminator read back
            // from a stored state or event is rarely the first property.
            AllowOutOfOrderMetadataProperties = true,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
