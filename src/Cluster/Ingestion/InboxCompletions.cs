using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Switchboard.Cluster.Ingestion;

/// <summary>
/// Marks processed webhooks in batches, without waiting for the WAL flush: a mark lost in a crash
/// only means the row is processed again once its claim lapses, which changes nothing (messages
/// are recorded once per provider id, statuses only move forward). One write per batch instead of
/// one durable commit per webhook.
/// </summary>
public sealed partial class InboxCompletions(NpgsqlDataSource dataSource, ILogger<InboxCompletions> logger) : BackgroundService
{
    private const int BatchSize = 1000;

    private readonly Channel<long> processed = Channel.CreateUnbounded<long>(new UnboundedChannelOptions { SingleReader = true });

    public void Complete(long inboxId) => processed.Writer.TryWrite(inboxId);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<long>(BatchSize);
        while (await processed.Reader.WaitToReadAsync(stoppingToken))
        {
            batch.Clear();
            while (batch.Count < BatchSize && processed.Reader.TryRead(out var id))
            {
                batch.Add(id);
            }

            try
            {
                await MarkAsync(batch, stoppingToken);
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
            {
                // Unmarked rows are swept and processed again after their claim lapses: harmless.
                LogMarkFailed(logger, batch.Count, ex);
            }
        }
    }

    private async Task MarkAsync(List<long> ids, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("set local synchronous_commit = off"),
                new NpgsqlBatchCommand("update webhook_inbox set processed_at = now(), locked_until = null where id = any($1)")
                {
                    Parameters = { new() { Value = ids.ToArray() } },
                },
            },
        };
        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not mark {Count} webhooks processed; they will be processed again, harmlessly")]
    private static partial void LogMarkFailed(ILogger logger, int count, Exception exception);
}
