using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace Switchboard.Emulator.Tests.Infrastructure;

/// <summary>A Graph API answer: status, raw text (to check escaping), parsed JSON and headers.</summary>
public sealed record GraphResponse(HttpStatusCode Status, string Text, HttpResponseHeaders Headers, string? ContentType)
{
    public JsonNode Json => JsonNode.Parse(Text)!;

    public int ErrorCode => Json["error"]!["code"]!.GetValue<int>();

    public string Wamid => Json["messages"]![0]!["id"]!.GetValue<string>();

    public static async Task<GraphResponse> ReadAsync(HttpResponseMessage response) =>
        new(response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers, response.Content.Headers.ContentType?.ToString());
}
