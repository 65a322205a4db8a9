using System.Security.Cryptography;
using System.Text;

namespace Switchboard.Channels.WhatsApp.Webhooks;

/// <summary>
/// Meta signs each webhook POST with <c>X-Hub-Signature-256: sha256=&lt;hex HMAC-SHA256(app secret, raw body)&gt;</c>.
/// The check runs over the raw bytes exactly as received — a re-serialised body hashes differently
/// (Meta signs the \u-escaped form) — and compares in constant time.
/// </summary>
public static class WebhookSignature
{
    public const string HeaderName = "X-Hub-Signature-256";

    private const string Prefix = "sha256=";

    public static SignatureCheck Verify(ReadOnlySpan<byte> rawBody, string? signatureHeader, string appSecret)
    {
        ArgumentException.ThrowIfNullOrEmpty(appSecret);
        if (string.IsNullOrWhiteSpace(signatureHeader))
        {
            return SignatureCheck.Missing;
        }

        // One popular library sends "SHA256=" with upper-case hex: both the prefix and the hex are case-insensitive.
        var header = signatureHeader.AsSpan().Trim();
        if (!header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return SignatureCheck.Malformed;
        }

        var hex = header[Prefix.Length..];
        Span<byte> claimed = stackalloc byte[HMACSHA256.HashSizeInBytes];
        if (hex.Length != claimed.Length * 2 || Convert.FromHexString(hex, claimed, out _, out var written) != System.Buffers.OperationStatus.Done || written != claimed.Length)
        {
            return SignatureCheck.Malformed;
        }

        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), rawBody, expected);
        return CryptographicOperations.FixedTimeEquals(claimed, expected) ? SignatureCheck.Valid : SignatureCheck.Mismatch;
    }

    /// <summary>The header value Meta would send for <paramref name="rawBody"/>: <c>sha256=</c> and lower-case hex.</summary>
    public static string Compute(ReadOnlySpan<byte> rawBody, string appSecret)
    {
        ArgumentException.ThrowIfNullOrEmpty(appSecret);
        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), rawBody, hash);
        return Prefix + Convert.ToHexStringLower(hash);
    }
}
