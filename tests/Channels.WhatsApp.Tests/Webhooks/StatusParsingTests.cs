using Switchboard.Channels.WhatsApp.Webhooks;
using Switchboard.Grains.Messages;

namespace Switchboard.Channels.WhatsApp.Tests.Webhooks;

/// <summary>Status webhooks (spec §3.6): every status of a batch, with errors, pricing and callback data.</summary>
public sealed class StatusParsingTests
{
    private const string FirstWamid = "wamid.HBgLMTY1MDU1NTEyMzQVAgARGBIwMTIzNDU2Nzg5QUJDREVGMDEA";

    [Fact]
    public void Every_status_of_a_batch_is_parsed_in_order()
    {
        var statuses = Corpus.Parse("statuses_sent_delivered_read.json").Statuses.ToList();

        Assert.Equal([MessageStatus.Sent, MessageStatus.Delivered, MessageStatus.Read], statuses.Select(s => s.KnownStatus));
        Assert.All(statuses, s => Assert.Equal(FirstWamid, s.ProviderMessageId));
    }

    [Fact]
    public void A_sent_status_carries_conversation_pricing_recipient_and_callback_data()
    {
        var sent = Corpus.Parse("statuses_sent_delivered_read.json").Statuses.First();

        Assert.Equal("sent", sent.Status);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1750030073), sent.Timestamp);
        Assert.Equal("16505551234", sent.RecipientId);
        Assert.Equal("msg_01J9ZQ4C3", sent.BizOpaqueCallbackData);
        Assert.Equal(new StatusConversation("72b14d6bd5407799e66f64d1b338e567", DateTimeOffset.FromUnixTimeSeconds(1750116480), "marketing"), sent.Conversation);
        Assert.Equal(new StatusPricing(true, "PMP", "regular", "marketing"), sent.Pricing);
        Assert.Empty(sent.Errors);
    }

    [Fact]
    public void A_free_customer_service_status_is_not_billable()
    {
        var status = Assert.Single(Corpus.Parse("status_sent_free_customer_service.json").Statuses);

        Assert.Equal(new StatusPricing(false, "PMP", "free_customer_service", "service"), status.Pricing);
        Assert.Null(status.Conversation);
    }

    [Fact]
    public void A_failed_status_carries_meta_s_error_code_title_and_details()
    {
        var failed = Assert.Single(Corpus.Parse("status_failed_window_closed.json").Statuses);

        Assert.Equal(MessageStatus.Failed, failed.KnownStatus);
        var error = Assert.Single(failed.Errors);
        Assert.Equal(131047, error.Code);
        Assert.Equal("Re-engagement message", error.Title);
        Assert.StartsWith("Message failed to send because more than 24 hours", error.Details, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_status_for_ecosystem_engagement_carries_131049()
    {
        var failed = Assert.Single(Corpus.Parse("status_failed_ecosystem_engagement.json").Statuses);

        Assert.Equal(131049, Assert.Single(failed.Errors).Code);
        Assert.Null(failed.Pricing);
    }

    [Fact]
    public void Out_of_order_and_duplicate_statuses_are_all_reported_as_they_arrived()
    {
        var statuses = Corpus.Parse("statuses_out_of_order_with_duplicates.json").Statuses.Select(s => s.Status).ToList();

        // Ordering and de-duplication are the conversation's job; the parser drops nothing.
        Assert.Equal(["read", "delivered", "delivered", "sent", "read"], statuses);
    }

    [Fact]
    public void A_played_status_is_known()
    {
        var played = Corpus.Parse("statuses_played_and_unknown_value.json").Statuses.First();

        Assert.Equal(MessageStatus.Played, played.KnownStatus);
    }

    [Fact]
    public void An_unknown_status_value_is_kept_verbatim_without_a_known_status()
    {
        var future = Corpus.Parse("statuses_played_and_unknown_value.json").Statuses.Last();

        Assert.Equal("deleted_by_recipient", future.Status);
        Assert.Null(future.KnownStatus);
        Assert.Contains("some_future_field", future.RawJson, StringComparison.Ordinal);
    }

    [Fact]
    public void A_status_for_a_user_without_a_phone_number_carries_the_business_scoped_id()
    {
        var status = Assert.Single(Corpus.Parse("status_bsuid_without_phone.json").Statuses);

        Assert.Null(status.RecipientId);
        Assert.Equal("US.13491208655302741918", status.RecipientUserId);
    }

    [Fact]
    public void Value_level_errors_are_reported_for_the_number()
    {
        var notification = Corpus.Parse("value_errors_rate_limit.json");

        var errors = Assert.Single(notification.Errors);
        Assert.Equal("106540352242922", errors.Origin.PhoneNumberId);
        Assert.Equal(new ProviderError(130429, "Rate limit hit", "Cloud API message throughput has been reached."), Assert.Single(errors.Errors));
        Assert.Empty(notification.Messages);
        Assert.Empty(notification.Statuses);
    }
}
