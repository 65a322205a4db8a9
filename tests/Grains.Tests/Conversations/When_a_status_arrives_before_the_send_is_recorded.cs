using Switchboard.Grains.Conversations;
using Switchboard.Grains.Messages;
using static Switchboard.Grains.Tests.Conversations.Scene;

namespace Switchboard.Grains.Tests.Conversations;

public sealed class When_a_status_arrives_before_the_send_is_recorded
{
    private static ConversationHarness Queued() => CustomerWrote().Given(Reply("r-1"));

    [Fact]
    public void The_status_is_kept()
    {
        var harness = Queued();

        var deferred = harness.When(new ApplyStatus("wamid.out", MessageStatus.Delivered)).Single<StatusDeferred>();

        Assert.Equal(("wamid.out", MessageStatus.Delivered), (deferred.Status.ProviderMessageId, deferred.Status.Status));
        Assert.Single(harness.State.DeferredStatuses);
    }

    [Fact]
    public void The_kept_status_applies_when_the_send_is_recorded()
    {
        var harness = Queued().Given(new ApplyStatus("wamid.out", MessageStatus.Delivered));

        var decision = harness.When(new RecordSent("r-1", "wamid.out"));

        decision.Single<MessageSent>();
        Assert.Equal(MessageStatus.Delivered, decision.Single<MessageStatusChanged>().Status);
        Assert.Empty(harness.State.DeferredStatuses);
    }

    [Fact]
    public void A_repeated_early_status_is_kept_once()
    {
        var harness = Queued().Given(new ApplyStatus("wamid.out", MessageStatus.Delivered));

        harness.When(new ApplyStatus("wamid.out", MessageStatus.Delivered)).ChangesNothing();
    }

    [Fact]
    public void A_status_whose_message_never_becomes_known_is_discarded_after_an_hour()
    {
        var harness = Queued().Given(new ApplyStatus("wamid.unknown", MessageStatus.Delivered));

        var events = harness.Advance(TimeSpan.FromMinutes(61));

        Assert.Single(events.OfType<DeferredStatusesDiscarded>());
        Assert.Empty(harness.State.DeferredStatuses);
    }

    [Fact]
    public void A_status_is_not_discarded_before_its_hour()
    {
        var harness = Queued().Given(new ApplyStatus("wamid.unknown", MessageStatus.Delivered));

        Assert.Empty(harness.Advance(TimeSpan.FromMinutes(59)));
        Assert.Single(harness.State.DeferredStatuses);
    }

    [Fact]
    public void Kept_statuses_are_bounded()
    {
        var harness = Queued();
        for (var i = 0; i < ConversationLimits.MaxDeferredStatuses; i++)
        {
            harness.Given(new ApplyStatus($"wamid.{i}", MessageStatus.Delivered));
        }

        harness.When(new ApplyStatus("wamid.too-many", MessageStatus.Delivered))
            .IsRejectedWith(ConversationRejections.Codes.TooManyDeferredStatuses);
    }
}
