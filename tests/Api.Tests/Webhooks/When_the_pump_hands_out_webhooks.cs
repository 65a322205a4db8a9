using Switchboard.Api.Webhooks;
using Switchboard.Channels.WhatsApp.Webhooks;
using Switchboard.Cluster.Ingestion;
using Switchboard.Testing;

namespace Switchboard.Api.Tests.Webhooks;

public sealed class When_the_pump_hands_out_webhooks
{
    private readonly CustomerMailboxes<string> mailboxes = new();

    [Fact]
    public void A_customers_next_webhook_waits_until_the_one_in_hand_is_done()
    {
        mailboxes.Post("ana", "status 1");
        mailboxes.Post("ana", "status 2");

        var first = Take();
        Assert.Equal("status 1", first.Item);
        Assert.False(mailboxes.Ready.TryRead(out _));

        mailboxes.Done(first);
        Assert.Equal("status 2", Take().Item);
    }

    [Fact]
    public void Another_customers_webhook_is_ready_while_one_customers_storm_waits()
    {
        for (var i = 1; i <= 200; i++)
        {
            mailboxes.Post("ana", $"status {i}");
        }

        mailboxes.Post("ben", "hello");

        Assert.Equal(["status 1", "hello"], [Take().Item, Take().Item]);
    }

    [Fact]
    public void Webhooks_about_no_single_customer_are_all_ready_at_once()
    {
        mailboxes.Post(null, "template approved");
        mailboxes.Post(null, "template paused");

        Assert.Equal(["template approved", "template paused"], [Take().Item, Take().Item]);
    }

    [Fact]
    public void A_customer_whose_mailbox_emptied_is_handed_out_at_once_again()
    {
        mailboxes.Post("ana", "first");
        mailboxes.Done(Take());

        mailboxes.Post("ana", "later");

        Assert.Equal("later", Take().Item);
    }

    [Fact]
    public void A_post_about_one_customer_belongs_to_that_customers_mailbox()
    {
        var post = Notification(("15550001", "one"), ("15550001", "two"));

        Assert.Equal("109/15550001", WebhookProcessor.CustomerOf(post));
    }

    [Fact]
    public void A_post_about_two_customers_belongs_to_no_single_mailbox()
    {
        var post = Notification(("15550001", "mine"), ("15550002", "yours"));

        Assert.Null(WebhookProcessor.CustomerOf(post));
    }

    /// <summary>One POST carrying a text message from each (wa_id, text), to business number 109.</summary>
    private static WebhookNotification Notification(params (string WaId, string Text)[] messages) =>
        new("whatsapp_business_account", [.. messages.SelectMany(m =>
            Assert.IsType<WebhookParseResult.Parsed>(WebhookParser.Parse(MetaWebhooks.TextMessage("209", "109", m.WaId, m.Text))).Notification.Events)]);

    private CustomerMailboxes<string>.Delivery Take()
    {
        Assert.True(mailboxes.Ready.TryRead(out var delivery), "an item is ready");
        return delivery;
    }
}
