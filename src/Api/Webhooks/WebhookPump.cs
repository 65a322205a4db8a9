using System.Threading.Channels;
using Switchboard.Cluster.Ingestion;

namespace Switchboard.Api.Webhooks;

/// <summary>
/// Processes webhooks this node just stored, right after the 200 went out: the fast path from
/// a customer's message to an agent's screen. If this node dies first, a silo's sweeper
/// processes them instead.
/// </summary>
public sealed class WebhookPump(WebhookProcessor processor) : BackgroundService
{
    private const int Concurrency = 32;

    private readonly Channel<long> stored = Channel.CreateUnbounded<long>();

    public void Enqueue(long inboxId) => stored.Writer.TryWrite(inboxId);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Parallel.ForEachAsync(
            stored.Reader.ReadAllAsync(stoppingToken),
            new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = stoppingToken },
            async (id, ct) => await processor.ProcessAsync(id, ct));
}
