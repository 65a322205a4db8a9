using System.Text;

namespace Switchboard.Inbox.Contacts;

/// <summary>Where a page of contacts ends: the sort key and id of its last row, opaque to clients.</summary>
public sealed record ContactCursor(string SortKey, string Id)
{
    private const char Separator = '\u001f';

    public string Encode() => System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(SortKey + Separator + Id));

    public static bool TryDecode(string? text, out ContactCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        try
        {
            var parts = Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(text)).Split(Separator);
            if (parts.Length != 2 || parts[1].Length == 0)
            {
                return false;
            }

            cursor = new ContactCursor(parts[0], parts[1]);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
