namespace Switchboard.Channels.WhatsApp.Webhooks;

/// <summary>The (pre-v24, or free-entry-point) conversation a status belongs to.</summary>
public sealed record StatusConversation(string? Id, DateTimeOffset? ExpiresAt, string? OriginType);
