namespace Switchboard.Grains.Messages;

public sealed record ReplyButton(string Id, string Title);

public sealed record ListSection(string? Title, IReadOnlyList<ListRow> Rows);

public sealed record ListRow(string Id, string Title, string? Description = null);
