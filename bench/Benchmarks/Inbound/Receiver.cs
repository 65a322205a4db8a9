using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Switchboard.Testing;

namespace Switchboard.Benchmarks.Inbound;

/// <summary>
/// The agent's screen: bench/inbound/receiver.mjs (the official SignalR JavaScript client in
/// Node) connected to one hub. Every <c>messageCreated</c> it prints is matched to its run and
/// sequence by the stamp in the text; the first arrival of each counts, repeats are counted apart.
/// </summary>
public sealed class Receiver : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentDictionary<int, Arrivals> runs = new();
    private readonly BlockingCollection<string> replies = [];

    private Receiver(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) =>
        {
            if (!string.IsNullOrWhiteSpace(e.Data))
            {
                Console.Error.WriteLine($"    receiver: {e.Data}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Receive time (Node) − send time (.NET) of a message sent and printed at once; should be well under 1 ms.</summary>
    public double ClockOffsetMs { get; private set; }

    public static async Task<Receiver> ConnectAsync(Uri hub, string? cookie)
    {
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.Combine(TestEnvironment.RepositoryRoot, "bench", "inbound"),
        };
        start.ArgumentList.Add("receiver.mjs");
        start.ArgumentList.Add(hub.ToString());
        start.ArgumentList.Add(cookie ?? "-");
        var receiver = new Receiver(Process.Start(start) ?? throw new InvalidOperationException("Could not start node."));
        var first = receiver.Reply(TimeSpan.FromSeconds(30));
        if (!first.StartsWith("connected", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The receiver could not connect to {hub}: {first}");
        }

        await receiver.MeasureClockAsync();
        return receiver;
    }

    /// <summary>Joins the product's conversation groups so each message arrives as <c>messageCreated</c>.</summary>
    public async Task WatchAsync(IReadOnlyList<string> conversationIds)
    {
        await process.StandardInput.WriteLineAsync("watch " + string.Join(' ', conversationIds));
        var reply = Reply(TimeSpan.FromSeconds(60)).Split('\t');
        if (reply[0] != "watched" || reply[2] != "0")
        {
            throw new InvalidOperationException($"Watching {conversationIds.Count} conversations failed: {string.Join(' ', reply)}");
        }
    }

    public Arrivals Of(int run) => runs.GetOrAdd(run, _ => new Arrivals());

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private async Task MeasureClockAsync()
    {
        var offsets = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var sent = MessageStamp.UnixMsNow();
            await process.StandardInput.WriteLineAsync("clock");
            var answered = double.Parse(Reply(TimeSpan.FromSeconds(5)).Split('\t')[1], CultureInfo.InvariantCulture);
            var back = MessageStamp.UnixMsNow();
            offsets.Add(answered - (sent + back) / 2);
        }

        ClockOffsetMs = offsets.Order().ElementAt(offsets.Count / 2);
    }

    private string Reply(TimeSpan timeout) =>
        replies.TryTake(out var line, timeout) ? line : throw new TimeoutException("The receiver did not answer.");

    private void OnLine(string? line)
    {
        if (string.IsNullOrEmpty(line))
        {
            return;
        }

        var span = line.AsSpan();
        if (span.Length > 2 && (span[0] == 'm' || span[0] == 'u') && span[1] == '\t')
        {
            var rest = span[2..];
            var tab = rest.IndexOf('\t');
            if (tab > 0
                && double.TryParse(rest[..tab], NumberStyles.Float, CultureInfo.InvariantCulture, out var at)
                && MessageStamp.TryParse(rest[(tab + 1)..], out var stamp))
            {
                if (span[0] == 'm')
                {
                    Of(stamp.Run).Arrived(stamp.Sequence, at - stamp.SentAtUnixMs);
                }
                else
                {
                    Of(stamp.Run).Snapshot();
                }
            }

            return;
        }

        replies.Add(line);
    }

    /// <summary>What arrived of one run: the latency of each sequence's first arrival.</summary>
    public sealed class Arrivals
    {
        private readonly ConcurrentDictionary<int, double> first = new();
        private int repeats;
        private int snapshots;

        public int Count => first.Count;

        public int Repeats => Volatile.Read(ref repeats);

        /// <summary><c>conversationUpdated</c> pushes whose last message was of this run (coalesced, so fewer than messages).</summary>
        public int Snapshots => Volatile.Read(ref snapshots);

        public bool TryGet(int sequence, out double latencyMs) => first.TryGetValue(sequence, out latencyMs);

        internal void Arrived(int sequence, double latencyMs)
        {
            if (!first.TryAdd(sequence, latencyMs))
            {
                Interlocked.Increment(ref repeats);
            }
        }

        internal void Snapshot() => Interlocked.Increment(ref snapshots);
    }
}
