using Switchboard.Grains.Conversations;
using Switchboard.Grains.Messages;
using static Switchboard.Grains.Tests.Conversations.Scene;

namespace Switchboard.Grains.Tests.Conversations;

public sealed class When_participants_join_and_leave
{
    [Fact]
    public void A_participant_is_added()
    {
        var harness = CustomerWrote();

        harness.When(new AddParticipant(Cleo, ByAna)).Single<ParticipantAdded>();

        Assert.Equal([Cleo], harness.State.Participants);
    }

    [Fact]
    public void Adding_a_participant_twice_changes_nothing()
    {
        var harness = CustomerWrote().Given(new AddParticipant(Cleo, ByAna));

        harness.When(new AddParticipant(Cleo, ByAna)).ChangesNothing();
    }

    [Fact]
    public void A_participant_is_removed()
    {
        var harness = CustomerWrote().Given(new AddParticipant(Cleo, ByAna));

        harness.When(new RemoveParticipant(Cleo.Id, ByAna)).Single<ParticipantRemoved>();

        Assert.Empty(harness.State.Participants);
    }

    [Fact]
    public void Removing_someone_who_is_not_a_participant_is_refused()
    {
        var harness = CustomerWrote();

        harness.When(new RemoveParticipant(Cleo.Id, ByAna)).IsRejectedWith(ConversationRejections.Codes.ParticipantNotFound);
    }

    [Fact]
    public void Participants_are_bounded()
    {
        var harness = CustomerWrote();
        for (var i = 0; i < ConversationLimits.MaxParticipants; i++)
        {
            harness.Given(new AddParticipant(new AgentRef($"agent-{i}"), ByAna));
        }

        harness.When(new AddParticipant(Cleo, ByAna)).IsRejectedWith(ConversationRejections.Codes.TooManyParticipants);
    }

    [Fact]
    public void The_assignee_leaving_unassigns_the_conversation()
    {
        var harness = CustomerWrote().Given(new Assign(Ana, ByAna));

        var decision = harness.When(new Leave(Ana));

        Assert.True(decision.Single<AgentLeft>().WasAssignee);
        Assert.Equal("Ana left the conversation.", decision.Events.SystemLine());
        Assert.Null(harness.State.Assignee);
    }

    [Fact]
    public void A_configured_leave_message_is_queued_while_the_window_is_open()
    {
        var harness = CustomerWrote().Given(new Assign(Ana, ByAna));

        var queued = harness.When(new Leave(Ana, new LeaveMessage("bye-1", "Ana has left; a colleague will continue."))).Single<MessageQueued>();

        Assert.Equal(new TextContent("Ana has left; a colleague will continue."), queued.Message.Content);
    }

    [Fact]
    public void A_configured_leave_message_is_not_sent_when_the_window_is_closed()
    {
        var harness = CustomerWrote().Given(new Assign(Ana, ByAna));
        harness.Advance(TimeSpan.FromDays(2));

        var decision = harness.When(new Leave(Ana, new LeaveMessage("bye-1", "Bye")));

        Assert.Empty(decision.All<MessageQueued>());
        decision.Single<AgentLeft>();
    }

    [Fact]
    public void Leaving_a_conversation_one_is_not_in_is_refused()
    {
        var harness = CustomerWrote();

        harness.When(new Leave(Ben)).IsRejectedWith(ConversationRejections.Codes.AgentNotInConversation);
    }
}
