using Dapper;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Switchboard.Cluster.Ingestion;

/// <summary>
/// Runs on silos: processes stored webhooks that no Api node finished — it died after
/// answering 200, or processing failed and is due for another try.
/// </summary>
public sealed partial class WebhookInboxSweeper(
    NpgsqlDataSource dataSource,
    WebhookProcessor processor,
    TimeProvider time,
    ILogger<WebhookInboxSweeper> logger) : BackgroundService
{
    /// <summary>How long the storing node has to process a webhook itself before a silo steps in.</summary>
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SweepOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSweepFailed(logger, ex);
            }

            await Task.Delay(TimeSpan.FromSeconds(1), time, stoppingToken);
        }
    }

    public async Task<int> SweepOnceAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var pending = (await connection.QueryAsync<long>(new CommandDefinition(
            """
            select id from webhook_inbox
            where processed_at is null and attempts < @MaxAttempts and received_at < now() - @Grace
              and (locked_until is null or locked_until < now())
            order by received_at limit 100
            """, new { WebhookProcessor.MaxAttempts, Grace }, cancellationToken: cancellationToken))).ToList();
        var processed = 0;
        foreach (var id in pending)
        {
            if (await processor.ProcessAsync(id, cancellationToken))
            {
                processed++;
            }
        }

        return processed;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweeping the webhook inbox failed; retrying")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
