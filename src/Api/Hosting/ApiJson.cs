using System.Text.Json;
using System.Text.Json.Serialization;

namespace Switchboard.Api.Hosting;

/// <summary>The Api speaks the contracts' JSON: camelCase, snake_case enum values, nulls omitted.</summary>
public static class ApiJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
    }
}
