using System.Security.Cryptography;
using System.Text;

namespace Switchboard.Benchmarks.Inbound;

/// <summary>
/// Inbound text-message webhooks as Meta sends them (one message per POST, the emulator's key
/// order), signed like Meta: <c>X-Hub-Signature-256: sha256=</c> HMAC-SHA256 of the exact bytes
/// with the channel's app secret.
/// </summary>
public sealed class WebhookBodies(string phoneNumberId, string wabaId, string displayPhoneNumber, string appSecret)
{
    private readonly byte[] key = Encoding.UTF8.GetBytes(appSecret);

    public (byte[] Body, string Signature) TextMessage(string waId, string wamid, string text, long unixSeconds)
    {
        var json =
            $$$"""{"object":"whatsapp_business_account","entry":[{"id":"{{{wabaId}}}","changes":[{"value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"{{{displayPhoneNumber}}}","phone_number_id":"{{{phoneNumberId}}}"},"contacts":[{"profile":{"name":"Bench {{{waId}}}"},"wa_id":"{{{waId}}}"}],"messages":[{"from":"{{{waId}}}","id":"{{{wamid}}}","timestamp":"{{{unixSeconds}}}","type":"text","text":{"body":"{{{text}}}"}}]},"field":"messages"}]}]}""";
        var body = Encoding.UTF8.GetBytes(json);
        return (body, "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(key, body)));
    }
}
