using System.Globalization;

namespace Switchboard.Emulator.Graph;

/// <summary>
/// Graph object ids (media, templates): decimal strings of 16 digits, unique within the process and
/// shared between kinds, so <c>GET /{version}/{id}</c> can tell a media id from a template id.
/// </summary>
public sealed class GraphIds
{
    // Start somewhere random so ids from two emulator runs rarely collide in a product's database.
    private long _last = 1_000_000_000_000_000 + Random.Shared.NextInt64(0, 8_000_000_000_000_000);

    public string Next() => Interlocked.Increment(ref _last).ToString(CultureInfo.InvariantCulture);
}
