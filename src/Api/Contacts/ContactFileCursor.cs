using System.Globalization;
using System.Text;

namespace Switchboard.Api.Contacts;

/// <summary>Where a page of a contact's files ends: the last file's time and id, opaque to clients.</summary>
public static class ContactFileCursor
{
    private const char Separator = '\u001f';

    public static string Encode(DateTimeOffset at, string id) =>
        System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(at.UtcTicks.ToString(CultureInfo.InvariantCulture) + Separator + id));

    /// <returns>False for text this API did not give out; true with null for no cursor.</returns>
    public static bool TryDecode(string? text, out (DateTimeOffset At, string Id)? position)
    {
        position = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        try
        {
            var parts = Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(text)).Split(Separator);
            if (parts.Length != 2 || parts[1].Length == 0 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                || ticks > DateTimeOffset.MaxValue.UtcTicks)
            {
                return false;
            }

            position = (new DateTimeOffset(ticks, TimeSpan.Zero), parts[1]);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
