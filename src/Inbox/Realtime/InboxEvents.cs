namespace Switchboard.Inbox.Realtime;

/// <summary>The hub's server-to-client event names (api.md, Real-time).</summary>
public static class InboxEvents
{
    public const string ConversationUpdated = "conversationUpdated";
    public const string MessageCreated = "messageCreated";
    public const string MessageStatusChanged = "messageStatusChanged";
    public const string WindowChanged = "windowChanged";
    public const string AssignmentChanged = "assignmentChanged";
    public const string BotChanged = "botChanged";
    public const string CampaignProgress = "campaignProgress";
    public const string TemplateStatusChanged = "templateStatusChanged";
}
