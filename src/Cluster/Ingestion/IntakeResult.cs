namespace Switchboard.Cluster.Ingestion;

/// <summary>What became of a webhook POST: stored (answer 200), or refused with a problem and nothing stored.</summary>
public abstract record IntakeResult
{
    /// <summary>Stored and claimed by this node for 30 seconds; <paramref name="Notification"/> is already parsed.</summary>
    public sealed record Stored(long InboxId, DateTimeOffset ReceivedAt, Switchboard.Channels.WhatsApp.Webhooks.WebhookNotification Notification) : IntakeResult;

    public sealed record Refused(int Status, string Type, string Detail) : IntakeResult;
}
