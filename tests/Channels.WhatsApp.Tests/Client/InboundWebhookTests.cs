using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Switchboard.Channels.WhatsApp.Client;
using Switchboard.Channels.WhatsApp.Errors;
using Switchboard.Channels.WhatsApp.Templates;
using Switchboard.Channels.WhatsApp.Tests.Emulator;
using Switchboard.Channels.WhatsApp.Tests.Media;
using Switchboard.Channels.WhatsApp.Webhooks;
using Switchboard.Grains.Messages;

namespace Switchboard.Channels.WhatsApp.Tests.Client;

/// <summary>
/// The loop the Api runs: the emulator signs and posts a webhook; the signature checks out with the
/// number's app secret; the parser reads it; inbound media downloads through the client.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class InboundWebhookTests(EmulatorHost host)
{
    private async Task<WebhookNotification> WebhookContainingAsync(TestNumber number, string wamid, string what)
    {
        var webhook = await host.WebhookAsync(w => w.Text.Contains(wamid, StringComparison.Ordinal) && w.Text.Contains(what, StringComparison.Ordinal), $"a webhook with {what} of {wamid}");
        Assert.Equal(SignatureCheck.Valid, WebhookSignature.Verify(webhook.Body, webhook.Signature, number.AppSecret));
        return Assert.IsType<WebhookParseResult.Parsed>(WebhookParser.Parse(webhook.Body)).Notification;
    }

    [Fact]
    public async Task A_customer_text_arrives_signed_and_parses_into_the_message_model()
    {
        var number = await host.RegisterNumberAsync();
        var customer = EmulatorHost.NewCustomer();

        var wamid = await host.Control.CustomerSendsAsync(number, customer, new JsonObject { ["type"] = "text", ["name"] = "José", ["text"] = new JsonObject { ["body"] = "Olá, tudo bem?" } });

        var message = Assert.Single((await WebhookContainingAsync(number, wamid, "\"messages\"")).Messages);
        Assert.Equal(wamid, message.ProviderMessageId);
        Assert.Equal(customer, message.From);
        Assert.Equal("José", message.ProfileName);
        Assert.Equal(new TextContent("Olá, tudo bem?"), message.Content);
        Assert.Equal(number.PhoneNumberId, message.Origin.PhoneNumberId);
        Assert.Equal(number.WabaId, message.Origin.WabaId);
    }

    [Fact]
    public async Task A_webhook_is_refused_with_another_number_s_app_secret()
    {
        var number = await host.RegisterNumberAsync();
        var wamid = await host.Control.CustomerWritesAsync(number, EmulatorHost.NewCustomer());

        var webhook = await host.WebhookAsync(w => w.Text.Contains(wamid, StringComparison.Ordinal), "the inbound webhook");

        Assert.Equal(SignatureCheck.Mismatch, WebhookSignature.Verify(webhook.Body, webhook.Signature, "someone-elses-secret"));
    }

    [Fact]
    public async Task An_inbound_image_is_downloaded_through_its_media_id()
    {
        var number = await host.RegisterNumberAsync();
        var photo = SampleFiles.Concat(SampleFiles.Jpeg, RandomNumberGenerator.GetBytes(5000));

        var wamid = await host.Control.CustomerSendsAsync(number, EmulatorHost.NewCustomer(), new JsonObject
        {
            ["type"] = "image",
            ["image"] = new JsonObject { ["base64"] = Convert.ToBase64String(photo), ["mimeType"] = "image/jpeg", ["caption"] = "Broken on arrival" },
        });

        var image = Assert.IsType<ImageContent>(Assert.Single((await WebhookContainingAsync(number, wamid, "\"image\"")).Messages).Content);
        Assert.Equal("Broken on arrival", image.Caption);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(photo)), image.Media.Sha256);
        using var destination = new MemoryStream();
        Assert.True((await host.Client.DownloadMediaByIdAsync(number.Credentials, image.Media.ProviderMediaId!, destination)).IsSuccess);
        Assert.Equal(photo, destination.ToArray());
    }

    [Fact]
    public async Task A_sent_message_reports_sent_delivered_and_read_statuses_for_its_wamid()
    {
        var number = await host.RegisterNumberAsync();
        var customer = EmulatorHost.NewCustomer();
        await host.Control.CustomerWritesAsync(number, customer);
        var sent = Assert.IsType<WhatsAppResult<SentMessage>.Success>(await host.Client.SendAsync(number.Credentials, new OutboundMessage("+" + customer, new TextContent("On its way"), CallbackData: "ours-42"))).Value;

        var read = await WebhookContainingAsync(number, sent.MessageId, "\"read\"");

        var status = Assert.Single(read.Statuses, s => s.ProviderMessageId == sent.MessageId);
        Assert.Equal(MessageStatus.Read, status.KnownStatus);
        Assert.Equal(customer, status.RecipientId);
        Assert.Equal("ours-42", status.BizOpaqueCallbackData);
        await WebhookContainingAsync(number, sent.MessageId, "\"delivered\"");
        await WebhookContainingAsync(number, sent.MessageId, "\"sent\"");
    }

    [Fact]
    public async Task A_send_outside_the_window_is_accepted_then_fails_asynchronously_with_131047()
    {
        var number = await host.RegisterNumberAsync();
        var sent = Assert.IsType<WhatsAppResult<SentMessage>.Success>(await host.Client.SendAsync(number.Credentials, new OutboundMessage("+" + EmulatorHost.NewCustomer(), new TextContent("Anyone there?")))).Value;

        var notification = await WebhookContainingAsync(number, sent.MessageId, "\"failed\"");

        var failed = Assert.Single(notification.Statuses, s => s.ProviderMessageId == sent.MessageId);
        Assert.Equal(MessageStatus.Failed, failed.KnownStatus);
        var error = Assert.Single(failed.Errors);
        Assert.Equal(131047, error.Code);
        Assert.Equal(WhatsAppErrorCategory.WindowClosed, WhatsAppErrorClassifier.Classify(error.Code).Category);
    }

    [Fact]
    public async Task A_customer_tapping_a_reply_button_arrives_as_an_interactive_reply_quoting_the_business_message()
    {
        var number = await host.RegisterNumberAsync();
        var customer = EmulatorHost.NewCustomer();
        await host.Control.CustomerWritesAsync(number, customer);
        var question = Assert.IsType<WhatsAppResult<SentMessage>.Success>(await host.Client.SendAsync(number.Credentials, new OutboundMessage(
            "+" + customer, new InteractiveButtonsContent("Book it?", [new ReplyButton("yes", "Yes"), new ReplyButton("no", "No")])))).Value;

        var wamid = await host.Control.CustomerSendsAsync(number, customer, new JsonObject
        {
            ["type"] = "interactive",
            ["interactive"] = new JsonObject { ["type"] = "button_reply", ["button_reply"] = new JsonObject { ["id"] = "yes", ["title"] = "Yes" } },
            ["context"] = new JsonObject { ["id"] = question.MessageId },
        });

        var reply = Assert.Single((await WebhookContainingAsync(number, wamid, "button_reply")).Messages);
        Assert.Equal(new InteractiveReplyContent("button_reply", "yes", "Yes"), reply.Content);
        Assert.Equal(question.MessageId, reply.Context?.ReplyToProviderMessageId);
    }

    [Fact]
    public async Task A_template_review_arrives_as_a_signed_template_status_update()
    {
        var number = await host.RegisterNumberAsync();
        var created = Assert.IsType<WhatsAppResult<CreatedTemplate>.Success>(await host.Client.CreateTemplateAsync(number.Credentials, new TemplateCreation(
            "reject_this_one", "en_US", "MARKETING", System.Text.Json.JsonDocument.Parse("""[{"type":"BODY","text":"Sale!"}]""").RootElement))).Value;

        var notification = await WebhookContainingAsync(number, created.Id, "message_template_status_update");

        var update = Assert.Single(notification.TemplateStatusUpdates);
        Assert.Equal(created.Id, update.TemplateId);
        Assert.Equal("REJECTED", update.Event);
        Assert.Equal("en_US", update.Language);
    }
}
