using System.Text.Json.Nodes;
using Switchboard.Channels.WhatsApp.Client;
using Switchboard.Channels.WhatsApp.Tests.Emulator;
using Switchboard.Channels.WhatsApp.Tests.Media;
using Switchboard.Grains.Messages;

namespace Switchboard.Channels.WhatsApp.Tests.Client;

/// <summary>Every outbound type of the message model reaches the emulator in Meta's wire shape (spec §1).</summary>
[Collection(EmulatorCollection.Name)]
public sealed class MessageSendingTests(EmulatorHost host)
{
    private sealed record Conversation(TestNumber Number, string Customer, string InboundId)
    {
        public string To => "+" + Customer;
    }

    /// <summary>A fresh number and a customer who has just written (the window is open).</summary>
    private async Task<Conversation> OpenConversationAsync()
    {
        var number = await host.RegisterNumberAsync();
        var customer = EmulatorHost.NewCustomer();
        var inbound = await host.Control.CustomerWritesAsync(number, customer);
        return new Conversation(number, customer, inbound);
    }

    private async Task<(SentMessage Sent, JsonNode Wire)> SendAsync(Conversation conversation, MessageContent content, string? replyTo = null, string? callbackData = null)
    {
        var result = await host.Client.SendAsync(conversation.Number.Credentials, new OutboundMessage(conversation.To, content, replyTo, callbackData));
        var sent = Assert.IsType<WhatsAppResult<SentMessage>.Success>(result).Value;
        return (sent, await host.Control.LastMessageRequestAsync(conversation.Number));
    }

    private async Task<string> UploadAsync(Conversation conversation, byte[] bytes, string fileName, string mimeType)
    {
        var upload = await host.Client.UploadMediaAsync(conversation.Number.Credentials, new MemoryStream(bytes), fileName, mimeType);
        return Assert.IsType<WhatsAppResult<UploadedMedia>.Success>(upload).Value.Id;
    }

    [Fact]
    public async Task A_text_with_link_preview_is_sent_as_text_with_preview_url_and_returns_the_wamid()
    {
        var conversation = await OpenConversationAsync();

        var (sent, wire) = await SendAsync(conversation, new TextContent("Our catalogue: https://example.com/c", PreviewUrl: true));

        Assert.StartsWith("wamid.", sent.MessageId, StringComparison.Ordinal);
        Assert.Equal(conversation.Customer, sent.RecipientWaId);
        Assert.Equal(conversation.To, sent.RecipientInput);
        WireJson.Equal($$$"""
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"{{{conversation.To}}}","type":"text",
             "text":{"body":"Our catalogue: https://example.com/c","preview_url":true}}
            """, wire);
    }

    [Fact]
    public async Task A_text_without_link_preview_leaves_preview_url_out()
    {
        var conversation = await OpenConversationAsync();

        var (_, wire) = await SendAsync(conversation, new TextContent("Olá! Obrigado 🙏"));

        WireJson.Equal($$$"""
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"{{{conversation.To}}}","type":"text","text":{"body":"Olá! Obrigado 🙏"}}
            """, wire);
    }

    [Fact]
    public async Task A_reply_quotes_the_customer_message_in_context_message_id()
    {
        var conversation = await OpenConversationAsync();

        var (_, wire) = await SendAsync(conversation, new TextContent("Yes, we do"), replyTo: conversation.InboundId);

        Assert.Equal(conversation.InboundId, wire["context"]?["message_id"]?.GetValue<string>());
    }

    [Fact]
    public async Task Callback_data_is_sent_as_biz_opaque_callback_data()
    {
        var conversation = await OpenConversationAsync();

        var (_, wire) = await SendAsync(conversation, new TextContent("Tracked"), callbackData: "msg_01J9ZQ4C3");

        Assert.Equal("msg_01J9ZQ4C3", wire["biz_opaque_callback_data"]?.GetValue<string>());
    }

    [Fact]
    public async Task An_image_is_sent_by_its_provider_media_id_with_its_caption()
    {
        var conversation = await OpenConversationAsync();
        var mediaId = await UploadAsync(conversation, SampleFiles.Concat(SampleFiles.Jpeg, new byte[2048]), "photo.jpg", "image/jpeg");

        var (_, wire) = await SendAsync(conversation, new ImageContent(new MediaRef(ProviderMediaId: mediaId), "Front view"));

        WireJson.Equal($$$"""
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"{{{conversation.To}}}","type":"image",
             "image":{"id":"{{{mediaId}}}","caption":"Front view"}}
            """, wire);
    }

    [Fact]
    public async Task An_image_without_a_provider_id_is_sent_by_link()
    {
        var conversation = await OpenConversationAsync();

        var (_, wire) = await SendAsync(conversation, new ImageContent(new MediaRef(MediaId: "our-store-id", Link: "https://cdn.example.com/p.jpg")));

        WireJson.Equal($$$"""
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"{{{conversation.To}}}","type":"image",
             "image":{"link":"https://cdn.example.com/p.jpg"}}
            """, wire);
    }

    [Fact]
    public async Task A_video_is_sent_by_media_id_with_its_caption()
    {
        var conversation = await OpenConversationAsync();
        var mediaId = await UploadAsync(conversation, SampleFiles.Concat(SampleFiles.Mp4, new byte[2048]), "clip.mp4", "video/mp4");

        var (_, wire) = await SendAsync(conversation, new VideoContent(new MediaRef(ProviderMediaId: mediaId), "Unboxing"));

        Assert.Equal($$$"""{"id":"{{{mediaId}}}","caption":"Unboxing"}""", wire["video"]!.ToJsonString());
        Assert.Equal("video", wire["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_voice_message_is_sent_as_audio_with_voice_true_and_no_caption()
    {
        var conversation = await OpenConversationAsync();
        var mediaId = await UploadAsync(conversation, SampleFiles.Concat(SampleFiles.OggOpus, new byte[1024]), "note.ogg", "audio/ogg");

        var (_, wire) = await SendAsync(conversation, new AudioContent(new MediaRef(ProviderMediaId: mediaId), Voice: true));

        WireJson.Equal($$$"""
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"{{{conversation.To}}}","type":"audio",
             "audio":{"id":"{{{mediaId}}}","voice":true}}
            """, wire);
    }

    [Fact]
    public async Task An_audio_file_is_sent_without_the_voice_flag()
    {
        var conversation = await OpenConversationAsync();
        var mediaId = await UploadAsync(conversation, SampleFiles.Concat(SampleFiles.Mp3WithId3, new byte[1024]), "song.mp3", "audio/mpeg");

        var (_, wire) = await SendAsync(conversation, new AudioContent(new MediaRef(ProviderMediaId: mediaId)));

        Assert.Equal($$$"""{"id":"{{{mediaId}}}"}""", wire["audio"]!.ToJsonString());
    }

    [Fact]
    public async Task A_document_is_sent_with_its_filename_and_caption()
    {
        var conversation = await OpenConversationAsync();
        var mediaId = await UploadAsync(conversation, SampleFiles.Pdf, "invoice.pdf", "application/pdf");

        var (_, wire) = await SendAsync(conversation, new DocumentContent(new MediaRef(ProviderMediaId: mediaId), "Your invoice", "invoice-0042.pdf"));

        WireJson.Equal($$$"""
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"{{{conversation.To}}}","type":"document",
             "document":{"id":"{{{mediaId}}}","caption":"Your invoice","filename":"invoice-0042.pdf"}}
            """, wire);
    }

    [Fact]
    public async Task A_sticker_is_sent_by_media_id_alone()
    {
        var conversation = await OpenConversationAsync();
        var mediaId = await UploadAsync(conversation, SampleFiles.Concat(SampleFiles.StaticWebP, new byte[1024]), "sticker.webp", "image/webp");

        var (_, wire) = await SendAsync(conversation, new StickerContent(new MediaRef(ProviderMediaId: mediaId)));

        Assert.Equal($$$"""{"id":"{{{mediaId}}}"}""", wire["sticker"]!.ToJsonString());
    }

    [Fact]
    public async Task A_location_is_sent_with_coordinates_name_and_address()
    {
        var conversation = await OpenConversationAsync();

        var (_, wire) = await SendAsync(conversation, new LocationContent(37.758056, -122.425332, "META HQ", "1 Hacker Way, Menlo Park, CA 94025"));

        WireJson.Equal($$$"""
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"{{{conversation.To}}}","type":"location",
             "location":{"latitude":37.758056,"longitude":-122.425332,"name":"META HQ","address":"1 Hacker Way, Menlo Park, CA 94025"}}
            """, wire);
    }

    [Fact]
    public async Task Contacts_are_sent_as_meta_s_contact_objects()
    {
        var conversation = await OpenConversationAsync();
        var card = new ContactCard(
            new ContactName("John Smith", "John", "Smith"),
            Phones: [new ContactPhone("+1 (650) 555-1234", "16505551234", "WORK")],
            Emails: [new ContactEmail("test@fb.com", "WORK")],
            Org: new ContactOrg("WhatsApp", "Design", "Manager"),
            Urls: [new ContactUrl("https://www.facebook.com", "WORK")],
            Addresses: [new ContactAddress("1 Hacker Way", "Menlo Park", "CA", "94025", "United States", "us", "HOME")],
            Birthday: "2012-08-18");

        var (_, wire) = await SendAsync(conversation, new ContactsContent([card]));

        WireJson.Equal($$$"""
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"{{{conversation.To}}}","type":"contacts",
             "contacts":[{
               "name":{"formatted_name":"John Smith","first_name":"John","last_name":"Smith"},
               "phones":[{"phone":"+1 (650) 555-1234","wa_id":"16505551234","type":"WORK"}],
               "emails":[{"email":"test@fb.com","type":"WORK"}],
               "org":{"company":"WhatsApp","department":"Design","title":"Manager"},
               "urls":[{"url":"https://www.facebook.com","type":"WORK"}],
               "addresses":[{"street":"1 Hacker Way","city":"Menlo Park","state":"CA","zip":"94025","country":"United States","country_code":"us","type":"HOME"}],
               "birthday":"2012-08-18"}]}
            """, wire);
    }

    [Fact]
    public async Task Reply_buttons_are_sent_as_an_interactive_button_message()
    {
        var conversation = await OpenConversationAsync();

        var (_, wire) = await SendAsync(conversation, new InteractiveButtonsContent(
            "Shall we book it?",
            [new ReplyButton("yes", "Yes"), new ReplyButton("later", "Later")],
            Header: "Booking",
            Footer: "Reply within 24 h"));

        WireJson.Equal($$$$"""
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"{{{{conversation.To}}}}","type":"interactive",
             "interactive":{"type":"button",
               "header":{"type":"text","text":"Booking"},
               "body":{"text":"Shall we book it?"},
               "footer":{"text":"Reply within 24 h"},
               "action":{"buttons":[{"type":"reply","reply":{"id":"yes","title":"Yes"}},{"type":"reply","reply":{"id":"later","title":"Later"}}]}}}
            """, wire);
    }

    [Fact]
    public async Task A_list_is_sent_as_an_interactive_list_message()
    {
        var conversation = await OpenConversationAsync();

        var (_, wire) = await SendAsync(conversation, new InteractiveListContent(
            "Pick a delivery option",
            "Options",
            [
                new ListSection("Fast", [new ListRow("express", "Express", "Next day")]),
                new ListSection("Cheap", [new ListRow("standard", "Standard"), new ListRow("pickup", "Pick-up", "From the store")]),
            ]));

        WireJson.Equal($$$$"""
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"{{{{conversation.To}}}}","type":"interactive",
             "interactive":{"type":"list",
               "body":{"text":"Pick a delivery option"},
               "action":{"button":"Options","sections":[
                 {"title":"Fast","rows":[{"id":"express","title":"Express","description":"Next day"}]},
                 {"title":"Cheap","rows":[{"id":"standard","title":"Standard"},{"id":"pickup","title":"Pick-up","description":"From the store"}]}]}}}
            """, wire);
    }

    [Fact]
    public async Task A_reaction_names_the_provider_wamid_of_its_target()
    {
        var conversation = await OpenConversationAsync();

        var (_, wire) = await SendAsync(conversation, new ReactionContent(conversation.InboundId, "👍"));

        WireJson.Equal($$$"""
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"{{{conversation.To}}}","type":"reaction",
             "reaction":{"message_id":"{{{conversation.InboundId}}}","emoji":"👍"}}
            """, wire);
    }

    [Fact]
    public async Task Removing_a_reaction_sends_an_empty_emoji_and_never_a_context()
    {
        var conversation = await OpenConversationAsync();

        var (_, wire) = await SendAsync(conversation, new ReactionContent(conversation.InboundId, null), replyTo: conversation.InboundId);

        Assert.Equal("", wire["reaction"]!["emoji"]!.GetValue<string>());
        Assert.Null(wire["context"]);
    }

    [Fact]
    public async Task A_template_maps_header_body_and_button_values_to_meta_s_components()
    {
        var conversation = await OpenConversationAsync();
        await host.Control.SeedTemplateAsync(conversation.Number, SeededTemplates.OrderUpdate);
        var parameters = new TemplateParameters(
            Body: ["Ana", "A-1042"],
            Header: new TemplateHeaderParameter(Text: "A-1042"),
            Buttons: [new TemplateButtonParameter(0, "quick_reply", "STOP_PROMOS"), new TemplateButtonParameter(1, "url", "A-1042")]);

        var (sent, wire) = await SendAsync(conversation, new TemplateContent("order_update", "en_US", parameters));

        Assert.Equal("accepted", sent.MessageStatus);
        WireJson.Equal($$$"""
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"{{{conversation.To}}}","type":"template",
             "template":{"name":"order_update","language":{"code":"en_US"},"components":[
               {"type":"header","parameters":[{"type":"text","text":"A-1042"}]},
               {"type":"body","parameters":[{"type":"text","text":"Ana"},{"type":"text","text":"A-1042"}]},
               {"type":"button","sub_type":"quick_reply","index":"0","parameters":[{"type":"payload","payload":"STOP_PROMOS"}]},
               {"type":"button","sub_type":"url","index":"1","parameters":[{"type":"text","text":"A-1042"}]}]}}
            """, wire);
    }

    [Fact]
    public async Task A_template_with_an_image_header_sends_the_media_as_the_header_parameter()
    {
        var conversation = await OpenConversationAsync();
        await host.Control.SeedTemplateAsync(conversation.Number, SeededTemplates.Promo);

        var (_, wire) = await SendAsync(conversation, new TemplateContent("summer_promo", "en_US", new TemplateParameters(
            Body: ["20%"],
            Header: new TemplateHeaderParameter(MediaKind: MediaKind.Image, Media: new MediaRef(Link: "https://cdn.example.com/summer.jpg")))));

        WireJson.Equal("""
            [{"type":"header","parameters":[{"type":"image","image":{"link":"https://cdn.example.com/summer.jpg"}}]},
             {"type":"body","parameters":[{"type":"text","text":"20%"}]}]
            """, wire["template"]!["components"]!);
    }

    [Fact]
    public async Task A_template_without_variables_is_sent_without_components()
    {
        var conversation = await OpenConversationAsync();
        await host.Control.SeedTemplateAsync(conversation.Number, SeededTemplates.HelloWorld);

        var (_, wire) = await SendAsync(conversation, new TemplateContent("hello_world", "en_US", TemplateParameters.None));

        WireJson.Equal("""{"name":"hello_world","language":{"code":"en_US"}}""", wire["template"]!);
    }

    [Fact]
    public async Task Marking_a_message_read_sends_status_read_with_its_id()
    {
        var conversation = await OpenConversationAsync();

        var result = await host.Client.MarkReadAsync(conversation.Number.Credentials, conversation.InboundId);

        Assert.IsType<WhatsAppResult<Acknowledged>.Success>(result);
        WireJson.Equal($$$"""{"messaging_product":"whatsapp","status":"read","message_id":"{{{conversation.InboundId}}}"}""", await host.Control.LastMessageRequestAsync(conversation.Number));
    }

    [Fact]
    public async Task Marking_read_with_the_typing_indicator_adds_typing_indicator_text()
    {
        var conversation = await OpenConversationAsync();

        var result = await host.Client.MarkReadAsync(conversation.Number.Credentials, conversation.InboundId, showTypingIndicator: true);

        Assert.IsType<WhatsAppResult<Acknowledged>.Success>(result);
        Assert.Equal("""{"type":"text"}""", (await host.Control.LastMessageRequestAsync(conversation.Number))["typing_indicator"]!.ToJsonString());
    }

    [Fact]
    public async Task Every_send_carries_the_number_s_bearer_token_to_its_version_path()
    {
        var conversation = await OpenConversationAsync();

        await SendAsync(conversation, new TextContent("hi"));

        var request = (await host.Control.RequestsAsync(conversation.Number.PhoneNumberId, "POST", "/messages", atLeast: 1))[0];
        Assert.Equal($"/v21.0/{conversation.Number.PhoneNumberId}/messages", request["path"]!.GetValue<string>());
        Assert.StartsWith("application/json", request["contentType"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(200, request["statusCode"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_send_is_plain_json_with_a_content_length_and_the_bearer_token()
    {
        var conversation = await OpenConversationAsync();
        var (client, recorder) = host.RecordingClient();

        Assert.True((await client.SendAsync(conversation.Number.Credentials, new OutboundMessage(conversation.To, new TextContent("Olá")))).IsSuccess);

        var request = Assert.Single(recorder.Requests);
        Assert.Equal("application/json", request.ContentType);
        Assert.Equal(request.Body.Length, request.ContentLength);
        Assert.Equal($"Bearer {conversation.Number.AccessToken}", request.Authorization);
        Assert.StartsWith($$$"""{"messaging_product":"whatsapp","recipient_type":"individual","to":"{{{conversation.To}}}","type":"text",""", System.Text.Encoding.UTF8.GetString(request.Body), StringComparison.Ordinal);
    }
}
