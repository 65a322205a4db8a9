using System.Text.Json.Serialization;

namespace Switchboard.Channels.WhatsApp.Client.Wire;

// The body of POST /{version}/{phone-number-id}/messages (spec §1), serialized snake_case with
// nulls left out, so exactly one of the type-named members is present.

internal sealed record SendMessageRequest(string To, string Type)
{
    [JsonPropertyOrder(-2)]
    public string MessagingProduct => "whatsapp";

    [JsonPropertyOrder(-1)]
    public string RecipientType => "individual";

    public WireText? Text { get; init; }

    public WireMedia? Image { get; init; }

    public WireMedia? Video { get; init; }

    public WireMedia? Audio { get; init; }

    public WireMedia? Document { get; init; }

    public WireMedia? Sticker { get; init; }

    public WireLocation? Location { get; init; }

    public IReadOnlyList<WireContact>? Contacts { get; init; }

    public WireInteractive? Interactive { get; init; }

    public WireTemplate? Template { get; init; }

    public WireReaction? Reaction { get; init; }

    public WireContext? Context { get; init; }

    public string? BizOpaqueCallbackData { get; init; }
}

internal sealed record WireText(string Body, bool? PreviewUrl);

/// <summary>Exactly one of id or link.</summary>
internal sealed record WireMedia(string? Id, string? Link)
{
    public string? Caption { get; init; }

    public string? Filename { get; init; }

    public bool? Voice { get; init; }
}

internal sealed record WireLocation(double Latitude, double Longitude, string? Name, string? Address);

internal sealed record WireContact(
    WireContactName Name,
    IReadOnlyList<WireContactPhone>? Phones,
    IReadOnlyList<WireContactEmail>? Emails,
    WireContactOrg? Org,
    IReadOnlyList<WireContactUrl>? Urls,
    IReadOnlyList<WireContactAddress>? Addresses,
    string? Birthday);

internal sealed record WireContactName(string FormattedName, string? FirstName, string? LastName, string? MiddleName, string? Prefix, string? Suffix);

internal sealed record WireContactPhone(string? Phone, string? WaId, string? Type);

internal sealed record WireContactEmail(string Email, string? Type);

internal sealed record WireContactOrg(string? Company, string? Department, string? Title);

internal sealed record WireContactUrl(string Url, string? Type);

internal sealed record WireContactAddress(string? Street, string? City, string? State, string? Zip, string? Country, string? CountryCode, string? Type);

internal sealed record WireInteractive(string Type, WireInteractiveHeader? Header, WireBodyText Body, WireBodyText? Footer, WireInteractiveAction Action);

internal sealed record WireInteractiveHeader(string Type, string Text);

internal sealed record WireBodyText(string Text);

internal sealed record WireInteractiveAction
{
    public IReadOnlyList<WireReplyButton>? Buttons { get; init; }

    public string? Button { get; init; }

    public IReadOnlyList<WireListSection>? Sections { get; init; }
}

internal sealed record WireReplyButton(WireReply Reply)
{
    public string Type => "reply";
}

internal sealed record WireReply(string Id, string Title);

internal sealed record WireListSection(string? Title, IReadOnlyList<WireListRow> Rows);

internal sealed record WireListRow(string Id, string Title, string? Description);

internal sealed record WireTemplate(string Name, WireLanguage Language, IReadOnlyList<WireTemplateComponent>? Components);

internal sealed record WireLanguage(string Code);

internal sealed record WireTemplateComponent(string Type, IReadOnlyList<WireTemplateParameter> Parameters)
{
    public string? SubType { get; init; }

    /// <summary>Button position; Meta documents it as a string.</summary>
    public string? Index { get; init; }
}

internal sealed record WireTemplateParameter(string Type)
{
    public string? Text { get; init; }

    public string? Payload { get; init; }

    public string? CouponCode { get; init; }

    public WireMedia? Image { get; init; }

    public WireMedia? Video { get; init; }

    public WireMedia? Document { get; init; }
}

internal sealed record WireReaction(string MessageId, string Emoji);

internal sealed record WireContext(string MessageId);

internal sealed record MarkReadRequest(string MessageId, WireTypingIndicator? TypingIndicator)
{
    [JsonPropertyOrder(-1)]
    public string MessagingProduct => "whatsapp";

    public string Status => "read";
}

internal sealed record WireTypingIndicator(string Type);

internal sealed record CreateTemplateRequest(
    string Name,
    string Language,
    string Category,
    System.Text.Json.JsonElement Components,
    string? ParameterFormat,
    bool? AllowCategoryChange,
    int? MessageSendTtlSeconds);
