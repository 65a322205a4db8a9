using System.Globalization;

namespace Switchboard.Benchmarks.Inbound;

/// <summary>
/// The text of every benchmark message: <c>b{run}:{seq}:{send time, Unix ms}</c>. The receiver
/// reads it back from the agent's screen, so a message's latency needs no lookup table.
/// </summary>
public readonly record struct MessageStamp(int Run, int Sequence, double SentAtUnixMs)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"b{Run}:{Sequence}:{SentAtUnixMs:F3}");

    public static bool TryParse(ReadOnlySpan<char> text, out MessageStamp stamp)
    {
        stamp = default;
        if (text.Length < 2 || text[0] != 'b')
        {
            return false;
        }

        text = text[1..];
        var first = text.IndexOf(':');
        if (first < 0 || !int.TryParse(text[..first], NumberStyles.None, CultureInfo.InvariantCulture, out var run))
        {
            return false;
        }

        text = text[(first + 1)..];
        var second = text.IndexOf(':');
        if (second < 0
            || !int.TryParse(text[..second], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            || !double.TryParse(text[(second + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var sentAt))
        {
            return false;
        }

        stamp = new MessageStamp(run, sequence, sentAt);
        return true;
    }

    public static double UnixMsNow() => (DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds;
}
