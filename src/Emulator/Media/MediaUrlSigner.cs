using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Switchboard.Emulator.Hosting;

namespace Switchboard.Emulator.Media;

/// <summary>
/// The short-lived download URLs of spec §2.2/§7.6, shaped like Meta's
/// (<c>/whatsapp_business/attachments/?mid=…&amp;ext=…&amp;hash=…</c>) and pointing back at the emulator.
/// <c>ext</c> is the expiry (unix seconds) and <c>hash</c> an HMAC over id and expiry under a key that
/// lives as long as the process.
/// </summary>
public sealed class MediaUrlSigner(IOptions<EmulatorOptions> options, TimeProvider time)
{
    public const string DownloadPath = "/whatsapp_business/attachments/";
    public static readonly TimeSpan UrlLifetime = TimeSpan.FromMinutes(5);

    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    public string UrlFor(MediaItem media, HttpRequest request)
    {
        var expires = time.GetUtcNow().Add(UrlLifetime).ToUnixTimeSeconds();
        var baseUrl = options.Value.PublicBaseUrl?.ToString().TrimEnd('/') ?? $"{request.Scheme}://{request.Host}{request.PathBase}";
        return $"{baseUrl}{DownloadPath}?mid={media.Id}&ext={expires.ToString(CultureInfo.InvariantCulture)}&hash={Sign(media.Id, expires)}";
    }

    /// <summary>True when the hash is ours and the URL has not expired.</summary>
    public bool IsValid(string mediaId, string expires, string hash)
    {
        if (!long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var expiresAt))
        {
            return false;
        }
        var expected = Encoding.ASCII.GetBytes(Sign(mediaId, expiresAt));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(hash))
            && time.GetUtcNow().ToUnixTimeSeconds() < expiresAt;
    }

    private string Sign(string mediaId, long expires) =>
        Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes($"{mediaId}:{expires}")))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
