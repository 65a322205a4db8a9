namespace Switchboard.Cluster.Ingestion;

/// <summary>What became of a webhook POST: stored (answer 200), or refused with a problem and nothing stored.</summary>
public abstract record IntakeResult
{
    public sealed record Stored(long InboxId) : IntakeResult;

    public sealed record Refused(int Status, string Type, string Detail) : IntakeResult;
}
