using System.Globalization;

namespace Switchboard.Benchmarks.Reporting;

/// <summary>Number formats for the printed tables: invariant culture, units that read at a glance.</summary>
public static class Format
{
    public static string Ms(double milliseconds) =>
        double.IsNaN(milliseconds) ? "–"
        : milliseconds < 10 ? milliseconds.ToString("0.00", CultureInfo.InvariantCulture) + " ms"
        : milliseconds < 100 ? milliseconds.ToString("0.0", CultureInfo.InvariantCulture) + " ms"
        : milliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";

    public static string Rate(double perSecond, string unit = "/s") =>
        double.IsNaN(perSecond) ? "–" : perSecond.ToString("#,0", CultureInfo.InvariantCulture) + " " + unit;

    public static string Ratio(double ratio) =>
        double.IsNaN(ratio) || double.IsInfinity(ratio) ? "–" : ratio.ToString("0.00", CultureInfo.InvariantCulture) + "×";

    public static string Percent(double fraction) =>
        double.IsNaN(fraction) || double.IsInfinity(fraction) ? "–" : (fraction * 100).ToString("0", CultureInfo.InvariantCulture) + " %";

    public static string Int(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    public static string Seconds(double seconds) => seconds.ToString("0.#", CultureInfo.InvariantCulture) + " s";
}
