using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Switchboard.Emulator.Graph;

/// <summary>
/// What the emulator knows about one Graph API request: its trace ids (echoed in headers and in error
/// bodies, like Meta's <c>fbtrace_id</c>) and the request body, read once by <see cref="GraphRequestMiddleware"/>
/// so that the request log and the endpoint see the same bytes.
/// </summary>
public sealed partial class GraphCall
{
    private const string ItemKey = "Switchboard.Emulator.GraphCall";

    public GraphCall(string version)
    {
        Version = version;
        TraceId = RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", 23);
        RequestId = RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", 23);
    }

    public string Version { get; }
    public string TraceId { get; }
    public string RequestId { get; }
    public byte[] Body { get; set; } = [];

    /// <summary>The Graph version prefix rule of spec §0: any <c>v\d+\.\d+</c>.</summary>
    [GeneratedRegex(@"^/(v\d+\.\d+)(/|$)")]
    public static partial Regex VersionPrefix();

    public static GraphCall From(HttpContext context) =>
        context.Items.TryGetValue(ItemKey, out var call) && call is GraphCall graphCall
            ? graphCall
            : throw new InvalidOperationException("Graph routes run behind GraphRequestMiddleware.");

    public static void Attach(HttpContext context, GraphCall call) => context.Items[ItemKey] = call;
}
