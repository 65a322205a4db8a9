using System.Security.Cryptography;
using System.Text;

namespace Switchboard.Grains.Identity;

/// <summary>
/// Opaque ids: a short type prefix and a random or derived body. Ids derived from a natural
/// key (a conversation is one per number and customer) need no lookup to find, and two
/// nodes deriving one at once agree without coordinating.
/// </summary>
public static class Ids
{
    public static string New(string prefix) => $"{prefix}_{Guid.CreateVersion7():N}";

    /// <summary>A stable id for a natural key: the same parts always give the same id.</summary>
    public static string Derived(string prefix, params string[] parts)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', parts)));
        return $"{prefix}_{Convert.ToHexStringLower(hash.AsSpan(0, 16))}";
    }

    public static string Contact(string tenantId, string phoneNumber) => Derived("ct", tenantId, phoneNumber);

    public static string Conversation(string tenantId, string channelId, string contactId) => Derived("cv", tenantId, channelId, contactId);
}
