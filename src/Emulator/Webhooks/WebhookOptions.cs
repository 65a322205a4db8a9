using System.ComponentModel.DataAnnotations;

namespace Switchboard.Emulator.Webhooks;

/// <summary>Webhook sender settings (<c>Emulator:Webhooks</c>).</summary>
public sealed class WebhookOptions
{
    /// <summary>
    /// Delays before each retry after a non-200 answer. Meta retries "immediately, then with decreasing
    /// frequency" for 7 days (spec §3.3); the default compresses that into about ten minutes.
    /// Leave unset for the default; the configuration binder would append to a pre-filled array.
    /// </summary>
    public int[]? RetryDelaysMs { get; set; }

    public IReadOnlyList<TimeSpan> RetryDelays =>
        [.. (RetryDelaysMs is { Length: > 0 } configured ? configured : DefaultRetryDelaysMs).Select(ms => TimeSpan.FromMilliseconds(ms))];

    public static readonly int[] DefaultRetryDelaysMs = [0, 1_000, 5_000, 15_000, 60_000, 180_000, 600_000];

    /// <summary>How long one POST may take before it counts as a failed attempt.</summary>
    [Range(100, 600_000)]
    public int TimeoutMs { get; set; } = 10_000;

    /// <summary>POSTs in flight at once: Meta delivers concurrently (spec §3.3).</summary>
    [Range(1, 1024)]
    public int Concurrency { get; set; } = 32;

    /// <summary>How long <c>?wait=true</c> on a customer message waits for the acknowledgement.</summary>
    [Range(0, 600_000)]
    public int WaitTimeoutMs { get; set; } = 15_000;
}
