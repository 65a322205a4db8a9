using System.Globalization;
using Switchboard.Grains.Messages;

namespace Switchboard.Channels.WhatsApp.Client.Wire;

/// <summary>
/// Maps the product's message model onto Meta's send shapes (spec §1.2–1.9). A message that cannot be
/// expressed (media with neither provider id nor link, an inbound-only type) yields a problem text
/// instead of a request, so nothing half-formed reaches the provider.
/// </summary>
internal static class OutboundMessageMapper
{
    public static (SendMessageRequest? Request, string? Problem) Map(OutboundMessage message)
    {
        var (request, problem) = MapContent(message.To, message.Content);
        if (request is null)
        {
            return (null, problem);
        }

        return (request with
        {
            // Meta refuses a quoted reaction; a reaction already names its target.
            Context = message.ReplyToProviderMessageId is { Length: > 0 } replyTo && message.Content is not ReactionContent ? new WireContext(replyTo) : null,
            BizOpaqueCallbackData = message.CallbackData,
        }, null);
    }

    private static (SendMessageRequest? Request, string? Problem) MapContent(string to, MessageContent content)
    {
        switch (content)
        {
            case TextContent text:
                return (new SendMessageRequest(to, "text") { Text = new WireText(text.Body, text.PreviewUrl ? true : null) }, null);

            case ImageContent image:
                return WithMedia(image.Media, "image", media => new SendMessageRequest(to, "image") { Image = media with { Caption = image.Caption } });

            case VideoContent video:
                return WithMedia(video.Media, "video", media => new SendMessageRequest(to, "video") { Video = media with { Caption = video.Caption } });

            case AudioContent audio:
                // Captions are not allowed on audio; voice=true asks for a voice message (OGG/Opus).
                return WithMedia(audio.Media, "audio", media => new SendMessageRequest(to, "audio") { Audio = media with { Voice = audio.Voice ? true : null } });

            case DocumentContent document:
                return WithMedia(document.Media, "document", media => new SendMessageRequest(to, "document")
                {
                    Document = media with { Caption = document.Caption, Filename = document.Filename ?? document.Media.Filename },
                });

            case StickerContent sticker:
                return WithMedia(sticker.Media, "sticker", media => new SendMessageRequest(to, "sticker") { Sticker = media });

            case LocationContent location:
                return (new SendMessageRequest(to, "location") { Location = new WireLocation(location.Latitude, location.Longitude, location.Name, location.Address) }, null);

            case ContactsContent contacts when contacts.Contacts.Count is >= 1 and <= 5:
                return (new SendMessageRequest(to, "contacts") { Contacts = contacts.Contacts.Select(MapContact).ToList() }, null);

            case ContactsContent:
                return (null, "A contacts message carries 1 to 5 contacts.");

            case InteractiveButtonsContent buttons:
                return (new SendMessageRequest(to, "interactive")
                {
                    Interactive = new WireInteractive(
                        "button",
                        buttons.Header is { Length: > 0 } header ? new WireInteractiveHeader("text", header) : null,
                        new WireBodyText(buttons.Body),
                        buttons.Footer is { Length: > 0 } footer ? new WireBodyText(footer) : null,
                        new WireInteractiveAction { Buttons = buttons.Buttons.Select(b => new WireReplyButton(new WireReply(b.Id, b.Title))).ToList() }),
                }, null);

            case InteractiveListContent list:
                return (new SendMessageRequest(to, "interactive")
                {
                    Interactive = new WireInteractive(
                        "list",
                        list.Header is { Length: > 0 } listHeader ? new WireInteractiveHeader("text", listHeader) : null,
                        new WireBodyText(list.Body),
                        list.Footer is { Length: > 0 } listFooter ? new WireBodyText(listFooter) : null,
                        new WireInteractiveAction
                        {
                            Button = list.ButtonText,
                            Sections = list.Sections.Select(s => new WireListSection(s.Title, s.Rows.Select(r => new WireListRow(r.Id, r.Title, r.Description)).ToList())).ToList(),
                        }),
                }, null);

            case ReactionContent reaction when !string.IsNullOrEmpty(reaction.TargetMessageId):
                // An empty emoji removes a reaction sent before.
                return (new SendMessageRequest(to, "reaction") { Reaction = new WireReaction(reaction.TargetMessageId, reaction.Emoji ?? "") }, null);

            case ReactionContent:
                return (null, "A reaction needs the provider message id of its target.");

            case TemplateContent template:
                return MapTemplate(to, template);

            default:
                return (null, $"{content.GetType().Name} cannot be sent to WhatsApp; it is an inbound-only or internal type.");
        }
    }

    private static (SendMessageRequest? Request, string? Problem) WithMedia(MediaRef media, string type, Func<WireMedia, SendMessageRequest> build) =>
        ToWireMedia(media) is { } wire
            ? (build(wire), null)
            : (null, $"The {type} has neither a provider media id nor a link; upload it first.");

    // Prefer the uploaded id: a link makes Meta fetch (and cache for 10 minutes) a URL we may not control.
    private static WireMedia? ToWireMedia(MediaRef media) =>
        media.ProviderMediaId is { Length: > 0 } id ? new WireMedia(id, null)
        : media.Link is { Length: > 0 } link ? new WireMedia(null, link)
        : null;

    private static WireContact MapContact(ContactCard card) => new(
        new WireContactName(card.Name.FormattedName, card.Name.FirstName, card.Name.LastName, card.Name.MiddleName, card.Name.Prefix, card.Name.Suffix),
        card.Phones?.Select(p => new WireContactPhone(p.Phone, p.WaId, p.Type)).ToList(),
        card.Emails?.Select(e => new WireContactEmail(e.Email, e.Type)).ToList(),
        card.Org is { } org ? new WireContactOrg(org.Company, org.Department, org.Title) : null,
        card.Urls?.Select(u => new WireContactUrl(u.Url, u.Type)).ToList(),
        card.Addresses?.Select(a => new WireContactAddress(a.Street, a.City, a.State, a.Zip, a.Country, a.CountryCode, a.Type)).ToList(),
        card.Birthday);

    private static (SendMessageRequest? Request, string? Problem) MapTemplate(string to, TemplateContent template)
    {
        var components = new List<WireTemplateComponent>();
        var parameters = template.Parameters;

        if (parameters.Header is { } header)
        {
            var (headerParameter, problem) = MapHeader(header);
            if (headerParameter is null)
            {
                return (null, problem);
            }

            components.Add(new WireTemplateComponent("header", [headerParameter]));
        }

        if (parameters.Body is { Count: > 0 } body)
        {
            components.Add(new WireTemplateComponent("body", body.Select(value => new WireTemplateParameter("text") { Text = value }).ToList()));
        }

        foreach (var button in parameters.Buttons ?? [])
        {
            var subType = button.SubType.ToLowerInvariant();
            WireTemplateParameter? parameter = subType switch
            {
                "quick_reply" => new WireTemplateParameter("payload") { Payload = button.Value },
                "url" => new WireTemplateParameter("text") { Text = button.Value },
                "copy_code" => new WireTemplateParameter("coupon_code") { CouponCode = button.Value },
                _ => null,
            };
            if (parameter is null)
            {
                return (null, $"Template button {button.Index} has sub-type '{button.SubType}'; expected quick_reply, url or copy_code.");
            }

            if (button.Index is < 0 or > 9)
            {
                return (null, $"Template button index {button.Index} is outside 0–9.");
            }

            components.Add(new WireTemplateComponent("button", [parameter])
            {
                SubType = subType,
                Index = button.Index.ToString(CultureInfo.InvariantCulture),
            });
        }

        return (new SendMessageRequest(to, "template")
        {
            // Templates without variables (hello_world) are sent without components.
            Template = new WireTemplate(template.Name, new WireLanguage(template.Language), components.Count > 0 ? components : null),
        }, null);
    }

    private static (WireTemplateParameter? Parameter, string? Problem) MapHeader(TemplateHeaderParameter header)
    {
        if (header.Media is null)
        {
            return header.Text is { } text
                ? (new WireTemplateParameter("text") { Text = text }, null)
                : (null, "A template header parameter needs text or media.");
        }

        if (ToWireMedia(header.Media) is not { } media)
        {
            return (null, "The template header media has neither a provider media id nor a link; upload it first.");
        }

        return header.MediaKind switch
        {
            MediaKind.Image => (new WireTemplateParameter("image") { Image = media }, null),
            MediaKind.Video => (new WireTemplateParameter("video") { Video = media }, null),
            MediaKind.Document => (new WireTemplateParameter("document") { Document = media with { Filename = header.Media.Filename } }, null),
            _ => (null, $"A template header takes an image, video or document, not {header.MediaKind?.ToString() ?? "unspecified media"}."),
        };
    }
}
