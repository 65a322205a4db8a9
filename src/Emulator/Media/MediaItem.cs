using System.Security.Cryptography;

namespace Switchboard.Emulator.Media;

/// <summary>A stored media file: uploaded by a business (kept 30 days) or sent by a customer (kept 7 days), spec §2.5.</summary>
public sealed class MediaItem
{
    public MediaItem(string id, string ownerPhoneNumberId, string wabaId, string mimeType, byte[] content, string? fileName, DateTimeOffset createdAt, TimeSpan lifetime)
    {
        Id = id;
        OwnerPhoneNumberId = ownerPhoneNumberId;
        WabaId = wabaId;
        MimeType = mimeType;
        Content = content;
        FileName = fileName;
        CreatedAt = createdAt;
        ExpiresAt = createdAt + lifetime;
        var hash = SHA256.HashData(content);
        Sha256Hex = Convert.ToHexStringLower(hash);
        Sha256Base64 = Convert.ToBase64String(hash);
    }

    public string Id { get; }
    public string OwnerPhoneNumberId { get; }
    public string WabaId { get; }

    /// <summary>As declared by the uploader, parameters included (e.g. <c>audio/ogg; codecs=opus</c>).</summary>
    public string MimeType { get; }

    public byte[] Content { get; }
    public string? FileName { get; }
    public DateTimeOffset CreatedAt { get; }
    public DateTimeOffset ExpiresAt { get; }

    /// <summary>Hex, as <c>GET /{media-id}</c> answers it.</summary>
    public string Sha256Hex { get; }

    /// <summary>Base64, as inbound media webhooks carry it (spec §2.2).</summary>
    public string Sha256Base64 { get; }

    public string BaseMimeType => MediaRules.BaseMimeType(MimeType);
}
