using System.Net;
using System.Text.Json.Nodes;
using Switchboard.Emulator.Tests.Infrastructure;

namespace Switchboard.Emulator.Tests.Messages;

public sealed class Sending_a_message(EmulatorFactory factory) : EmulatorTest(factory)
{
    [Fact]
    public async Task Answers_the_recipient_as_sent_and_as_digits_with_a_new_wamid()
    {
        var waId = await CustomerWithOpenWindowAsync();

        var response = await Emulator.SendTextAsync(Number, "+" + waId, "Hi there");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("application/json; charset=UTF-8", response.ContentType);
        Assert.Equal("whatsapp", response.Json["messaging_product"]!.GetValue<string>());
        Assert.Equal("+" + waId, response.Json["contacts"]![0]!["input"]!.GetValue<string>());
        Assert.Equal(waId, response.Json["contacts"]![0]!["wa_id"]!.GetValue<string>());
        Assert.StartsWith("wamid.", response.Wamid, StringComparison.Ordinal);
        Assert.Null(response.Json["messages"]![0]!["message_status"]);
    }

    [Fact]
    public async Task Accepts_the_recipient_as_a_json_number_and_echoes_it_as_a_string()
    {
        var waId = await CustomerWithOpenWindowAsync();

        var response = await Emulator.SendAsync(Number, new JsonObject
        {
            ["to"] = long.Parse(waId, System.Globalization.CultureInfo.InvariantCulture),
            ["type"] = "text",
            ["text"] = new JsonObject { ["body"] = "Hi" },
        });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(waId, response.Json["contacts"]![0]!["input"]!.GetValue<string>());
    }

    [Fact]
    public async Task Accepts_any_graph_version_prefix_and_names_it_in_a_header()
    {
        var waId = await CustomerWithOpenWindowAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v17.0/{Number.PhoneNumberId}/messages")
        {
            Content = JsonContent("""{"messaging_product":"whatsapp","to":"WAID","text":{"body":"Hi"}}""".Replace("WAID", waId, StringComparison.Ordinal)),
        };

        var response = await Emulator.GraphSendAsync(request, Number.AccessToken);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("v17.0", response.Headers.GetValues("facebook-api-version").Single());
    }

    [Fact]
    public async Task Of_every_outbound_type_is_accepted()
    {
        var waId = await CustomerWithOpenWindowAsync();
        var first = (await Emulator.SendTextAsync(Number, waId, "first")).Wamid;
        JsonObject[] messages =
        [
            new() { ["type"] = "text", ["text"] = new JsonObject { ["preview_url"] = true, ["body"] = "See https://www.meta.com/quest/" } },
            new() { ["type"] = "image", ["image"] = new JsonObject { ["link"] = "https://example.com/photo.jpg", ["caption"] = "A photo" } },
            new() { ["type"] = "video", ["video"] = new JsonObject { ["link"] = "https://example.com/v.mp4" } },
            new() { ["type"] = "audio", ["audio"] = new JsonObject { ["link"] = "https://example.com/a.ogg" } },
            new() { ["type"] = "document", ["document"] = new JsonObject { ["link"] = "https://example.com/i.pdf", ["filename"] = "invoice.pdf" } },
            new() { ["type"] = "sticker", ["sticker"] = new JsonObject { ["link"] = "https://example.com/s.webp" } },
            new() { ["type"] = "location", ["location"] = new JsonObject { ["latitude"] = 37.758056, ["longitude"] = "-122.425332", ["name"] = "META HQ", ["address"] = "1 Hacker Way" } },
            new()
            {
                ["type"] = "contacts",
                ["contacts"] = new JsonArray(new JsonObject
                {
                    ["name"] = new JsonObject { ["formatted_name"] = "John Smith", ["first_name"] = "John" },
                    ["phones"] = new JsonArray(new JsonObject { ["phone"] = "+1 (650) 555-1234", ["type"] = "WORK" }),
                }),
            },
            new() { ["type"] = "interactive", ["interactive"] = Buttons(3, "Yes") },
            new()
            {
                ["type"] = "interactive",
                ["interactive"] = new JsonObject
                {
                    ["type"] = "list",
                    ["body"] = new JsonObject { ["text"] = "Pick one" },
                    ["action"] = new JsonObject
                    {
                        ["button"] = "Options",
                        ["sections"] = new JsonArray(new JsonObject { ["title"] = "All", ["rows"] = new JsonArray(new JsonObject { ["id"] = "r1", ["title"] = "Row" }) }),
                    },
                },
            },
            new() { ["type"] = "reaction", ["reaction"] = new JsonObject { ["message_id"] = first, ["emoji"] = "👍" } },
            new() { ["type"] = "text", ["text"] = new JsonObject { ["body"] = "quoted" }, ["context"] = new JsonObject { ["message_id"] = first } },
            new() { ["type"] = "text", ["text"] = new JsonObject { ["body"] = "null context" }, ["context"] = null, ["recipient_type"] = "individual" },
        ];

        foreach (var message in messages)
        {
            message["to"] = waId;
            var response = await Emulator.SendAsync(Number, message);
            Assert.True(response.Status == HttpStatusCode.OK, $"{message.ToJsonString()} → {response.Text}");
        }
    }

    [Fact]
    public async Task To_an_unknown_phone_number_id_fails_with_graph_method_exception_100_33()
    {
        var response = await Emulator.SendAsync(Number with { PhoneNumberId = "123123" }, Text("16505551234", "Hi"), Number.AccessToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        var error = response.Json["error"]!;
        Assert.Equal(100, error["code"]!.GetValue<int>());
        Assert.Equal(33, error["error_subcode"]!.GetValue<int>());
        Assert.Equal("GraphMethodException", error["type"]!.GetValue<string>());
        Assert.StartsWith("Unsupported post request. Object with ID '123123' does not exist", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("""https:\/\/developers.facebook.com""", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_token_fails_with_104_and_an_oauth_challenge()
    {
        var response = await Emulator.SendAsync(Number, Text("16505551234", "Hi"), token: "");

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal(104, response.ErrorCode);
        Assert.StartsWith("OAuth \"Facebook Platform\"", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_wrong_token_fails_with_190()
    {
        var response = await Emulator.SendAsync(Number, Text("16505551234", "Hi"), token: "EAAG-not-a-real-token");

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal(190, response.ErrorCode);
        Assert.Equal("OAuthException", response.Json["error"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Fails_in_graphs_error_envelope_with_the_trace_id_in_the_header()
    {
        var response = await Emulator.SendAsync(Number, Text("16505551234", new string('a', 4097)));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        var error = response.Json["error"]!.AsObject();
        Assert.Equal(["message", "type", "code", "error_data", "fbtrace_id"], error.Select(p => p.Key));
        Assert.Equal("(#100) Invalid parameter", error["message"]!.GetValue<string>());
        Assert.Equal("whatsapp", error["error_data"]!["messaging_product"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(error["error_data"]!["details"]!.GetValue<string>()));
        Assert.Equal(response.Headers.GetValues("x-fb-trace-id").Single(), error["fbtrace_id"]!.GetValue<string>());
        Assert.Contains("invalid_request", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"to":"16505551234","type":"text","text":{"body":"x"}}""", 131008)]
    [InlineData("""{"messaging_product":"whatsapp","type":"text","text":{"body":"x"}}""", 131008)]
    [InlineData("""{"messaging_product":"whatsapp","to":"16505551234","type":"text","text":{}}""", 131008)]
    [InlineData("""{"messaging_product":"whatsapp","to":"16505551234","type":"poll","poll":{}}""", 131051)]
    [InlineData("""{"messaging_product":"whatsapp","to":"16505551234","type":"image","image":{}}""", 131008)]
    [InlineData("""{"messaging_product":"whatsapp","to":"16505551234","type":"image","image":{"id":"1","link":"https://e.com/a.jpg"}}""", 131009)]
    [InlineData("""{"messaging_product":"whatsapp","to":"16505551234","type":"audio","audio":{"link":"https://e.com/a.ogg","caption":"no"}}""", 131009)]
    [InlineData("""{"messaging_product":"whatsapp","to":"16505551234","type":"sticker","sticker":{"link":"https://e.com/a.webp","caption":"no"}}""", 131009)]
    [InlineData("""{"messaging_product":"whatsapp","to":"16505551234","type":"location","location":{"longitude":1}}""", 131008)]
    [InlineData("""{"messaging_product":"whatsapp","to":"16505551234","type":"contacts","contacts":[]}""", 100)]
    [InlineData("""{"messaging_product":"whatsapp","to":"16505551234","type":"reaction","reaction":{"emoji":"x"}}""", 131008)]
    [InlineData("""{"messaging_product":"whatsapp","to":"16505551234","type":"template","template":{"name":"x"}}""", 131008)]
    [InlineData("""{"messaging_product":"whatsapp","to":"not a number","type":"text","text":{"body":"x"}}""", 100)]
    public async Task That_is_malformed_fails_with_the_code_graph_uses(string body, int code)
    {
        var response = await Emulator.GraphPostAsync($"{Number.PhoneNumberId}/messages", JsonNode.Parse(body)!, Number.AccessToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(code, response.ErrorCode);
    }

    [Fact]
    public async Task With_a_caption_over_1024_characters_fails_with_100()
    {
        var response = await Emulator.SendAsync(Number, new JsonObject
        {
            ["to"] = "16505551234",
            ["type"] = "image",
            ["image"] = new JsonObject { ["link"] = "https://example.com/a.jpg", ["caption"] = new string('c', 1025) },
        });

        Assert.Equal(100, response.ErrorCode);
    }

    [Fact]
    public async Task With_more_than_three_reply_buttons_fails_with_100()
    {
        var response = await Emulator.SendAsync(Number, new JsonObject { ["to"] = "16505551234", ["type"] = "interactive", ["interactive"] = Buttons(4, "Option") });

        Assert.Equal(100, response.ErrorCode);
    }

    [Fact]
    public async Task With_a_button_title_over_20_characters_fails_with_100()
    {
        var response = await Emulator.SendAsync(Number, new JsonObject { ["to"] = "16505551234", ["type"] = "interactive", ["interactive"] = Buttons(1, new string('t', 21)) });

        Assert.Equal(100, response.ErrorCode);
    }

    [Fact]
    public async Task With_two_buttons_of_the_same_title_fails_with_131009()
    {
        var interactive = Buttons(2, "Same");
        interactive["action"]!["buttons"]![1]!["reply"]!["title"] = "Same1";
        interactive["action"]!["buttons"]![1]!["reply"]!["title"] = interactive["action"]!["buttons"]![0]!["reply"]!["title"]!.GetValue<string>();

        var response = await Emulator.SendAsync(Number, new JsonObject { ["to"] = "16505551234", ["type"] = "interactive", ["interactive"] = interactive });

        Assert.Equal(131009, response.ErrorCode);
    }

    [Fact]
    public async Task With_a_list_of_more_than_ten_rows_fails_with_100()
    {
        var sections = new JsonArray(
            new JsonObject { ["title"] = "A", ["rows"] = new JsonArray([.. Enumerable.Range(0, 6).Select(i => (JsonNode)new JsonObject { ["id"] = $"a{i}", ["title"] = $"A{i}" })]) },
            new JsonObject { ["title"] = "B", ["rows"] = new JsonArray([.. Enumerable.Range(0, 5).Select(i => (JsonNode)new JsonObject { ["id"] = $"b{i}", ["title"] = $"B{i}" })]) });

        var response = await Emulator.SendAsync(Number, new JsonObject
        {
            ["to"] = "16505551234",
            ["type"] = "interactive",
            ["interactive"] = new JsonObject
            {
                ["type"] = "list",
                ["body"] = new JsonObject { ["text"] = "Pick" },
                ["action"] = new JsonObject { ["button"] = "Open", ["sections"] = sections },
            },
        });

        Assert.Equal(100, response.ErrorCode);
    }

    [Fact]
    public async Task With_six_contacts_fails_with_100()
    {
        var contact = new JsonObject { ["name"] = new JsonObject { ["formatted_name"] = "A B", ["first_name"] = "A" } };

        var response = await Emulator.SendAsync(Number, new JsonObject
        {
            ["to"] = "16505551234",
            ["type"] = "contacts",
            ["contacts"] = new JsonArray([.. Enumerable.Range(0, 6).Select(_ => contact.DeepClone())]),
        });

        Assert.Equal(100, response.ErrorCode);
    }

    [Fact]
    public async Task Escapes_non_ascii_characters_and_slashes_in_responses_as_graph_does()
    {
        var response = await Emulator.SendAsync(Number, new JsonObject
        {
            ["to"] = "16505551234",
            ["type"] = "text",
            ["text"] = new JsonObject { ["body"] = "x" },
            ["biz_opaque_callback_data"] = new string('é', 513),
        });

        Assert.Equal(100, response.ErrorCode);
        Assert.DoesNotContain(response.Text, c => c > 127);
    }

    internal static JsonObject Text(string to, string body) =>
        new() { ["to"] = to, ["type"] = "text", ["text"] = new JsonObject { ["body"] = body } };

    internal static JsonObject Buttons(int count, string title) => new()
    {
        ["type"] = "button",
        ["header"] = new JsonObject { ["type"] = "text", ["text"] = "Header" },
        ["body"] = new JsonObject { ["text"] = "Choose" },
        ["footer"] = new JsonObject { ["text"] = "Footer" },
        ["action"] = new JsonObject
        {
            ["buttons"] = new JsonArray([.. Enumerable.Range(0, count).Select(i => (JsonNode)new JsonObject
            {
                ["type"] = "reply",
                ["reply"] = new JsonObject { ["id"] = $"b{i}", ["title"] = count == 1 ? title : $"{title}{i}" },
            })]),
        },
    };

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
