using System.Net.Http.Headers;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Switchboard.Emulator.Control;

namespace Switchboard.Emulator.Webhooks;

/// <summary>
/// Posts webhooks the way Meta does (spec §3.3, §7.5): concurrently, signed over the exact bytes, only
/// HTTP 200 counts as an acknowledgement, anything else is retried immediately and then with growing
/// gaps until the schedule runs out. Every attempt is recorded on the delivery.
/// </summary>
public sealed partial class WebhookDispatcher(
    IHttpClientFactory httpClients,
    IOptions<WebhookOptions> options,
    WebhookDeliveryLog log,
    ResetGeneration reset,
    TimeProvider time,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    public const string HttpClientName = "webhooks";

    private readonly Channel<(WebhookDelivery Delivery, CancellationToken Generation)> _queue =
        Channel.CreateUnbounded<(WebhookDelivery, CancellationToken)>();
    private long _lastId;

    /// <summary>Queues a webhook for delivery and returns it, so callers can await its acknowledgement.</summary>
    public WebhookDelivery Send(string phoneNumberId, WebhookKind kind, WebhookTarget target, byte[] body)
    {
        var delivery = new WebhookDelivery(Interlocked.Increment(ref _lastId), phoneNumberId, kind, target, body, time.GetUtcNow());
        log.Add(delivery);
        _queue.Writer.TryWrite((delivery, reset.Token));
        return delivery;
    }

    /// <summary>Queues the very same bytes a second time: Meta's at-least-once delivery, on purpose.</summary>
    public WebhookDelivery SendAgain(WebhookDelivery original) =>
        Send(original.PhoneNumberId, original.Kind, original.Target, original.Body);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, options.Value.Concurrency).Select(_ => WorkAsync(stoppingToken)));

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var (delivery, generation) in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                if (generation.IsCancellationRequested)
                {
                    // Queued before a reset: the test that caused it is over.
                    delivery.Complete(false);
                    continue;
                }
                await AttemptAsync(delivery, generation, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task AttemptAsync(WebhookDelivery delivery, CancellationToken generation, CancellationToken stoppingToken)
    {
        var attemptNumber = delivery.AttemptCount + 1;
        var startedAt = time.GetUtcNow();
        var started = time.GetTimestamp();
        int? statusCode = null;
        string? error = null;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            timeout.CancelAfter(TimeSpan.FromMilliseconds(options.Value.TimeoutMs));
            using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Target.Url)
            {
                Content = new ByteArrayContent(delivery.Body),
            };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, delivery.Signature);
            request.Headers.TryAddWithoutValidation("User-Agent", "facebookexternalua");
            using var response = await httpClients.CreateClient(HttpClientName)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            statusCode = (int)response.StatusCode;
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            error = $"No answer within {options.Value.TimeoutMs} ms";
        }
        catch (HttpRequestException exception)
        {
            error = exception.Message;
        }

        delivery.Record(new WebhookAttempt(attemptNumber, startedAt, time.GetElapsedTime(started).TotalMilliseconds, statusCode, error));
        // Only 200 is an acknowledgement (spec §3.3): 201, 204 and friends are retried like a 500.
        if (statusCode == 200)
        {
            delivery.Complete(true);
            return;
        }

        var schedule = options.Value.RetryDelays;
        if (attemptNumber > schedule.Count)
        {
            LogAbandoned(delivery.Id, delivery.Target.Url, attemptNumber);
            delivery.Complete(false);
            return;
        }
        LogFailedAttempt(delivery.Id, delivery.Target.Url, attemptNumber, statusCode, error);
        _ = RetryLaterAsync(delivery, schedule[attemptNumber - 1], generation);
    }

    private async Task RetryLaterAsync(WebhookDelivery delivery, TimeSpan delay, CancellationToken generation)
    {
        try
        {
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, time, generation);
            }
            _queue.Writer.TryWrite((delivery, generation));
        }
        catch (OperationCanceledException)
        {
            delivery.Complete(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook {DeliveryId} to {Url}: attempt {Attempt} failed ({StatusCode}, {Error}); will retry")]
    private partial void LogFailedAttempt(long deliveryId, Uri url, int attempt, int? statusCode, string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {DeliveryId} to {Url} abandoned after {Attempts} attempts")]
    private partial void LogAbandoned(long deliveryId, Uri url, int attempts);
}
