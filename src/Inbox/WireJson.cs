using System.Text.Json;
using System.Text.Json.Serialization;

namespace Switchboard.Inbox;

/// <summary>
/// The JSON the Api and the hub speak: the contracts' shape (camelCase, snake_case enum values,
/// nulls omitted). Api nodes and silos both publish to the hub, so both configure SignalR with it.
/// </summary>
public static class WireJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
    }
}
