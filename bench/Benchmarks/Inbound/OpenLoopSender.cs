using System.Diagnostics;
using System.Net.Http.Headers;

namespace Switchboard.Benchmarks.Inbound;

/// <summary>What the sender did: per sequence, when it was meant to go, when it went, and the HTTP answer.</summary>
public sealed class SendLog(int total)
{
    public double[] IntendedUnixMs { get; } = new double[total];

    public double[] ActualUnixMs { get; } = new double[total];

    /// <summary>HTTP status per sequence; 0 when the request failed without one.</summary>
    public int[] Status { get; } = new int[total];

    public string? FirstError { get; set; }

    public int Total => IntendedUnixMs.Length;
}

/// <summary>
/// Sends signed webhooks at a fixed rate whatever the server does (an open loop: a slow answer
/// does not slow the next send, as Meta would not wait). Each message's text carries the time it
/// was *meant* to go, so a generator that falls behind (the CPU is shared) still charges the wait
/// to the latency instead of hiding it. Targets are taken in turn (round-robin).
/// </summary>
public sealed class OpenLoopSender(HttpClient http, WebhookBodies bodies)
{
    private const int MaxInFlight = 4_096;
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public async Task<SendLog> SendAsync(int run, double rate, TimeSpan length, IReadOnlyList<Uri> targets, IReadOnlyList<string> customers)
    {
        var total = (int)Math.Round(rate * length.TotalSeconds);
        var log = new SendLog(total);
        var inFlight = new List<Task>(MaxInFlight);
        var clock = Stopwatch.StartNew();
        var startUnixMs = MessageStamp.UnixMsNow();
        var unixSeconds = (long)(startUnixMs / 1000);

        for (var seq = 0; seq < total; seq++)
        {
            var dueMs = seq * 1000.0 / rate;
            var aheadMs = dueMs - clock.Elapsed.TotalMilliseconds;
            if (aheadMs >= 1)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(aheadMs));
            }

            if (inFlight.Count >= MaxInFlight)
            {
                inFlight.RemoveAll(t => t.IsCompleted);
                if (inFlight.Count >= MaxInFlight)
                {
                    await Task.WhenAny(inFlight);
                }
            }

            var stamp = new MessageStamp(run, seq, startUnixMs + dueMs);
            log.IntendedUnixMs[seq] = stamp.SentAtUnixMs;
            log.ActualUnixMs[seq] = startUnixMs + clock.Elapsed.TotalMilliseconds;
            var customer = customers[seq % customers.Count];
            var (body, signature) = bodies.TextMessage(customer, $"wamid.bench{run}x{seq}", stamp.ToString(), unixSeconds);
            inFlight.Add(PostAsync(targets[seq % targets.Count], body, signature, seq, log));
        }

        await Task.WhenAll(inFlight);
        return log;
    }

    private async Task PostAsync(Uri target, byte[] body, string signature, int seq, SendLog log)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = Json;
            request.Headers.TryAddWithoutValidation("X-Hub-Signature-256", signature);
            using var response = await http.SendAsync(request);
            log.Status[seq] = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode && log.FirstError is null)
            {
                log.FirstError = $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}";
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            log.Status[seq] = 0;
            log.FirstError ??= ex.GetType().Name + ": " + ex.Message;
        }
    }
}
