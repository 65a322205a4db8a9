using System.Collections.Concurrent;
using Switchboard.Emulator.Faults;
using Switchboard.Emulator.History;
using Switchboard.Emulator.Messages;

namespace Switchboard.Emulator.Numbers;

/// <summary>
/// A registered business phone number and everything Meta keeps per number: its limits, its customer
/// service windows and what it sent. Settings and faults are immutable records swapped atomically, so
/// a send in flight sees one consistent version of them.
/// </summary>
public sealed class BusinessNumber
{
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, TokenBucket> _pairBuckets = new();
    private NumberSettings _settings;
    private FaultSettings _faults = FaultSettings.None;
    private TokenBucket _throughput;
    private long _lastOutboundSequence;

    public BusinessNumber(NumberSettings settings, int historyCapacity, TimeProvider time)
    {
        _time = time;
        _settings = settings;
        _throughput = NewThroughputBucket(settings);
        Outbox = new BoundedHistory<OutboundMessage>(historyCapacity);
    }

    public string PhoneNumberId => Settings.PhoneNumberId;
    public NumberSettings Settings => Volatile.Read(ref _settings);
    public FaultSettings Faults => Volatile.Read(ref _faults);
    public CustomerServiceWindows Windows { get; } = new();
    public BoundedHistory<OutboundMessage> Outbox { get; }

    public void Apply(NumberSettings settings)
    {
        var previous = Interlocked.Exchange(ref _settings, settings);
        if (previous.ThroughputPerSecond != settings.ThroughputPerSecond)
        {
            Volatile.Write(ref _throughput, NewThroughputBucket(settings));
        }
        if (previous.PairRateBurst != settings.PairRateBurst)
        {
            _pairBuckets.Clear();
        }
    }

    public void Apply(FaultSettings faults) => Volatile.Write(ref _faults, faults);

    /// <summary>Takes one message from the number's throughput (spec §6: 130429 when empty).</summary>
    public bool TryTakeThroughput() => Volatile.Read(ref _throughput).TryTake();

    /// <summary>Takes one message from the recipient's pair-rate bucket: one per 6 s with a burst (spec §6: 131056 when empty).</summary>
    public bool TryTakePairRate(string waId)
    {
        var burst = Settings.PairRateBurst;
        return burst == 0 || _pairBuckets.GetOrAdd(waId, _ => new TokenBucket(burst, 1.0 / 6, _time)).TryTake();
    }

    public long NextOutboundSequence() => Interlocked.Increment(ref _lastOutboundSequence);

    private TokenBucket NewThroughputBucket(NumberSettings settings) =>
        new(settings.ThroughputPerSecond, settings.ThroughputPerSecond, _time);
}
