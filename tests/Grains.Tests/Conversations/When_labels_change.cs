using Switchboard.Grains.Conversations;
using static Switchboard.Grains.Tests.Conversations.Scene;

namespace Switchboard.Grains.Tests.Conversations;

public sealed class When_labels_change
{
    [Fact]
    public void Labels_are_replaced_as_a_set_in_order()
    {
        var harness = CustomerWrote();

        var changed = harness.When(new SetLabels(["vip", " billing ", "vip"], ByAna)).Single<LabelsChanged>();

        Assert.Equal(["billing", "vip"], changed.Labels);
        Assert.Equal(["billing", "vip"], harness.State.Labels);
    }

    [Fact]
    public void A_label_change_says_what_was_added_and_removed_and_by_whom()
    {
        var harness = CustomerWrote().Given(new SetLabels(["vip", "billing"], ByAna));

        var decision = harness.When(new SetLabels(["vip", "refund"], ByAna));

        var changed = decision.Single<LabelsChanged>();
        Assert.Equal(["refund"], changed.Added);
        Assert.Equal(["billing"], changed.Removed);
        Assert.Equal("Labels added refund and removed billing by Ana.", decision.Events.SystemLine());
    }

    [Fact]
    public void The_same_labels_change_nothing()
    {
        var harness = CustomerWrote().Given(new SetLabels(["vip"], ByAna));

        harness.When(new SetLabels(["vip"], ByAna)).ChangesNothing();
    }

    [Fact]
    public void An_empty_label_is_refused()
    {
        var harness = CustomerWrote();

        harness.When(new SetLabels(["vip", " "], ByAna)).IsRejectedWith(ConversationRejections.Codes.InvalidLabel);
    }

    [Fact]
    public void Labels_are_bounded()
    {
        var harness = CustomerWrote();

        harness.When(new SetLabels(Enumerable.Range(0, ConversationLimits.MaxLabels + 1).Select(i => $"l{i}").ToList(), ByAna))
            .IsRejectedWith(ConversationRejections.Codes.TooManyLabels);
    }
}
