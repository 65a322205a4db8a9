using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Switchboard.Emulator.Tests.Infrastructure;

namespace Switchboard.Emulator.Tests.Templates;

/// <summary>Template fixtures shared by the tests that need an approved template.</summary>
public static class TemplateSetup
{
    /// <summary>Seeds an APPROVED utility template with a positional body through the control API.</summary>
    public static async Task SeedApprovedAsync(EmulatorClient emulator, TestNumber number, string name, string body, string[] examples, string category = "UTILITY")
    {
        var request = new JsonObject
        {
            ["wabaId"] = number.WabaId,
            ["name"] = name,
            ["language"] = "en_US",
            ["category"] = category,
            ["components"] = new JsonArray(Body(body, examples)),
        };
        using var response = await emulator.Http.PostAsJsonAsync("/_emulator/templates", request);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public static JsonObject Body(string text, string[] examples)
    {
        var body = new JsonObject { ["type"] = "BODY", ["text"] = text };
        if (examples.Length > 0)
        {
            body["example"] = new JsonObject { ["body_text"] = new JsonArray(new JsonArray([.. examples.Select(e => (JsonNode)e)])) };
        }
        return body;
    }

    public static JsonObject TemplateMessage(string to, string name, params string[] bodyParameters)
    {
        var template = new JsonObject { ["name"] = name, ["language"] = new JsonObject { ["code"] = "en_US" } };
        if (bodyParameters.Length > 0)
        {
            template["components"] = new JsonArray(new JsonObject
            {
                ["type"] = "body",
                ["parameters"] = new JsonArray([.. bodyParameters.Select(p => (JsonNode)new JsonObject { ["type"] = "text", ["text"] = p })]),
            });
        }
        return new JsonObject { ["to"] = to, ["type"] = "template", ["template"] = template };
    }
}
