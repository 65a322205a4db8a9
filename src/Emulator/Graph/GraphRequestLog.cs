using Microsoft.Extensions.Options;
using Switchboard.Emulator.Control;
using Switchboard.Emulator.History;

namespace Switchboard.Emulator.Graph;

/// <summary>One Graph API request as the emulator received it, for assertions in tests.</summary>
public sealed record GraphRequestRecord(
    long Sequence,
    DateTimeOffset ReceivedAt,
    string Method,
    string Path,
    string Query,
    string? ObjectId,
    string? ContentType,
    string? Body,
    int StatusCode);

/// <summary>Every Graph API request received, in order (<c>GET /_emulator/requests</c>).</summary>
public sealed class GraphRequestLog(IOptions<HistoryOptions> options) : IResettable
{
    private readonly BoundedHistory<GraphRequestRecord> _records = new(options.Value.MaxRequests);
    private long _sequence;

    public long NextSequence() => Interlocked.Increment(ref _sequence);

    public void Add(GraphRequestRecord record) => _records.Add(record);

    public IReadOnlyList<GraphRequestRecord> Snapshot() => _records.Snapshot();

    public void Reset() => _records.Clear();
}
