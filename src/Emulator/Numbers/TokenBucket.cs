namespace Switchboard.Emulator.Numbers;

/// <summary>
/// A thread-safe token bucket on a <see cref="TimeProvider"/>'s monotonic clock. Used for both Meta limits:
/// throughput per number (capacity = one second's worth, so a client pacing at exactly the rate with some
/// jitter is never refused) and the pair rate per recipient (1 per 6 s with a burst).
/// </summary>
public sealed class TokenBucket
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly double _capacity;
    private readonly double _refillPerSecond;
    private double _tokens;
    private long _lastRefill;

    public TokenBucket(double capacity, double refillPerSecond, TimeProvider time)
    {
        _time = time;
        _capacity = capacity;
        _refillPerSecond = refillPerSecond;
        _tokens = capacity;
        _lastRefill = time.GetTimestamp();
    }

    public bool TryTake()
    {
        lock (_gate)
        {
            var now = _time.GetTimestamp();
            var elapsed = _time.GetElapsedTime(_lastRefill, now).TotalSeconds;
            _tokens = Math.Min(_capacity, _tokens + elapsed * _refillPerSecond);
            _lastRefill = now;
            if (_tokens < 1)
            {
                return false;
            }
            _tokens -= 1;
            return true;
        }
    }
}
