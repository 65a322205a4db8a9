namespace Switchboard.Api.Auth;

/// <summary>
/// What an API key may do. Agents signed in with a cookie hold every scope their role allows;
/// API keys hold what the admin granted when creating them.
/// </summary>
public static class Scopes
{
    public const string MessagesSend = "messages:send";
    public const string MessagesRead = "messages:read";
    public const string ConversationsRead = "conversations:read";
    public const string ConversationsWrite = "conversations:write";
    public const string ContactsRead = "contacts:read";
    public const string ContactsWrite = "contacts:write";
    public const string TemplatesRead = "templates:read";
    public const string TemplatesWrite = "templates:write";
    public const string CampaignsWrite = "campaigns:write";
    public const string MediaWrite = "media:write";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>
    {
        MessagesSend, MessagesRead, ConversationsRead, ConversationsWrite, ContactsRead, ContactsWrite,
        TemplatesRead, TemplatesWrite, CampaignsWrite, MediaWrite,
    };
}
