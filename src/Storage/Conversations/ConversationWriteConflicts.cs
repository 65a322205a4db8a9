namespace Switchboard.Storage.Conversations;

/// <summary>
/// Why a conversation turn's write was refused, as the SQLSTATE its check raises inside the batch
/// (<c>expect_rows</c> in migration 0006), so the writer can tell whose turn failed and why.
/// </summary>
public static class ConversationWriteConflicts
{
    /// <summary>The stored version is not the one the grain read: another activation wrote first.</summary>
    public const string VersionConflict = "SBVER";

    /// <summary>The command's idempotency key was already consumed: the command was applied before.</summary>
    public const string DuplicateCommand = "SBDUP";
}
