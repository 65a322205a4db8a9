namespace Switchboard.Grains.Conversations;

/// <summary>
/// The customer-service window: free-form messages may go out while it is open.
/// <paramref name="LastInboundAt"/> is the latest customer message time (its provider timestamp,
/// capped at when we received it); <paramref name="ExpiresAt"/> is that plus the channel's window.
/// <paramref name="CloseAnnounced"/> is set once the close was told to the agents, so the
/// "window-close" timer stops being wanted until the customer writes again.
/// </summary>
public sealed record ServiceWindow(DateTimeOffset? LastInboundAt = null, DateTimeOffset? ExpiresAt = null, bool CloseAnnounced = false)
{
    /// <summary>A conversation the customer never wrote in: only templates may be sent.</summary>
    public static ServiceWindow Never { get; } = new();

    /// <summary>Open strictly before <see cref="ExpiresAt"/>: at exactly 24 h it is closed.</summary>
    public bool IsOpenAt(DateTimeOffset now) => ExpiresAt is { } expiresAt && now < expiresAt;
}
