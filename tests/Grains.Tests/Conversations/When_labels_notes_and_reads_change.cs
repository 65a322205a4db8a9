using Switchboard.Grains.Conversations;
using Switchboard.Grains.Messages;
using static Switchboard.Grains.Tests.Conversations.Scene;

namespace Switchboard.Grains.Tests.Conversations;

public sealed class When_labels_notes_and_reads_change
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

    [Fact]
    public void A_note_is_an_internal_timeline_item()
    {
        var harness = CustomerWrote();

        var note = harness.When(new AddNote("note-1", Ana, "Customer is a reseller")).Single<NoteAdded>().Note;

        Assert.Equal(("note-1", MessageDirection.Note, MessageAuthor.Agent(Ana)), (note.Id, note.Direction, note.Author));
    }

    [Fact]
    public void An_empty_note_is_refused()
    {
        var harness = CustomerWrote();

        harness.When(new AddNote("note-1", Ana, "  ")).IsRejectedWith(ConversationRejections.Codes.InvalidNote);
    }

    [Fact]
    public void Each_customer_message_counts_as_unread()
    {
        var harness = CustomerWrote().Given(Inbound("wamid.2", T0), Inbound("wamid.3", T0));

        Assert.Equal(3, harness.State.UnreadCount);
    }

    [Fact]
    public void Reading_clears_unread_and_names_the_latest_customer_message_for_the_receipt()
    {
        var harness = CustomerWrote().Given(
            Inbound("wamid.late", T0 + TimeSpan.FromMinutes(5)),
            Inbound("wamid.early", T0 + TimeSpan.FromMinutes(1), receivedAt: T0 + TimeSpan.FromMinutes(6)));

        var read = harness.When(new MarkRead(Ana.Id)).Single<ConversationRead>();

        Assert.Equal("wamid.late", read.LatestInboundProviderMessageId);
        Assert.Equal(0, harness.State.UnreadCount);
    }

    [Fact]
    public void Reading_with_nothing_unread_changes_nothing()
    {
        var harness = CustomerWrote().Given(new MarkRead(Ana.Id));

        harness.When(new MarkRead(Ben.Id)).ChangesNothing();
    }
}
