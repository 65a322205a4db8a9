using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Switchboard.Testing;

/// <summary>Plays Meta: webhook envelopes as the Cloud API sends them, and their signatures.</summary>
public static class MetaWebhooks
{
    public static string TextMessage(string wabaId, string phoneNumberId, string waId, string text, string? wamid = null, DateTimeOffset? sentAt = null, string name = "Customer") =>
        JsonSerializer.Serialize(new
        {
            @object = "whatsapp_business_account",
            entry = new[]
            {
                new
                {
                    id = wabaId,
                    changes = new[]
                    {
                        new
                        {
                            field = "messages",
                            value = new
                            {
                                messaging_product = "whatsapp",
                                metadata = new { display_phone_number = "15550100", phone_number_id = phoneNumberId },
                                contacts = new[] { new { profile = new { name }, wa_id = waId } },
                                messages = new[]
                                {
                                    new
                                    {
                                        from = waId,
                                        id = wamid ?? "wamid." + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)),
                                        timestamp = (sentAt ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
                                        type = "text",
                                        text = new { body = text },
                                    },
                                },
                            },
                        },
                    },
                },
            },
        });

    public static string Sign(string body, string appSecret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), Encoding.UTF8.GetBytes(body)));
}
