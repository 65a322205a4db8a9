using System.Text.Json.Nodes;

namespace Switchboard.Api.Tests.Templates;

/// <summary>Template creation bodies in Meta's shape for the tests.</summary>
public static class TemplateBodies
{
    /// <summary>A template Meta would accept: text header, body with two placeholders, footer, two buttons.</summary>
    public static JsonObject Valid(string name = "order_confirmation", string language = "en_US", string category = "UTILITY") => new()
    {
        ["name"] = name,
        ["language"] = language,
        ["category"] = category,
        ["components"] = JsonNode.Parse(
            """
            [
              { "type": "HEADER", "format": "TEXT", "text": "Order {{1}}", "example": { "header_text": ["#860198"] } },
              { "type": "BODY", "text": "Hi {{1}}, your order {{2}} is confirmed.", "example": { "body_text": [["Pablo", "860198"]] } },
              { "type": "FOOTER", "text": "Thanks for shopping with us" },
              { "type": "BUTTONS", "buttons": [
                  { "type": "QUICK_REPLY", "text": "Stop promotions" },
                  { "type": "URL", "text": "Track", "url": "https://example.com/track/{{1}}", "example": ["860198"] } ] }
            ]
            """),
    };

    /// <summary>A valid template whose components are replaced by <paramref name="componentsJson"/>.</summary>
    public static JsonObject WithComponents(string componentsJson, string name = "broken_template")
    {
        var body = Valid(name);
        body["components"] = JsonNode.Parse(componentsJson);
        return body;
    }
}
