using System.Text;
using Switchboard.Channels.WhatsApp.Webhooks;

namespace Switchboard.Channels.WhatsApp.Tests.Webhooks;

/// <summary>X-Hub-Signature-256 over the raw body, with the test vectors of the Cloud API spec §3.2.</summary>
public sealed class WebhookSignatureTests
{
    private const string AppSecret = "test_app_secret";

    private const string EmptyEntries = """{"object":"whatsapp_business_account","entry":[]}""";
    private const string EmptyEntriesSignature = "sha256=dec6a680679a968e7e0319355b23599cbfc54502c0784668e9618baa0c633756";

    private const string EscapedP1 = """{"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},"contacts":[{"profile":{"name":"Jos\u00e9"},"wa_id":"16505551234"}],"messages":[{"from":"16505551234","id":"wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQTAwMDAwMDAwMDAwMDAwMDAwMQA=","timestamp":"1749416383","type":"text","text":{"body":"Ol\u00e1"}}]},"field":"messages"}]}]}""";
    private const string EscapedP1Signature = "sha256=73af37cfb47e849477b954886d0e922745c4b80ba2ec53d54c236268506900cd";
    private const string RawUtf8P1Signature = "sha256=39825174cd99b5158a7090bfe5dca6c6a151653e7d8f6367e681b4696acc2f2f";

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public void A_signature_over_the_exact_body_is_valid() =>
        Assert.Equal(SignatureCheck.Valid, WebhookSignature.Verify(Utf8(EmptyEntries), EmptyEntriesSignature, AppSecret));

    [Fact]
    public void The_same_json_with_other_whitespace_has_a_different_signature()
    {
        const string spaced = """{"object": "whatsapp_business_account", "entry": []}""";
        Assert.Equal(SignatureCheck.Valid, WebhookSignature.Verify(Utf8(spaced), "sha256=56cbbaf4961c6cfdae48b7f116c047e5eb513d2c931baae63a2bc1afd26f803a", AppSecret));
        Assert.Equal(SignatureCheck.Mismatch, WebhookSignature.Verify(Utf8(spaced), EmptyEntriesSignature, AppSecret));
    }

    [Fact]
    public void A_body_with_escaped_unicode_is_verified_over_the_escaped_bytes_as_received()
    {
        // The C# raw literal keeps \u00e9 as six ASCII characters, exactly as Meta sends them.
        Assert.Contains("Jos\\u00e9", EscapedP1, StringComparison.Ordinal);
        Assert.Equal(SignatureCheck.Valid, WebhookSignature.Verify(Utf8(EscapedP1), EscapedP1Signature, AppSecret));
    }

    [Fact]
    public void The_decoded_utf8_form_of_the_body_does_not_match_the_signature_of_the_escaped_form()
    {
        var decoded = EscapedP1.Replace("\\u00e9", "é", StringComparison.Ordinal).Replace("\\u00e1", "á", StringComparison.Ordinal);
        Assert.Equal(SignatureCheck.Valid, WebhookSignature.Verify(Utf8(decoded), RawUtf8P1Signature, AppSecret));
        Assert.Equal(SignatureCheck.Mismatch, WebhookSignature.Verify(Utf8(decoded), EscapedP1Signature, AppSecret));
    }

    [Fact]
    public void Upper_case_hex_is_accepted() =>
        Assert.Equal(SignatureCheck.Valid, WebhookSignature.Verify(Utf8(EmptyEntries), "sha256=" + EmptyEntriesSignature["sha256=".Length..].ToUpperInvariant(), AppSecret));

    [Fact]
    public void An_upper_case_prefix_is_accepted() =>
        Assert.Equal(SignatureCheck.Valid, WebhookSignature.Verify(Utf8(EmptyEntries), "SHA256=" + EmptyEntriesSignature["sha256=".Length..].ToUpperInvariant(), AppSecret));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_missing_signature_is_reported_as_missing(string? header) =>
        Assert.Equal(SignatureCheck.Missing, WebhookSignature.Verify(Utf8(EmptyEntries), header, AppSecret));

    [Theory]
    [InlineData("dec6a680679a968e7e0319355b23599cbfc54502c0784668e9618baa0c633756")]
    [InlineData("sha1=dec6a680679a968e7e0319355b23599cbfc54502")]
    [InlineData("sha256=dec6a680679a968e7e0319355b23599cbfc54502c0784668e9618baa0c6337")]
    [InlineData("sha256=zzc6a680679a968e7e0319355b23599cbfc54502c0784668e9618baa0c633756")]
    [InlineData("sha256=")]
    public void A_signature_that_is_not_sha256_and_64_hex_digits_is_malformed(string header) =>
        Assert.Equal(SignatureCheck.Malformed, WebhookSignature.Verify(Utf8(EmptyEntries), header, AppSecret));

    [Fact]
    public void A_signature_made_with_another_app_secret_is_a_mismatch() =>
        Assert.Equal(SignatureCheck.Mismatch, WebhookSignature.Verify(Utf8(EmptyEntries), EmptyEntriesSignature, "another_secret"));

    [Fact]
    public void A_tampered_body_is_a_mismatch() =>
        Assert.Equal(SignatureCheck.Mismatch, WebhookSignature.Verify(Utf8(EmptyEntries.Replace("[]", "[{}]", StringComparison.Ordinal)), EmptyEntriesSignature, AppSecret));

    [Fact]
    public void Compute_gives_the_header_value_meta_sends() =>
        Assert.Equal(EmptyEntriesSignature, WebhookSignature.Compute(Utf8(EmptyEntries), AppSecret));
}
