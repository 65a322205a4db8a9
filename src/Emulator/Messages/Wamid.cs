using System.Security.Cryptography;
using System.Text;

namespace Switchboard.Emulator.Messages;

/// <summary>
/// WhatsApp message ids as real traffic shows them (spec §7.1): <c>wamid.</c> + base64 of
/// <c>1C 18 len wa_id 15 02 00 dir 18 len hex-id 00</c>, where <c>dir</c> is 0x11 for business→user
/// (18-character hex id) and 0x12 for user→business (20 characters, starting 3A). Clients must treat
/// them as opaque; the structure is only there so that they look and size like Meta's.
/// </summary>
public static class Wamid
{
    public static string ForOutbound(string waId) => Create(waId, inbound: false, RandomNumberGenerator.GetHexString(18));

    public static string ForInbound(string waId) => Create(waId, inbound: true, "3A" + RandomNumberGenerator.GetHexString(18));

    public static string Create(string waId, bool inbound, string hexId)
    {
        var user = Encoding.ASCII.GetBytes(waId);
        var id = Encoding.ASCII.GetBytes(hexId);
        byte[] bytes =
        [
            0x1C, 0x18, (byte)user.Length, .. user,
            0x15, 0x02, 0x00, inbound ? (byte)0x12 : (byte)0x11,
            0x18, (byte)id.Length, .. id, 0x00,
        ];
        return "wamid." + Convert.ToBase64String(bytes);
    }
}
