using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Switchboard.Emulator.Graph;
using Switchboard.Emulator.Numbers;
using Switchboard.Emulator.Tests.Infrastructure;
using Switchboard.Emulator.Webhooks;

namespace Switchboard.Emulator.Tests.Webhooks;

public sealed class The_webhook_signature(EmulatorFactory factory) : EmulatorTest(factory)
{
    // Payload P1 of spec §3.2, single line, no trailing newline.
    private const string P1 = """{"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},"contacts":[{"profile":{"name":"Jos\u00e9"},"wa_id":"16505551234"}],"messages":[{"from":"16505551234","id":"wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQTAwMDAwMDAwMDAwMDAwMDAwMQA=","timestamp":"1749416383","type":"text","text":{"body":"Ol\u00e1"}}]},"field":"messages"}]}]}""";

    [Theory]
    [InlineData("""{"object":"whatsapp_business_account","entry":[]}""", "sha256=dec6a680679a968e7e0319355b23599cbfc54502c0784668e9618baa0c633756")]
    [InlineData("""{"object": "whatsapp_business_account", "entry": []}""", "sha256=56cbbaf4961c6cfdae48b7f116c047e5eb513d2c931baae63a2bc1afd26f803a")]
    [InlineData(P1, "sha256=73af37cfb47e849477b954886d0e922745c4b80ba2ec53d54c236268506900cd")]
    public void Matches_the_spec_test_vectors(string body, string expected) =>
        Assert.Equal(expected, WebhookSignature.Compute("test_app_secret", Encoding.UTF8.GetBytes(body)));

    [Fact]
    public void Of_the_raw_utf8_variant_of_P1_differs_as_the_spec_says() =>
        Assert.Equal(
            "sha256=39825174cd99b5158a7090bfe5dca6c6a151653e7d8f6367e681b4696acc2f2f",
            WebhookSignature.Compute("test_app_secret", Encoding.UTF8.GetBytes(P1.Replace("Jos\\u00e9", "José").Replace("Ol\\u00e1", "Olá"))));

    [Fact]
    public void Covers_the_payload_P1_written_byte_for_byte_as_the_spec_shows_it()
    {
        var number = NumberSettings.From(new NumberRegistration
        {
            PhoneNumberId = "106540352242922",
            WabaId = "102290129340398",
            DisplayPhoneNumber = "+1 555-078-3881",
            AccessToken = "token",
            AppSecret = "test_app_secret",
            WebhookUrl = "http://127.0.0.1/",
        });
        var message = new JsonObject
        {
            ["from"] = "16505551234",
            ["id"] = "wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQTAwMDAwMDAwMDAwMDAwMDAwMQA=",
            ["timestamp"] = "1749416383",
            ["type"] = "text",
            ["text"] = new JsonObject { ["body"] = "Olá" },
        };
        var contact = new JsonObject { ["profile"] = new JsonObject { ["name"] = "José" }, ["wa_id"] = "16505551234" };

        var body = GraphJson.ToWebhookBytes(WebhookPayloads.Message(number, contact, message));

        Assert.Equal(P1, Encoding.ASCII.GetString(body));
        Assert.Equal("sha256=73af37cfb47e849477b954886d0e922745c4b80ba2ec53d54c236268506900cd", WebhookSignature.Compute("test_app_secret", body));
    }

    [Fact]
    public async Task Is_an_hmac_of_the_exact_received_bytes_under_the_app_secret()
    {
        await Emulator.CustomerSendsAsync(Number, TestIds.WaId(), new JsonObject
        {
            ["name"] = "Zoë Ångström",
            ["type"] = "text",
            ["text"] = new JsonObject { ["body"] = "Olá, ça va? 👍 https://example.com/a" },
        });

        var webhook = Assert.Single(Receiver.Received);
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Number.AppSecret), webhook.Body));
        Assert.Equal(expected, webhook.Signature);
    }

    [Fact]
    public async Task Is_computed_over_a_body_with_non_ascii_escaped_as_lowercase_unicode_escapes()
    {
        await Emulator.CustomerSendsAsync(Number, TestIds.WaId(), new JsonObject
        {
            ["name"] = "José",
            ["type"] = "text",
            ["text"] = new JsonObject { ["body"] = "äöå 👍" },
        });

        var webhook = Assert.Single(Receiver.Received);
        Assert.All(webhook.Body, b => Assert.True(b < 0x80, "the body is pure ASCII"));
        Assert.Contains("""Jos\u00e9""", webhook.Text, StringComparison.Ordinal);
        Assert.Contains("""\u00e4\u00f6\u00e5 \ud83d\udc4d""", webhook.Text, StringComparison.Ordinal);
        Assert.Equal("äöå 👍", webhook.Messages.Single()["text"]!["body"]!.GetValue<string>());
    }
}
