namespace Switchboard.Inbox.Conversations;

/// <summary>A conversation as lists and detail pages show it; the latest snapshot, with its sequence.</summary>
public sealed record ConversationView(
    string Id,
    string ChannelId,
    string ChannelType,
    ContactSummary Contact,
    string Status,
    DateTimeOffset? SnoozedUntil,
    AgentSummary? Assignee,
    IReadOnlyList<string> Participants,
    IReadOnlyList<string> Labels,
    WindowView Window,
    LastMessageView? LastMessage,
    int UnreadCount,
    BotView Bot,
    long Sequence,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

public sealed record ContactSummary(string Id, string PhoneNumber, string? Name, bool OptedOut);

public sealed record AgentSummary(string Id, string? Name);

/// <summary>The customer-service window: free-form messages may go out while <see cref="Open"/>.</summary>
public sealed record WindowView(bool Open, DateTimeOffset? ExpiresAt, DateTimeOffset? LastInboundAt);

public sealed record LastMessageView(string Id, string Preview, string Direction, string Status, DateTimeOffset At);

public sealed record BotView(bool Active, string? Flow);

public sealed record ConversationPage(IReadOnlyList<ConversationView> Items, string? NextCursor);

public sealed record MessageView(
    string Id,
    string ConversationId,
    long Sequence,
    string Direction,
    string Type,
    System.Text.Json.JsonElement Content,
    string Preview,
    string Status,
    AuthorView Author,
    string? ProviderMessageId,
    string? ReplyTo,
    ErrorView? Error,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ProviderTimestamp);

public sealed record AuthorView(string Kind, string? Id, string? Name);

public sealed record ErrorView(string Code, string? Reason);

public sealed record MessagePage(IReadOnlyList<MessageView> Items, bool HasMore);

/// <summary>A contact's media messages, newest first; <c>nextCursor</c> fetches the older ones.</summary>
public sealed record ContactFilePage(IReadOnlyList<MessageView> Items, string? NextCursor);

public sealed record MessageAccepted(string Id, string Status);

public sealed record ScheduledMessageView(
    string Id,
    System.Text.Json.JsonElement Content,
    string Preview,
    DateTimeOffset SendAt,
    AuthorView Author,
    DateTimeOffset CreatedAt,
    bool HasTemplateFallback);
