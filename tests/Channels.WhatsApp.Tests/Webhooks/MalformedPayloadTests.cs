using System.Text;
using Switchboard.Channels.WhatsApp.Webhooks;

namespace Switchboard.Channels.WhatsApp.Tests.Webhooks;

/// <summary>Bad input gives a typed result, never an exception, and odd items are kept rather than dropped.</summary>
public sealed class MalformedPayloadTests
{
    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("not json")]
    [InlineData("{\"object\":\"whatsapp_business_account\",\"entry\":[}")]
    public void Text_that_is_not_json_is_a_typed_parse_failure(string body)
    {
        var malformed = Assert.IsType<WebhookParseResult.Malformed>(WebhookParser.Parse(body));

        Assert.Contains("JSON", malformed.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("42")]
    [InlineData("\"whatsapp\"")]
    public void Json_that_is_not_an_object_is_a_typed_parse_failure(string body) =>
        Assert.IsType<WebhookParseResult.Malformed>(WebhookParser.Parse(body));

    [Fact]
    public void An_entry_that_is_not_an_array_is_a_typed_parse_failure() =>
        Assert.IsType<WebhookParseResult.Malformed>(WebhookParser.Parse("""{"object":"whatsapp_business_account","entry":{}}"""));

    [Fact]
    public void Invalid_utf8_is_a_typed_parse_failure() =>
        Assert.IsType<WebhookParseResult.Malformed>(WebhookParser.Parse(new byte[] { (byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}' }));

    [Fact]
    public void An_envelope_without_entries_parses_to_no_events()
    {
        var parsed = Assert.IsType<WebhookParseResult.Parsed>(WebhookParser.Parse("""{"object":"whatsapp_business_account","entry":[]}"""));

        Assert.Empty(parsed.Notification.Events);
        Assert.Equal("whatsapp_business_account", parsed.Notification.Object);
    }

    [Fact]
    public void A_message_without_an_id_is_kept_as_an_unknown_change()
    {
        const string body = """{"entry":[{"id":"1","changes":[{"field":"messages","value":{"metadata":{"phone_number_id":"2"},"messages":[{"from":"3","type":"text","text":{"body":"x"}}]}}]}]}""";

        var parsed = Assert.IsType<WebhookParseResult.Parsed>(WebhookParser.Parse(body));

        var unknown = Assert.IsType<UnknownChange>(Assert.Single(parsed.Notification.Events));
        Assert.Equal("2", unknown.Origin.PhoneNumberId);
        Assert.Contains("\"body\":\"x\"", unknown.RawJson, StringComparison.Ordinal);
    }

    [Fact]
    public void Fields_of_the_wrong_json_type_are_tolerated()
    {
        const string body = """{"entry":[{"id":1,"changes":[{"field":"messages","value":{"metadata":{"phone_number_id":106540352242922},"messages":[{"from":16505551234,"id":"wamid.X","timestamp":1749416383,"type":"text","text":{"body":"numbers everywhere"}}]}}]}]}""";

        var parsed = Assert.IsType<WebhookParseResult.Parsed>(WebhookParser.Parse(Encoding.UTF8.GetBytes(body)));

        var message = Assert.Single(parsed.Notification.Messages);
        Assert.Equal("16505551234", message.From);
        Assert.Equal("106540352242922", message.Origin.PhoneNumberId);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1749416383), message.Timestamp);
    }

    [Fact]
    public void A_known_type_missing_its_object_is_kept_as_unsupported()
    {
        const string body = """{"entry":[{"id":"1","changes":[{"field":"messages","value":{"messages":[{"from":"3","id":"wamid.Y","timestamp":"1","type":"image"}]}}]}]}""";

        var parsed = Assert.IsType<WebhookParseResult.Parsed>(WebhookParser.Parse(body));

        Assert.Equal("image", Assert.IsType<Grains.Messages.UnsupportedContent>(Assert.Single(parsed.Notification.Messages).Content).OriginalType);
    }

    [Fact]
    public void A_change_without_a_value_is_kept_as_an_unknown_change() =>
        Assert.IsType<UnknownChange>(Assert.Single(Assert.IsType<WebhookParseResult.Parsed>(
            WebhookParser.Parse("""{"entry":[{"id":"1","changes":[{"field":"messages"}]}]}""")).Notification.Events));
}
