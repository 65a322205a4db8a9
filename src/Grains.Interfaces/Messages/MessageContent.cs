using System.Text.Json.Serialization;

namespace Switchboard.Grains.Messages;

/// <summary>
/// What a message says, independent of the channel that carries it. The JSON
/// discriminator <c>type</c> matches the WhatsApp message type names, which is
/// also what the Api accepts and the console renders.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(TextContent), "text")]
[JsonDerivedType(typeof(ImageContent), "image")]
[JsonDerivedType(typeof(VideoContent), "video")]
[JsonDerivedType(typeof(AudioContent), "audio")]
[JsonDerivedType(typeof(DocumentContent), "document")]
[JsonDerivedType(typeof(StickerContent), "sticker")]
[JsonDerivedType(typeof(LocationContent), "location")]
[JsonDerivedType(typeof(ContactsContent), "contacts")]
[JsonDerivedType(typeof(InteractiveButtonsContent), "interactive_buttons")]
[JsonDerivedType(typeof(InteractiveListContent), "interactive_list")]
[JsonDerivedType(typeof(InteractiveReplyContent), "interactive_reply")]
[JsonDerivedType(typeof(TemplateButtonReplyContent), "button")]
[JsonDerivedType(typeof(ReactionContent), "reaction")]
[JsonDerivedType(typeof(TemplateContent), "template")]
[JsonDerivedType(typeof(SystemContent), "system")]
[JsonDerivedType(typeof(UnsupportedContent), "unsupported")]
public abstract record MessageContent
{
    /// <summary>A short plain-text rendering for chat lists, search and notifications.</summary>
    public abstract string Preview { get; }
}

public sealed record TextContent(string Body, bool PreviewUrl = false) : MessageContent
{
    public override string Preview => Body;
}

/// <summary>Media carried by a message, in our store (<see cref="MediaId"/>) and/or at the provider.</summary>
public sealed record MediaRef(
    string? MediaId = null,
    string? ProviderMediaId = null,
    string? Link = null,
    string? MimeType = null,
    long? Size = null,
    string? Sha256 = null,
    string? Filename = null);

public abstract record MediaContent(MediaRef Media) : MessageContent
{
    public abstract MediaKind Kind { get; }
}

public sealed record ImageContent(MediaRef Media, string? Caption = null) : MediaContent(Media)
{
    public override MediaKind Kind => MediaKind.Image;
    public override string Preview => string.IsNullOrEmpty(Caption) ? "📷 Photo" : $"📷 {Caption}";
}

public sealed record VideoContent(MediaRef Media, string? Caption = null) : MediaContent(Media)
{
    public override MediaKind Kind => MediaKind.Video;
    public override string Preview => string.IsNullOrEmpty(Caption) ? "🎥 Video" : $"🎥 {Caption}";
}

public sealed record AudioContent(MediaRef Media, bool Voice = false) : MediaContent(Media)
{
    public override MediaKind Kind => MediaKind.Audio;
    public override string Preview => Voice ? "🎤 Voice message" : "🎵 Audio";
}

public sealed record DocumentContent(MediaRef Media, string? Caption = null, string? Filename = null) : MediaContent(Media)
{
    public override MediaKind Kind => MediaKind.Document;
    public override string Preview => $"📄 {Filename ?? Media.Filename ?? "Document"}";
}

public sealed record StickerContent(MediaRef Media, bool Animated = false) : MediaContent(Media)
{
    public override MediaKind Kind => MediaKind.Sticker;
    public override string Preview => "Sticker";
}

public sealed record LocationContent(double Latitude, double Longitude, string? Name = null, string? Address = null, string? Url = null) : MessageContent
{
    public override string Preview => $"📍 {Name ?? Address ?? $"{Latitude:0.#####}, {Longitude:0.#####}"}";
}

public sealed record ContactsContent(IReadOnlyList<ContactCard> Contacts) : MessageContent
{
    public override string Preview => Contacts.Count == 1 ? $"👤 {Contacts[0].Name.FormattedName}" : $"👤 {Contacts.Count} contacts";
}

/// <summary>Up to three reply buttons under a body text.</summary>
public sealed record InteractiveButtonsContent(
    string Body,
    IReadOnlyList<ReplyButton> Buttons,
    string? Header = null,
    string? Footer = null) : MessageContent
{
    public override string Preview => Body;
}

/// <summary>A list picker: one button opens up to ten rows in sections.</summary>
public sealed record InteractiveListContent(
    string Body,
    string ButtonText,
    IReadOnlyList<ListSection> Sections,
    string? Header = null,
    string? Footer = null) : MessageContent
{
    public override string Preview => Body;
}

/// <summary>The customer tapped a reply button (<c>button_reply</c>) or picked a list row (<c>list_reply</c>).</summary>
public sealed record InteractiveReplyContent(string ReplyType, string Id, string Title, string? Description = null) : MessageContent
{
    public override string Preview => Title;
}

/// <summary>The customer tapped a quick-reply button of a template.</summary>
public sealed record TemplateButtonReplyContent(string Payload, string Text) : MessageContent
{
    public override string Preview => Text;
}

/// <summary>
/// A reaction to another message; <paramref name="Emoji"/> null or empty removes it.
/// <paramref name="TargetMessageId"/> is our message id when sending, the provider id when received.
/// </summary>
public sealed record ReactionContent(string TargetMessageId, string? Emoji) : MessageContent
{
    public override string Preview => string.IsNullOrEmpty(Emoji) ? "Reaction removed" : $"Reacted {Emoji}";
}

public sealed record TemplateContent(
    string Name,
    string Language,
    TemplateParameters Parameters,
    string? RenderedBody = null) : MessageContent
{
    public override string Preview => RenderedBody ?? $"Template {Name}";
}

/// <summary>
/// A system line: from the provider (a customer changed number) or from us
/// (window closed, transfer). Never shown to the customer.
/// </summary>
public sealed record SystemContent(string Body, string? SystemType = null, string? NewWaId = null) : MessageContent
{
    public override string Preview => Body;
}

/// <summary>A message type the provider could not give us (polls, edits…): stored and shown, never dropped.</summary>
public sealed record UnsupportedContent(string? OriginalType, IReadOnlyList<ProviderError>? Errors = null) : MessageContent
{
    public override string Preview => "Unsupported message";
}
