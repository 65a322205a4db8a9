using Switchboard.Grains.Conversations;
using Switchboard.Grains.Messages;
using static Switchboard.Grains.Tests.Conversations.Scene;

namespace Switchboard.Grains.Tests.Conversations;

/// <summary>
/// A customer's photo shows once its media is in our store (the provider's links expire in
/// minutes); what the customer wrote after it waits behind it, so the timeline keeps their order.
/// </summary>
public sealed class When_media_is_copied
{
    private static readonly ImageContent Photo = new(new MediaRef(ProviderMediaId: "media-1", MimeType: "image/jpeg"));

    [Fact]
    public void A_photo_waits_for_its_copy_before_it_shows()
    {
        var harness = new ConversationHarness();

        var events = harness.When(Inbound("wamid.photo", T0, content: Photo)).Events;

        Assert.Empty(events.OfType<MessageReceived>());
        Assert.True(Assert.Single(harness.State.Outbox.Inbound).FetchMedia);
    }

    [Fact]
    public void The_window_opens_at_once_while_the_photo_waits()
    {
        var harness = new ConversationHarness();

        harness.When(Inbound("wamid.photo", T0, content: Photo));

        Assert.True(harness.State.Window.IsOpenAt(T0));
    }

    [Fact]
    public void Once_copied_the_photo_shows_with_our_copy()
    {
        var harness = new ConversationHarness().Given(Inbound("wamid.photo", T0, content: Photo));

        var received = harness.When(new RecordMediaFetched("in-wamid.photo", Photo.Media with { MediaId = "md_1", Size = 2048 })).Single<MessageReceived>();

        Assert.Equal("md_1", ((ImageContent)received.Message.Content).Media.MediaId);
        Assert.Empty(harness.State.Outbox.Inbound);
        Assert.Equal(1, harness.State.UnreadCount);
    }

    [Fact]
    public void A_text_behind_a_waiting_photo_waits_and_both_show_in_the_order_written()
    {
        var harness = new ConversationHarness().Given(
            Inbound("wamid.photo", T0, content: Photo),
            Inbound("wamid.text", T0.AddSeconds(1), content: new TextContent("that's my receipt")));

        var shown = harness.When(new RecordMediaFetched("in-wamid.photo", Photo.Media with { MediaId = "md_1" })).All<MessageReceived>();

        Assert.Equal(["in-wamid.photo", "in-wamid.text"], shown.Select(e => e.Message.Id));
    }

    [Fact]
    public void Media_gone_at_the_provider_shows_the_message_without_our_copy()
    {
        var harness = new ConversationHarness().Given(Inbound("wamid.photo", T0, content: Photo));

        var received = harness.When(new RecordMediaFetchFailed("in-wamid.photo", "131052 media gone")).Single<MessageReceived>();

        Assert.Null(((ImageContent)received.Message.Content).Media.MediaId);
    }

    [Fact]
    public void A_copy_that_keeps_failing_is_given_up_and_the_message_shows()
    {
        var harness = new ConversationHarness().Given(Inbound("wamid.photo", T0, content: Photo));
        for (var i = 1; i < ConversationLimits.MaxMediaFetchFailures; i++)
        {
            harness.When(new RecordMediaFetchFailed("in-wamid.photo", "timeout", T0.AddSeconds(i))).Single<InboundMediaRetryScheduled>();
        }

        harness.When(new RecordMediaFetchFailed("in-wamid.photo", "timeout", T0.AddMinutes(1))).Single<MessageReceived>();
    }

    [Fact]
    public void A_repeated_copy_report_changes_nothing()
    {
        var harness = new ConversationHarness().Given(
            Inbound("wamid.photo", T0, content: Photo),
            new RecordMediaFetched("in-wamid.photo", Photo.Media with { MediaId = "md_1" }));

        harness.When(new RecordMediaFetched("in-wamid.photo", Photo.Media with { MediaId = "md_2" })).ChangesNothing();
    }
}
