using System.Text.Json.Nodes;

namespace Switchboard.Channels.WhatsApp.Tests.Client;

internal static class WireJson
{
    /// <summary>The request body the emulator received equals the expected Graph JSON (property order aside).</summary>
    public static void Equal(string expected, JsonNode actual)
    {
        var expectedNode = JsonNode.Parse(expected)!;
        Assert.True(JsonNode.DeepEquals(expectedNode, actual), $"Expected\n{expectedNode.ToJsonString()}\nbut the emulator received\n{actual.ToJsonString()}");
    }
}
