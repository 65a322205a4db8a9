using Switchboard.Grains.Conversations;
using Switchboard.Grains.Messages;
using static Switchboard.Grains.Tests.Conversations.Scene;

namespace Switchboard.Grains.Tests.Conversations;

public sealed class When_the_window_is_open
{
    [Fact]
    public void A_reply_inside_24_hours_is_queued()
    {
        var harness = CustomerWrote();
        harness.Advance(TimeSpan.FromHours(23));

        var queued = harness.When(Reply("r-1")).Single<MessageQueued>();

        Assert.Equal(MessageStatus.Queued, queued.Message.Status);
        Assert.Equal(QueueOrigin.Immediate, queued.Origin);
    }

    [Fact]
    public void The_window_expires_24_hours_after_the_customer_message()
    {
        var harness = CustomerWrote();

        Assert.Equal(T0 + Day, harness.State.Window.ExpiresAt);
    }

    [Theory]
    [InlineData("reaction")]
    [InlineData("media")]
    [InlineData("interactive")]
    [InlineData("location")]
    [InlineData("contacts")]
    public void Every_free_form_kind_is_queued(string kind)
    {
        var harness = CustomerWrote();
        MessageContent content = kind switch
        {
            "reaction" => new ReactionContent("in-wamid.first", "👍"),
            "media" => new ImageContent(new MediaRef(MediaId: "media-1"), "A photo"),
            "interactive" => new InteractiveButtonsContent("Pick one", [new ReplyButton("a", "A")]),
            "location" => new LocationContent(52.37, 4.89, "Office"),
            _ => new ContactsContent([new ContactCard(new ContactName("Ana"))]),
        };

        harness.When(Send("r-1", content)).Single<MessageQueued>();
    }

    [Fact]
    public void The_reply_keeps_its_author_and_quoted_message()
    {
        var harness = CustomerWrote();

        var message = harness.When(Reply("r-1") with { ReplyTo = "in-wamid.first" }).Single<MessageQueued>().Message;

        Assert.Equal((ByAna, "in-wamid.first"), (message.Author, message.ReplyTo));
    }

    [Fact]
    public void Content_that_can_only_be_received_is_refused()
    {
        var harness = CustomerWrote();

        harness.When(Send("r-1", new InteractiveReplyContent("button_reply", "a", "A")))
            .IsRejectedWith(ConversationRejections.Codes.ContentNotSendable);
    }

    [Fact]
    public void A_repeated_send_with_the_same_message_id_changes_nothing()
    {
        var harness = CustomerWrote().Given(Reply("r-1"));

        harness.When(Reply("r-1")).ChangesNothing();
    }
}
