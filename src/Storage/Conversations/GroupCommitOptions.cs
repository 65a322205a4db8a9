using System.ComponentModel.DataAnnotations;

namespace Switchboard.Storage.Conversations;

public sealed class GroupCommitOptions
{
    public const string Section = "Storage:GroupCommit";

    /// <summary>Transactions in flight at once per silo; a turn waits only while all of them are busy.</summary>
    [Range(1, 64)]
    public int Writers { get; set; } = 4;

    [Range(1, 10_000)]
    public int MaxTurnsPerTransaction { get; set; } = 200;

    [Range(1, 100_000)]
    public int MaxStatementsPerTransaction { get; set; } = 2_000;
}
