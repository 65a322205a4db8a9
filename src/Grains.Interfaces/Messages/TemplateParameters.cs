namespace Switchboard.Grains.Messages;

/// <summary>
/// Values for a template's placeholders: the header (text, or media), the body
/// values in <c>{{1}}…</c> order, and per-button values (URL suffix or quick-reply payload) by index.
/// </summary>
public sealed record TemplateParameters(
    IReadOnlyList<string>? Body = null,
    TemplateHeaderParameter? Header = null,
    IReadOnlyList<TemplateButtonParameter>? Buttons = null)
{
    public static TemplateParameters None { get; } = new();

    public int BodyCount => Body?.Count ?? 0;
}

/// <summary>Header value: <paramref name="Text"/> for a text header, or media for an image/video/document header.</summary>
public sealed record TemplateHeaderParameter(string? Text = null, MediaKind? MediaKind = null, MediaRef? Media = null);

/// <summary>
/// A value for the button at <paramref name="Index"/>: <paramref name="SubType"/> <c>url</c> takes a URL
/// suffix, <c>quick_reply</c> a payload, <c>copy_code</c> the code.
/// </summary>
public sealed record TemplateButtonParameter(int Index, string SubType, string Value);
