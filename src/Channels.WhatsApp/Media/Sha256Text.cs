namespace Switchboard.Channels.WhatsApp.Media;

/// <summary>
/// Meta sends media hashes as hex from <c>GET /{media-id}</c> and as base64 in webhooks; the product
/// keeps one form, lower-case hex, so hashes compare equal whichever way they arrived.
/// </summary>
internal static class Sha256Text
{
    public static string? Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var trimmed = value.Trim();
        if (trimmed.Length == 64 && trimmed.All(Uri.IsHexDigit))
        {
            return trimmed.ToLowerInvariant();
        }

        Span<byte> bytes = stackalloc byte[48];
        return Convert.TryFromBase64String(trimmed, bytes, out var written) && written == 32
            ? Convert.ToHexStringLower(bytes[..written])
            : trimmed;
    }
}
