using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Switchboard.Emulator.Tests.Infrastructure;

namespace Switchboard.Emulator.Tests.Templates;

public sealed class Template_management(EmulatorFactory factory) : EmulatorTest(factory)
{
    protected override JsonObject? NumberOptions => new() { ["templateApprovalDelayMs"] = 50 };

    private Task<GraphResponse> CreateAsync(JsonObject template) =>
        Emulator.GraphPostAsync($"{Number.WabaId}/message_templates", template, Number.AccessToken);

    private static JsonObject OrderConfirmation(string name = "order_confirmation", string language = "en_US") => new()
    {
        ["name"] = name,
        ["language"] = language,
        ["category"] = "UTILITY",
        ["components"] = new JsonArray(
            new JsonObject { ["type"] = "HEADER", ["format"] = "TEXT", ["text"] = "Our {{1}} is on!", ["example"] = new JsonObject { ["header_text"] = new JsonArray("Summer Sale") } },
            TemplateSetup.Body("Hi {{1}}! Your order number is {{2}}. Thank you.", ["Pablo", "860198-230332"]),
            new JsonObject { ["type"] = "FOOTER", ["text"] = "Use the buttons below" },
            new JsonObject
            {
                ["type"] = "BUTTONS",
                ["buttons"] = new JsonArray(
                    new JsonObject { ["type"] = "QUICK_REPLY", ["text"] = "Unsubscribe" },
                    new JsonObject { ["type"] = "URL", ["text"] = "Shop Now", ["url"] = "https://example.com/shop?promo={{1}}", ["example"] = new JsonArray("summer2023") }),
            }),
    };

    private async Task<ReceivedWebhook> TemplateWebhookAsync(string name) =>
        await Receiver.WaitForAsync(
            r => r.Changes.Any(c => c["field"]!.GetValue<string>() == "message_template_status_update" && c["value"]!["message_template_name"]!.GetValue<string>() == name),
            $"the status webhook of {name}");

    [Fact]
    public async Task A_new_template_is_pending()
    {
        var response = await CreateAsync(OrderConfirmation());

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("PENDING", response.Json["status"]!.GetValue<string>());
        Assert.Equal("UTILITY", response.Json["category"]!.GetValue<string>());
        Assert.Matches(@"^\d+$", response.Json["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Is_approved_after_the_delay_with_a_signed_status_webhook()
    {
        var id = (await CreateAsync(OrderConfirmation())).Json["id"]!.GetValue<string>();

        var webhook = await TemplateWebhookAsync("order_confirmation");

        Assert.Equal("sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Number.AppSecret), webhook.Body)), webhook.Signature);
        Assert.StartsWith("""{"entry":[{"id":""", webhook.Text, StringComparison.Ordinal);
        var entry = webhook.Json["entry"]![0]!;
        Assert.Equal(Number.WabaId, entry["id"]!.GetValue<string>());
        Assert.True(entry["time"]!.GetValue<long>() > 0);
        var value = entry["changes"]![0]!["value"]!;
        Assert.Equal("APPROVED", value["event"]!.GetValue<string>());
        Assert.Equal(long.Parse(id, System.Globalization.CultureInfo.InvariantCulture), value["message_template_id"]!.GetValue<long>());
        Assert.Equal("NONE", value["reason"]!.GetValue<string>());
        Assert.Equal("UTILITY", value["message_template_category"]!.GetValue<string>());
        Assert.Equal("en-US", value["message_template_language"]!.GetValue<string>());
        Assert.Equal("whatsapp_business_account", webhook.Json["object"]!.GetValue<string>());
    }

    [Fact]
    public async Task Is_rejected_when_its_name_starts_with_reject()
    {
        await CreateAsync(OrderConfirmation("reject_this_one"));

        var webhook = await TemplateWebhookAsync("reject_this_one");

        var value = webhook.Changes.Single()["value"]!;
        Assert.Equal("REJECTED", value["event"]!.GetValue<string>());
        Assert.NotNull(value["rejection_info"]!["reason"]);
        var listed = await Emulator.GraphAsync(HttpMethod.Get, $"{Number.WabaId}/message_templates?name=reject_this_one", Number.AccessToken);
        Assert.Equal("REJECTED", listed.Json["data"]![0]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task With_a_variable_but_no_example_is_refused()
    {
        var template = OrderConfirmation();
        template["components"]![1]!.AsObject().Remove("example");

        var response = await CreateAsync(template);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(100, response.ErrorCode);
    }

    [Theory]
    [InlineData("Order-Confirmation", "en_US", "UTILITY")]
    [InlineData("order_confirmation", "xx_XX", "UTILITY")]
    [InlineData("order_confirmation", "en_US", "PROMOTION")]
    public async Task With_an_invalid_name_language_or_category_is_refused(string name, string language, string category)
    {
        var template = OrderConfirmation(name, language);
        template["category"] = category;

        var response = await CreateAsync(template);

        Assert.Equal(100, response.ErrorCode);
    }

    [Fact]
    public async Task With_a_variable_at_the_very_start_is_refused_with_subcode_2388299()
    {
        var template = OrderConfirmation();
        template["components"] = new JsonArray(TemplateSetup.Body("{{1}} is your order.", ["42"]));

        var response = await CreateAsync(template);

        Assert.Equal(2388299, response.Json["error"]!["error_subcode"]!.GetValue<int>());
    }

    [Fact]
    public async Task In_a_language_it_already_has_is_refused()
    {
        await CreateAsync(OrderConfirmation());

        var response = await CreateAsync(OrderConfirmation());

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(100, response.ErrorCode);
    }

    [Fact]
    public async Task Are_listed_page_by_page()
    {
        foreach (var name in new[] { "page_a", "page_b", "page_c" })
        {
            await CreateAsync(OrderConfirmation(name));
        }

        var first = await Emulator.GraphAsync(HttpMethod.Get, $"{Number.WabaId}/message_templates?limit=2", Number.AccessToken);
        var next = new Uri(first.Json["paging"]!["next"]!.GetValue<string>());
        var second = await Emulator.GraphAsync(HttpMethod.Get, next.PathAndQuery[(EmulatorClient.Version.Length + 2)..], Number.AccessToken);

        Assert.Equal(["page_a", "page_b"], first.Json["data"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()));
        Assert.Equal(["page_c"], second.Json["data"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()));
        Assert.Null(second.Json["paging"]!["next"]);
        var template = first.Json["data"]![0]!.AsObject();
        Assert.Equal(["name", "parameter_format", "components", "language", "status", "category", "id"], template.Select(p => p.Key));
    }

    [Fact]
    public async Task Are_filtered_by_name()
    {
        await CreateAsync(OrderConfirmation("shipping_update"));
        await CreateAsync(OrderConfirmation("welcome"));

        var response = await Emulator.GraphAsync(HttpMethod.Get, $"{Number.WabaId}/message_templates?name=shipping", Number.AccessToken);

        Assert.Equal(["shipping_update"], response.Json["data"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Of_an_empty_account_are_an_empty_list()
    {
        var response = await Emulator.GraphAsync(HttpMethod.Get, $"{Number.WabaId}/message_templates", Number.AccessToken);

        Assert.Equal("""{"data":[]}""", response.Text);
    }

    [Fact]
    public async Task Can_be_read_by_id_with_chosen_fields()
    {
        var id = (await CreateAsync(OrderConfirmation())).Json["id"]!.GetValue<string>();

        var response = await Emulator.GraphAsync(HttpMethod.Get, $"{id}?fields=status", Number.AccessToken);

        Assert.Equal($$"""{"status":"PENDING","id":"{{id}}"}""", response.Text);
    }

    [Fact]
    public async Task Deleted_by_name_lose_every_language()
    {
        await CreateAsync(OrderConfirmation("bye", "en_US"));
        await CreateAsync(OrderConfirmation("bye", "pt_BR"));

        var response = await Emulator.GraphAsync(HttpMethod.Delete, $"{Number.WabaId}/message_templates?name=bye", Number.AccessToken);

        Assert.Equal("""{"success":true}""", response.Text);
        var listed = await Emulator.GraphAsync(HttpMethod.Get, $"{Number.WabaId}/message_templates?name=bye", Number.AccessToken);
        Assert.Empty(listed.Json["data"]!.AsArray());
    }

    [Fact]
    public async Task Deleted_by_id_lose_only_that_language()
    {
        var english = (await CreateAsync(OrderConfirmation("bye", "en_US"))).Json["id"]!.GetValue<string>();
        await CreateAsync(OrderConfirmation("bye", "pt_BR"));

        await Emulator.GraphAsync(HttpMethod.Delete, $"{Number.WabaId}/message_templates?name=bye&hsm_id={english}", Number.AccessToken);

        var listed = await Emulator.GraphAsync(HttpMethod.Get, $"{Number.WabaId}/message_templates?name=bye", Number.AccessToken);
        Assert.Equal(["pt_BR"], listed.Json["data"]!.AsArray().Select(t => t!["language"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Deleting_an_unknown_name_fails_with_subcode_2593002()
    {
        var response = await Emulator.GraphAsync(HttpMethod.Delete, $"{Number.WabaId}/message_templates?name=fake_name", Number.AccessToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        var error = response.Json["error"]!;
        Assert.Equal(100, error["code"]!.GetValue<int>());
        Assert.Equal(2593002, error["error_subcode"]!.GetValue<int>());
        Assert.Equal("Message Template Not Found", error["error_user_title"]!.GetValue<string>());
        Assert.False(error["is_transient"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Of_another_account_are_out_of_reach()
    {
        var response = await Emulator.GraphAsync(HttpMethod.Get, "999999999999999/message_templates", Number.AccessToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(33, response.Json["error"]!["error_subcode"]!.GetValue<int>());
    }

    [Fact]
    public async Task Forced_to_paused_through_the_control_api_sends_a_paused_webhook()
    {
        await TemplateSetup.SeedApprovedAsync(Emulator, Number, "to_pause", "Hello {{1}}, thanks.", ["Ana"]);

        using var forced = await Emulator.Http.PostAsync("/_emulator/templates/status", new StringContent(
            new JsonObject { ["wabaId"] = Number.WabaId, ["name"] = "to_pause", ["status"] = "PAUSED" }.ToJsonString(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, forced.StatusCode);
        var webhook = await TemplateWebhookAsync("to_pause");
        Assert.Equal("PAUSED", webhook.Changes.Single()["value"]!["event"]!.GetValue<string>());
        Assert.NotNull(webhook.Changes.Single()["value"]!["other_info"]);
    }
}
