using System.Text.Json;
using Switchboard.Grains.Json;

namespace Switchboard.Grains.Tests.Conversations;

/// <summary>Stores and loads a value the way the grain does, with <see cref="ContractJson.Options"/>.</summary>
public static class ContractJsonAssert
{
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, ContractJson.Options);

    public static T RoundTrip<T>(T value) => JsonSerializer.Deserialize<T>(Serialize(value), ContractJson.Options)!;

    /// <summary>Written, read back and written again, the JSON is the same: nothing was lost or altered on the way.</summary>
    public static void RoundTrips<T>(T value)
    {
        var json = Serialize(value);
        Assert.Equal(json, Serialize(JsonSerializer.Deserialize<T>(json, ContractJson.Options)));
    }
}
