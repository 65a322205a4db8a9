using System.Globalization;

namespace Switchboard.Inbox.Contacts;

/// <summary>Where a page of a contact's files ends: the last file's time and id, opaque to clients (a <see cref="ContactCursor"/> keyed by ticks).</summary>
public static class ContactFileCursor
{
    public static string Encode(DateTimeOffset at, string id) =>
        new ContactCursor(at.UtcTicks.ToString(CultureInfo.InvariantCulture), id).Encode();

    /// <returns>False for text this API did not give out; true with null for no cursor.</returns>
    public static bool TryDecode(string? text, out (DateTimeOffset At, string Id)? position)
    {
        position = null;
        if (!ContactCursor.TryDecode(text, out var cursor))
        {
            return false;
        }

        if (cursor is null)
        {
            return true;
        }

        if (!long.TryParse(cursor.SortKey, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            return false;
        }

        position = (new DateTimeOffset(ticks, TimeSpan.Zero), cursor.Id);
        return true;
    }
}
