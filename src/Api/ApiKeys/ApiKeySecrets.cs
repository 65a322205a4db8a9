using System.Security.Cryptography;

namespace Switchboard.Api.ApiKeys;

/// <summary>
/// A new key and its signing secret, shown to the admin once. The key is <c>sbk_</c> plus 32
/// random bytes in base64url; only its SHA-256 and a short prefix (to recognise it in a list)
/// are stored. The signing secret must be stored as it is: callbacks are signed with it.
/// </summary>
public sealed record ApiKeySecrets(string Key, string Prefix, byte[] KeyHash, string SigningSecret)
{
    public const string KeyMarker = "sbk_";
    public const string SigningSecretMarker = "sbs_";

    /// <summary>The marker and 8 characters: enough to tell keys apart, far too little to guess one.</summary>
    public const int PrefixLength = 12;

    public static ApiKeySecrets Generate()
    {
        var key = KeyMarker + RandomText();
        return new ApiKeySecrets(key, key[..PrefixLength], Auth.ApiKeyAuthenticationHandler.Hash(key), SigningSecretMarker + RandomText());
    }

    private static string RandomText() => System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    // Secrets stay out of logs and exception messages that print the record.
    public override string ToString() => $"ApiKeySecrets {{ Prefix = {Prefix} }}";
}
