using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Switchboard.Emulator.Control;
using Switchboard.Emulator.Graph;
using Switchboard.Emulator.Numbers;

namespace Switchboard.Emulator.Webhooks;

/// <summary>
/// Turns status objects into signed webhooks for a number: one POST each, or — with the number's
/// <c>statusBatchWindowMs</c> chaos knob — everything due within the window in one POST (at most 1000
/// updates per POST, spec §3.3).
/// </summary>
public sealed class StatusPublisher(WebhookDispatcher dispatcher, ResetGeneration generation, TimeProvider time) : IResettable
{
    private const int MaxUpdatesPerPost = 1000;

    private readonly ConcurrentDictionary<string, PendingBatch> _batches = new(StringComparer.Ordinal);

    /// <param name="duplicate">Send the same bytes twice (Meta's at-least-once delivery).</param>
    public void Publish(BusinessNumber number, JsonObject status, bool duplicate)
    {
        var window = number.Faults.StatusBatchWindowMs;
        if (window <= 0)
        {
            Send(number, [status], duplicate);
            return;
        }
        var batch = _batches.GetOrAdd(number.PhoneNumberId, _ => new PendingBatch());
        bool startTimer;
        lock (batch.Gate)
        {
            batch.Items.Add((status, duplicate));
            startTimer = !batch.FlushScheduled;
            batch.FlushScheduled = true;
        }
        if (startTimer)
        {
            _ = FlushLaterAsync(number, batch, TimeSpan.FromMilliseconds(window), generation.Token);
        }
    }

    private async Task FlushLaterAsync(BusinessNumber number, PendingBatch batch, TimeSpan window, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(window, time, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        List<(JsonObject Status, bool Duplicate)> items;
        lock (batch.Gate)
        {
            items = [.. batch.Items];
            batch.Items.Clear();
            batch.FlushScheduled = false;
        }
        foreach (var chunk in items.Chunk(MaxUpdatesPerPost))
        {
            Send(number, [.. chunk.Select(i => i.Status)], chunk.Any(i => i.Duplicate));
        }
    }

    private void Send(BusinessNumber number, IReadOnlyList<JsonObject> statuses, bool duplicate)
    {
        var settings = number.Settings;
        var body = GraphJson.ToWebhookBytes(WebhookPayloads.Statuses(settings, statuses));
        var delivery = dispatcher.Send(number.PhoneNumberId, WebhookKind.Statuses, new WebhookTarget(settings.WebhookUrl, settings.AppSecret), body);
        if (duplicate)
        {
            dispatcher.SendAgain(delivery);
        }
    }

    public void Reset() => _batches.Clear();

    private sealed class PendingBatch
    {
        public Lock Gate { get; } = new();
        public List<(JsonObject Status, bool Duplicate)> Items { get; } = [];
        public bool FlushScheduled { get; set; }
    }
}
