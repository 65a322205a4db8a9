using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Switchboard.Emulator.Tests.Infrastructure;

namespace Switchboard.Emulator.Tests.Templates;

public sealed class Sending_a_template(EmulatorFactory factory) : EmulatorTest(factory)
{
    [Fact]
    public async Task That_is_approved_is_accepted_and_priced_by_its_category()
    {
        await TemplateSetup.SeedApprovedAsync(Emulator, Number, "shipping", "Hi {{1}}, order {{2}} has shipped.", ["Ana", "42"], category: "MARKETING");
        var waId = TestIds.WaId();

        var response = await Emulator.SendAsync(Number, TemplateSetup.TemplateMessage(waId, "shipping", "Ana", "42"));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("accepted", response.Json["messages"]![0]!["message_status"]!.GetValue<string>());
        var statuses = await Receiver.WaitForStatusesAsync(response.Wamid, s => s.Count == 3);
        var pricing = statuses[0]["pricing"]!;
        Assert.True(pricing["billable"]!.GetValue<bool>());
        Assert.Equal("regular", pricing["type"]!.GetValue<string>());
        Assert.Equal("marketing", pricing["category"]!.GetValue<string>());
    }

    [Fact]
    public async Task That_does_not_exist_fails_with_132001_and_http_404()
    {
        var response = await Emulator.SendAsync(Number, TemplateSetup.TemplateMessage(TestIds.WaId(), "no_such_template"));

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal(132001, response.ErrorCode);
    }

    [Fact]
    public async Task In_a_language_it_does_not_have_fails_with_132001()
    {
        await TemplateSetup.SeedApprovedAsync(Emulator, Number, "english_only", "Hello there, friend.", []);
        var message = TemplateSetup.TemplateMessage(TestIds.WaId(), "english_only");
        message["template"]!["language"]!["code"] = "pt_BR";

        var response = await Emulator.SendAsync(Number, message);

        Assert.Equal(132001, response.ErrorCode);
    }

    [Fact]
    public async Task That_is_still_pending_fails_with_132001()
    {
        var created = await Emulator.GraphPostAsync($"{Number.WabaId}/message_templates", new JsonObject
        {
            ["name"] = "not_yet",
            ["language"] = "en_US",
            ["category"] = "UTILITY",
            ["components"] = new JsonArray(TemplateSetup.Body("Hello there, friend.", [])),
        }, Number.AccessToken);
        Assert.Equal(HttpStatusCode.OK, created.Status);

        var response = await Emulator.SendAsync(Number, TemplateSetup.TemplateMessage(TestIds.WaId(), "not_yet"));

        Assert.Equal(132001, response.ErrorCode);
    }

    [Fact]
    public async Task With_too_few_parameters_fails_with_132000()
    {
        await TemplateSetup.SeedApprovedAsync(Emulator, Number, "two_params", "Hi {{1}}, order {{2}} has shipped.", ["Ana", "42"]);

        var response = await Emulator.SendAsync(Number, TemplateSetup.TemplateMessage(TestIds.WaId(), "two_params", "Ana"));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(132000, response.ErrorCode);
    }

    [Fact]
    public async Task That_is_paused_fails_with_132015()
    {
        await TemplateSetup.SeedApprovedAsync(Emulator, Number, "paused_one", "Hello there, friend.", []);
        using var _ = await Emulator.Http.PostAsJsonAsync("/_emulator/templates/status", new { wabaId = Number.WabaId, name = "paused_one", status = "PAUSED" });

        var response = await Emulator.SendAsync(Number, TemplateSetup.TemplateMessage(TestIds.WaId(), "paused_one"));

        Assert.Equal(132015, response.ErrorCode);
    }

    [Fact]
    public async Task With_header_media_buttons_currency_and_date_time_is_accepted_and_rendered()
    {
        using var seeded = await Emulator.Http.PostAsJsonAsync("/_emulator/templates", JsonNode.Parse($$$"""
            {"wabaId":"{{{Number.WabaId}}}","name":"rich","language":"en_US","category":"MARKETING","components":[
              {"type":"HEADER","format":"IMAGE"},
              {"type":"BODY","text":"Hi {{1}}, you owe {{2}} since {{3}}.","example":{"body_text":[["Ana","$1","today"]]}},
              {"type":"BUTTONS","buttons":[{"type":"QUICK_REPLY","text":"Stop"},{"type":"URL","text":"Pay","url":"https://pay.example.com/{{1}}","example":["x"]}]}]}
            """));
        Assert.True(seeded.IsSuccessStatusCode);
        var waId = TestIds.WaId();

        var response = await Emulator.SendAsync(Number, JsonNode.Parse($$$"""
            {"to":"{{{waId}}}","type":"template","template":{"name":"rich","language":{"code":"en_US","policy":"deterministic"},"components":[
              {"type":"header","parameters":[{"type":"image","image":{"link":"https://example.com/a.png"}}]},
              {"type":"body","parameters":[{"type":"TEXT","text":"Ana"},
                {"type":"currency","currency":{"fallback_value":"$100.99","code":"USD","amount_1000":100990}},
                {"type":"date_time","date_time":{"fallback_value":"February 25, 1977"}}]},
              {"type":"button","sub_type":"quick_reply","index":"0","parameters":[{"type":"payload","payload":"STOP"}]},
              {"type":"button","sub_type":"url","index":1,"parameters":[{"type":"text","text":"inv-7"}]}]}}
            """)!.AsObject());

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var conversation = JsonNode.Parse(await Emulator.Http.GetStringAsync($"/_emulator/numbers/{Number.PhoneNumberId}/customers/{waId}/conversation"))!;
        var rendered = conversation["messages"]![0]!["template"]!;
        Assert.Equal("Hi Ana, you owe $100.99 since February 25, 1977.", rendered["body"]!.GetValue<string>());
        Assert.Equal("https://pay.example.com/inv-7", rendered["buttons"]![1]!["url"]!.GetValue<string>());
        Assert.Equal("STOP", rendered["buttons"]![0]!["payload"]!.GetValue<string>());
    }

    [Fact]
    public async Task Whose_media_header_gets_a_text_parameter_fails_with_132012()
    {
        using var seeded = await Emulator.Http.PostAsJsonAsync("/_emulator/templates", JsonNode.Parse($$$"""
            {"wabaId":"{{{Number.WabaId}}}","name":"with_image","language":"en_US","category":"UTILITY","components":[
              {"type":"HEADER","format":"IMAGE"},{"type":"BODY","text":"Your receipt is attached."}]}
            """));
        var message = TemplateSetup.TemplateMessage(TestIds.WaId(), "with_image");
        message["template"]!["components"] = new JsonArray(new JsonObject
        {
            ["type"] = "header",
            ["parameters"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = "oops" }),
        });

        var response = await Emulator.SendAsync(Number, message);

        Assert.Equal(132012, response.ErrorCode);
    }

    [Fact]
    public async Task Of_an_authentication_template_accepts_a_code_for_body_and_copy_code_button()
    {
        using var seeded = await Emulator.Http.PostAsJsonAsync("/_emulator/templates", JsonNode.Parse($$$"""
            {"wabaId":"{{{Number.WabaId}}}","name":"verification_code","language":"en_US","category":"AUTHENTICATION","components":[
              {"type":"BODY","add_security_recommendation":true},{"type":"FOOTER","code_expiration_minutes":5},
              {"type":"BUTTONS","buttons":[{"type":"OTP","otp_type":"COPY_CODE","text":"Copy Code"}]}]}
            """));
        Assert.True(seeded.IsSuccessStatusCode, await seeded.Content.ReadAsStringAsync());

        var response = await Emulator.SendAsync(Number, OneTimeCode("J$FpnYnP"));
        var tooLong = await Emulator.SendAsync(Number, OneTimeCode("0123456789ABCDEF"));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(131009, tooLong.ErrorCode);
    }

    private static JsonObject OneTimeCode(string code) => JsonNode.Parse($$$"""
        {"to":"12015553931","type":"template","template":{"name":"verification_code","language":{"code":"en_US"},"components":[
          {"type":"body","parameters":[{"type":"text","text":"{{{code}}}"}]},
          {"type":"button","sub_type":"url","index":"0","parameters":[{"type":"text","text":"{{{code}}}"}]}]}}
        """)!.AsObject();

    [Fact]
    public async Task With_named_parameters_matches_them_by_name()
    {
        using var seeded = await Emulator.Http.PostAsJsonAsync("/_emulator/templates", JsonNode.Parse($$$"""
            {"wabaId":"{{{Number.WabaId}}}","name":"named","language":"en","category":"UTILITY","parameter_format":"named","components":[
              {"type":"BODY","text":"Thanks {{first_name}}, order {{order_number}} is ready.",
               "example":{"body_text_named_params":[{"param_name":"first_name","example":"Ana"},{"param_name":"order_number","example":"7"}]}}]}
            """));
        Assert.True(seeded.IsSuccessStatusCode, await seeded.Content.ReadAsStringAsync());

        var response = await Emulator.SendAsync(Number, JsonNode.Parse($$$"""
            {"to":"{{{TestIds.WaId()}}}","type":"template","template":{"name":"named","language":{"code":"en"},"components":[
              {"type":"body","parameters":[{"type":"text","parameter_name":"order_number","text":"SKB"},{"type":"text","parameter_name":"first_name","text":"Jessica"}]}]}}
            """)!.AsObject());

        Assert.Equal(HttpStatusCode.OK, response.Status);
    }
}
