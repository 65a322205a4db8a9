using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Switchboard.Storage.Conversations;

/// <summary>
/// Writes grains' turns to PostgreSQL, many turns to one transaction when they queue up. Each turn
/// is a list of statements that either all apply or none do: a check that fails inside one raises
/// (see <c>expect_rows</c>). A few writers take turns off one queue: an idle writer takes a lone
/// turn at once (no waiting to fill a batch), and a busy moment's turns pile up and go together,
/// one round trip and one WAL flush for all of them.
/// A group is one statement batch, which PostgreSQL runs as one implicit transaction. When a
/// statement of one turn raises, nothing of the group was committed: that turn gets the error and
/// the others are written again without it. When the connection fails instead, the outcome is
/// unknown and every turn of the group gets the error (a retried turn then meets the version check).
/// </summary>
public sealed partial class GroupCommit : IAsyncDisposable
{
    private readonly NpgsqlDataSource dataSource;
    private readonly GroupCommitOptions options;
    private readonly ILogger<GroupCommit> logger;
    private readonly Channel<PendingWrite> queue = Channel.CreateUnbounded<PendingWrite>();
    private readonly Task[] writers;

    public GroupCommit(NpgsqlDataSource dataSource, IOptions<GroupCommitOptions> options, ILogger<GroupCommit> logger)
    {
        this.dataSource = dataSource;
        this.options = options.Value;
        this.logger = logger;
        writers = Enumerable.Range(0, this.options.Writers).Select(_ => Task.Run(WriteLoopAsync)).ToArray();
    }

    /// <summary>Commits these statements together, with whatever other turns are waiting.</summary>
    /// <exception cref="PostgresException">A statement of this turn raised; nothing of it was written.</exception>
    public Task CommitAsync(IReadOnlyList<NpgsqlBatchCommand> statements)
    {
        var write = new PendingWrite(statements);
        if (!queue.Writer.TryWrite(write))
        {
            throw new ObjectDisposedException(nameof(GroupCommit));
        }

        return write.Done.Task;
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await Task.WhenAll(writers);
    }

    private async Task WriteLoopAsync()
    {
        var group = new List<PendingWrite>();
        while (await queue.Reader.WaitToReadAsync())
        {
            group.Clear();
            var statements = 0;
            while (group.Count < options.MaxTurnsPerTransaction && statements < options.MaxStatementsPerTransaction && queue.Reader.TryRead(out var write))
            {
                group.Add(write);
                statements += write.Statements.Count;
            }

            if (group.Count > 0)
            {
                await WriteAsync(group);
            }
        }
    }

    private async Task WriteAsync(IReadOnlyList<PendingWrite> group)
    {
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            await using var batch = new NpgsqlBatch(connection);
            foreach (var write in group)
            {
                foreach (var statement in write.Statements)
                {
                    batch.BatchCommands.Add(statement);
                }
            }

            await batch.ExecuteNonQueryAsync();
            foreach (var write in group)
            {
                write.Done.TrySetResult();
            }
        }
        catch (PostgresException ex) when (group.Count > 1)
        {
            // The server refused a statement, so the whole group rolled back: write the rest again.
            var failed = group.FirstOrDefault(write => ex.BatchCommand is { } statement && write.Statements.Contains(statement));
            if (failed is not null)
            {
                failed.Done.TrySetException(ex);
                await WriteAsync(group.Where(write => write != failed).Select(write => write.Again()).ToList());
            }
            else
            {
                // Not pinned on one turn (a deadlock, a serialization failure): each goes alone.
                LogGroupSplit(logger, group.Count, ex.SqlState);
                foreach (var write in group)
                {
                    await WriteAsync([write.Again()]);
                }
            }
        }
        catch (Exception ex)
        {
            foreach (var write in group)
            {
                write.Done.TrySetException(ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A group of {Count} turns failed with {SqlState}; writing them one by one")]
    private static partial void LogGroupSplit(ILogger logger, int count, string sqlState);

    /// <summary>One turn's statements and whoever waits for them.</summary>
    private sealed class PendingWrite(IReadOnlyList<NpgsqlBatchCommand> statements, TaskCompletionSource? done = null)
    {
        public IReadOnlyList<NpgsqlBatchCommand> Statements { get; } = statements;

        public TaskCompletionSource Done { get; } = done ?? new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>The same turn in fresh statements (a statement belongs to the batch that ran it).</summary>
        public PendingWrite Again() => new(
            Statements.Select(statement =>
            {
                var copy = new NpgsqlBatchCommand(statement.CommandText);
                foreach (NpgsqlParameter parameter in statement.Parameters)
                {
                    copy.Parameters.Add(parameter.Clone());
                }

                return copy;
            }).ToList(),
            Done);
    }
}
