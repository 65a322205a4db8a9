using System.Text.Json.Nodes;

namespace Switchboard.Channels.WhatsApp.Tests.Client;

/// <summary>Templates in Meta's creation shape, seeded APPROVED into the emulator.</summary>
internal static class SeededTemplates
{
    public static JsonObject OrderUpdate => Parse("""
        {"name":"order_update","language":"en_US","category":"UTILITY","components":[
          {"type":"HEADER","format":"TEXT","text":"Order {{1}}","example":{"header_text":["A-1"]}},
          {"type":"BODY","text":"Hi {{1}}, your order {{2}} ships today.","example":{"body_text":[["Ana","A-1"]]}},
          {"type":"BUTTONS","buttons":[
            {"type":"QUICK_REPLY","text":"Stop promotions"},
            {"type":"URL","text":"Track","url":"https://example.com/track/{{1}}","example":["A-1"]}]}]}
        """);

    public static JsonObject Promo => Parse("""
        {"name":"summer_promo","language":"en_US","category":"MARKETING","components":[
          {"type":"HEADER","format":"IMAGE","example":{"header_handle":["4::aW1hZ2UvanBlZw==:ARb"]}},
          {"type":"BODY","text":"Everything {{1}} off this week.","example":{"body_text":[["10%"]]}}]}
        """);

    public static JsonObject HelloWorld => Parse("""
        {"name":"hello_world","language":"en_US","category":"UTILITY","components":[{"type":"BODY","text":"Hello World"}]}
        """);

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();
}
