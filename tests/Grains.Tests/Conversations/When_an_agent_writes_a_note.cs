using Switchboard.Grains.Conversations;
using Switchboard.Grains.Messages;
using static Switchboard.Grains.Tests.Conversations.Scene;

namespace Switchboard.Grains.Tests.Conversations;

public sealed class When_an_agent_writes_a_note
{
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
}
