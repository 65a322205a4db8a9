using Switchboard.Grains.Conversations;
using Switchboard.Grains.Messages;
using static Switchboard.Grains.Tests.Conversations.Scene;

namespace Switchboard.Grains.Tests.Conversations;

public sealed class When_a_conversation_starts
{
    [Fact]
    public void A_template_starts_a_new_conversation_and_is_queued()
    {
        var harness = new ConversationHarness();

        var decision = harness.When(StartWithTemplate("tpl-1"));

        Assert.Equal(WhatsApp, decision.Single<ConversationStarted>().Identity);
        var queued = decision.Single<MessageQueued>().Message;
        Assert.Equal(("tpl-1", MessageStatus.Queued, MessageDirection.Outbound), (queued.Id, queued.Status, queued.Direction));
        Assert.Equal(WhatsApp, harness.State.Identity);
    }

    [Fact]
    public void A_template_does_not_open_the_window()
    {
        var harness = TemplateOnly();

        Assert.False(harness.State.Window.IsOpenAt(harness.Now));
        harness.When(Reply("r-1")).IsRejectedWith(ConversationRejections.Codes.WindowClosed);
    }

    [Fact]
    public void The_customer_writing_first_starts_the_conversation()
    {
        var harness = new ConversationHarness();

        var decision = harness.When(Inbound("wamid.1", T0));

        Assert.Equal(WhatsApp, decision.Single<ConversationStarted>().Identity);
        Assert.Equal(MessageDirection.Inbound, decision.Single<MessageReceived>().Message.Direction);
    }

    [Fact]
    public void Any_other_command_on_a_conversation_that_never_started_is_refused()
    {
        var harness = new ConversationHarness();

        harness.When(Reply("r-1")).IsRejectedWith(ConversationRejections.Codes.ConversationNotFound);
    }

    [Fact]
    public void A_command_naming_another_conversation_is_refused()
    {
        var harness = CustomerWrote();

        harness.When(Inbound("wamid.2", T0, identity: WhatsApp with { ContactId = "15550002222" }))
            .IsRejectedWith(ConversationRejections.Codes.IdentityMismatch);
    }

    [Fact]
    public void A_template_reopens_a_resolved_conversation()
    {
        var harness = CustomerWrote().Given(new SetStatus(ConversationStatus.Resolved, ByAna));

        var decision = harness.When(StartWithTemplate("tpl-2"));

        Assert.Equal(ConversationStatus.Open, decision.Single<ConversationStatusChanged>().Status);
        Assert.Null(decision.All<ConversationStarted>().SingleOrDefault());
    }

    [Fact]
    public void A_repeated_start_with_the_same_message_id_changes_nothing()
    {
        var harness = TemplateOnly();

        harness.When(StartWithTemplate("tpl-1")).ChangesNothing();
    }
}
