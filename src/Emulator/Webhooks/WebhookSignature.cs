using System.Security.Cryptography;
using System.Text;

namespace Switchboard.Emulator.Webhooks;

/// <summary><c>X-Hub-Signature-256</c>: <c>sha256=</c> + lowercase hex HMAC-SHA256 of the exact body under the app secret (spec §3.2).</summary>
public static class WebhookSignature
{
    public const string HeaderName = "X-Hub-Signature-256";

    public static string Compute(string appSecret, ReadOnlySpan<byte> body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body));
}
