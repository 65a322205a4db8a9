namespace Switchboard.Channels.WhatsApp.Webhooks;

/// <summary>
/// The <c>context</c> of an inbound message: the business message it replies to (a quoted reply, a
/// tapped button), or that it was forwarded (≤ 5 times) / frequently forwarded (&gt; 5 times).
/// </summary>
public sealed record InboundContext(
    string? ReplyToProviderMessageId = null,
    string? ReplyToFrom = null,
    bool Forwarded = false,
    bool FrequentlyForwarded = false,
    string? ReferredProductCatalogId = null,
    string? ReferredProductRetailerId = null);
