using Switchboard.Grains.Messages;

namespace Switchboard.Channels.WhatsApp.Tests.Webhooks;

/// <summary>Every inbound type of spec §3.5, mapped into the product's message model.</summary>
public sealed class InboundMessageParsingTests
{
    [Fact]
    public void A_text_message_carries_its_body_sender_profile_name_id_and_timestamp()
    {
        var message = Corpus.Message("message_text.json");

        Assert.Equal(new TextContent("Does it come in another color?"), message.Content);
        Assert.Equal("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=", message.ProviderMessageId);
        Assert.Equal("16505551234", message.From);
        Assert.Equal("Sheena Nelson", message.ProfileName);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1749416383), message.Timestamp);
        Assert.Equal("text", message.ProviderType);
        Assert.Null(message.Context);
    }

    [Fact]
    public void A_message_is_routed_by_phone_number_id_and_carries_the_waba_id()
    {
        var origin = Corpus.Message("message_text.json").Origin;

        Assert.Equal("106540352242922", origin.PhoneNumberId);
        Assert.Equal("15550783881", origin.DisplayPhoneNumber);
        Assert.Equal("102290129340398", origin.WabaId);
        Assert.Equal("messages", origin.Field);
    }

    [Fact]
    public void A_quoted_reply_names_the_business_message_it_replies_to()
    {
        var context = Corpus.Message("message_text_quoted_reply.json").Context;

        Assert.NotNull(context);
        Assert.Equal("wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3MEM2RUJFNkI0RENGQTVDRjUA", context.ReplyToProviderMessageId);
        Assert.Equal("15550783881", context.ReplyToFrom);
    }

    [Fact]
    public void An_image_carries_its_media_id_url_mime_type_caption_and_hex_sha256()
    {
        var image = Assert.IsType<ImageContent>(Corpus.Message("message_image_forwarded.json").Content);

        Assert.Equal("Taj Mahal", image.Caption);
        Assert.Equal("1003383421387256", image.Media.ProviderMediaId);
        Assert.StartsWith("https://lookaside.fbsbx.com/", image.Media.Link, StringComparison.Ordinal);
        Assert.Equal("image/jpeg", image.Media.MimeType);

        // Webhooks send base64; the model keeps one form, lower-case hex.
        Assert.Equal(Convert.ToHexStringLower(Convert.FromBase64String("SfInY0gGKTsJlUWbwxC1k+FAD0FZHvzwfpvO0zX0GUI=")), image.Media.Sha256);
    }

    [Fact]
    public void A_forwarded_message_is_flagged_as_forwarded()
    {
        var context = Corpus.Message("message_image_forwarded.json").Context;

        Assert.NotNull(context);
        Assert.True(context.Forwarded);
        Assert.False(context.FrequentlyForwarded);
        Assert.Null(context.ReplyToProviderMessageId);
    }

    [Fact]
    public void A_voice_note_is_audio_flagged_as_voice()
    {
        var audio = Assert.IsType<AudioContent>(Corpus.Message("message_audio_voice.json").Content);

        Assert.True(audio.Voice);
        Assert.Equal("audio/ogg; codecs=opus", audio.Media.MimeType);
        Assert.Equal("1003383421387257", audio.Media.ProviderMediaId);
    }

    [Fact]
    public void An_audio_file_is_audio_not_flagged_as_voice_and_keeps_a_hex_sha256()
    {
        var audio = Assert.IsType<AudioContent>(Corpus.Message("message_audio.json").Content);

        Assert.False(audio.Voice);
        Assert.Equal("c86c28d437534f7367e73b283155c083dddfdaf7f9b4dfae27e140f880035141", audio.Media.Sha256);
    }

    [Fact]
    public void A_video_carries_its_media_and_caption()
    {
        var video = Assert.IsType<VideoContent>(Corpus.Message("message_video.json").Content);

        Assert.Equal("My vacation video", video.Caption);
        Assert.Equal("video/mp4", video.Media.MimeType);
        Assert.Equal("1003383421387259", video.Media.ProviderMediaId);
    }

    [Fact]
    public void A_document_carries_its_filename_and_caption()
    {
        var document = Assert.IsType<DocumentContent>(Corpus.Message("message_document.json").Content);

        Assert.Equal("receipt.pdf", document.Filename);
        Assert.Equal("receipt.pdf", document.Media.Filename);
        Assert.Equal("My receipt", document.Caption);
        Assert.Equal("application/pdf", document.Media.MimeType);
    }

    [Fact]
    public void A_sticker_says_whether_it_is_animated()
    {
        var sticker = Assert.IsType<StickerContent>(Corpus.Message("message_sticker.json").Content);

        Assert.True(sticker.Animated);
        Assert.Equal("image/webp", sticker.Media.MimeType);
    }

    [Fact]
    public void A_location_carries_coordinates_name_address_and_url() =>
        Assert.Equal(
            new LocationContent(37.44221496582, -122.16165924072, "Philz Coffee", "101 Forest Ave, Palo Alto, CA 94301", "https://philzcoffee.com/"),
            Corpus.Message("message_location.json").Content);

    [Fact]
    public void Shared_contacts_become_contact_cards_even_with_fields_missing()
    {
        var contacts = Assert.IsType<ContactsContent>(Corpus.Message("message_contacts.json").Content);

        Assert.Equal(2, contacts.Contacts.Count);
        var lucia = contacts.Contacts[0];
        Assert.Equal("Lucía Gómez", lucia.Name.FormattedName);
        Assert.Equal("Google", lucia.Org?.Company);
        Assert.Equal(new ContactPhone("+1 (983) 555-2319", "19835552319", "MOBILE"), Assert.Single(lucia.Phones!));
        Assert.Equal(new ContactEmail("lucia@example.com", "WORK"), Assert.Single(lucia.Emails!));

        // No formatted_name: the name is built from what there is.
        Assert.Equal("Ana", contacts.Contacts[1].Name.FormattedName);
    }

    [Fact]
    public void A_tapped_reply_button_becomes_an_interactive_reply_with_its_context()
    {
        var message = Corpus.Message("message_interactive_button_reply.json");

        Assert.Equal(new InteractiveReplyContent("button_reply", "cancel-button", "Cancel"), message.Content);
        Assert.Equal("wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3MEM2RUJFNkI0RENGQTVDRjUA", message.Context?.ReplyToProviderMessageId);
    }

    [Fact]
    public void A_picked_list_row_becomes_an_interactive_reply_with_its_description() =>
        Assert.Equal(
            new InteractiveReplyContent("list_reply", "priority_express", "Priority Mail Express", "Next Day to 2 Days"),
            Corpus.Message("message_interactive_list_reply.json").Content);

    [Fact]
    public void A_flow_reply_is_kept_as_unsupported_interactive_with_its_raw_json()
    {
        var message = Corpus.Message("message_interactive_flow_reply.json");

        Assert.Equal("interactive.nfm_reply", Assert.IsType<UnsupportedContent>(message.Content).OriginalType);
        Assert.Contains("response_json", message.RawJson, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tapped_template_quick_reply_becomes_a_template_button_reply() =>
        Assert.Equal(new TemplateButtonReplyContent("Unsubscribe", "Unsubscribe"), Corpus.Message("message_template_button.json").Content);

    [Fact]
    public void A_reaction_names_its_target_by_provider_id_and_its_emoji() =>
        Assert.Equal(
            new ReactionContent("wamid.HBgLMTQxMjU1NTA4MjkVAgASGBQzQUNCNjk5RDUwNUZGMUZEM0VBRAA=", "👍"),
            Corpus.Message("message_reaction.json").Content);

    [Fact]
    public void A_reaction_without_an_emoji_is_a_removal()
    {
        var reaction = Assert.IsType<ReactionContent>(Corpus.Message("message_reaction_removed.json").Content);

        Assert.Null(reaction.Emoji);
        Assert.Equal("Reaction removed", reaction.Preview);
    }

    [Fact]
    public void A_changed_number_system_message_carries_the_new_wa_id_and_has_no_profile()
    {
        var message = Corpus.Message("message_system_changed_number.json");

        Assert.Equal(new SystemContent("User Sheena Nelson changed from 16505551234 to 12195555358", "user_changed_number", "12195555358"), message.Content);
        Assert.Null(message.ProfileName);
    }

    [Fact]
    public void An_unsupported_message_keeps_the_original_type_and_meta_s_errors()
    {
        var message = Corpus.Message("message_unsupported.json");

        var content = Assert.IsType<UnsupportedContent>(message.Content);
        Assert.Equal("poll_creation", content.OriginalType);
        Assert.Equal(new ProviderError(131051, "Message type unknown", "Message type is currently not supported."), Assert.Single(content.Errors!));
        Assert.Equal(content.Errors, message.Errors);
    }

    [Fact]
    public void A_message_of_an_unknown_type_is_kept_as_unsupported_with_all_its_raw_fields()
    {
        var message = Corpus.Message("message_unknown_type.json");

        Assert.Equal("poll_vote", message.ProviderType);
        Assert.Equal("poll_vote", Assert.IsType<UnsupportedContent>(message.Content).OriginalType);
        Assert.Contains("selected_options", message.RawJson, StringComparison.Ordinal);
        Assert.Contains("brand_new_field", message.RawJson, StringComparison.Ordinal);
    }

    [Fact]
    public void An_order_is_kept_as_unsupported_with_its_raw_json()
    {
        var message = Corpus.Message("message_order.json");

        Assert.Equal("order", Assert.IsType<UnsupportedContent>(message.Content).OriginalType);
        Assert.Contains("product_items", message.RawJson, StringComparison.Ordinal);
    }

    [Fact]
    public void Media_too_large_for_meta_to_fetch_arrives_as_unsupported_with_error_131052()
    {
        var content = Assert.IsType<UnsupportedContent>(Corpus.Message("message_media_too_big.json").Content);

        Assert.Equal(131052, Assert.Single(content.Errors!).Code);
    }

    [Fact]
    public void A_message_from_a_click_to_whatsapp_ad_keeps_its_referral()
    {
        var referral = Corpus.Message("message_from_ad_referral.json").Referral;

        Assert.NotNull(referral);
        Assert.Equal("ad", referral.SourceType);
        Assert.Equal("120226305854810726", referral.SourceId);
        Assert.Equal("https://fb.me/3cr4Wqqkv", referral.SourceUrl);
        Assert.Equal("Chat with us", referral.Headline);
        Assert.StartsWith("Aff-", referral.CtwaClid, StringComparison.Ordinal);
        Assert.Contains("welcome_message", referral.RawJson, StringComparison.Ordinal);
    }

    [Fact]
    public void A_user_known_only_by_business_scoped_id_has_no_phone_but_keeps_ids_and_username()
    {
        var message = Corpus.Message("message_bsuid_username.json");

        Assert.Null(message.From);
        Assert.Equal("US.13491208655302741918", message.FromUserId);
        Assert.Equal("Kim", message.ProfileName);
        Assert.Equal("@kim.travels", message.ProfileUsername);
        Assert.Equal(new TextContent("Hello from a username user"), message.Content);
    }
}
