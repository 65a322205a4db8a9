using Switchboard.Grains.Conversations;
using static Switchboard.Grains.Tests.Conversations.Scene;

namespace Switchboard.Grains.Tests.Conversations;

public sealed class When_agents_assign_and_transfer
{
    [Fact]
    public void Assigning_records_who_and_by_whom()
    {
        var harness = CustomerWrote();

        var decision = harness.When(new Assign(Ben, ByAna));

        Assert.Equal(new AssigneeChanged(null, Ben, ByAna, T0), decision.Single<AssigneeChanged>());
        Assert.Equal("Assigned to Ben by Ana.", decision.Events.SystemLine());
        Assert.Equal(Ben, harness.State.Assignee);
    }

    [Fact]
    public void Assigning_over_another_agent_is_a_transfer_naming_both()
    {
        var harness = CustomerWrote().Given(new Assign(Ana, ByAna));

        var decision = harness.When(new Assign(Ben, ByAna));

        Assert.Equal((Ana, Ben), (decision.Single<AssigneeChanged>().Previous, decision.Single<AssigneeChanged>().Current));
        Assert.Equal("Transferred from Ana to Ben by Ana.", decision.Events.SystemLine());
    }

    [Fact]
    public void The_audit_line_is_authored_by_whoever_acted()
    {
        var harness = CustomerWrote();

        var line = harness.When(new Assign(Ben, ByAna)).Single<SystemMessageAdded>().Message;

        Assert.Equal(ByAna, line.Author);
    }

    [Fact]
    public void Assigning_nobody_unassigns()
    {
        var harness = CustomerWrote().Given(new Assign(Ana, ByAna));

        var decision = harness.When(new Assign(null, ByAna));

        Assert.Null(decision.Single<AssigneeChanged>().Current);
        Assert.Null(harness.State.Assignee);
    }

    [Fact]
    public void Assigning_the_current_assignee_changes_nothing()
    {
        var harness = CustomerWrote().Given(new Assign(Ana, ByAna));

        harness.When(new Assign(Ana, ByAna)).ChangesNothing();
    }

    [Fact]
    public void System_lines_get_consecutive_ids()
    {
        var harness = CustomerWrote();

        var first = harness.When(new Assign(Ana, ByAna)).Single<SystemMessageAdded>().Message.Id;
        var second = harness.When(new Assign(Ben, ByAna)).Single<SystemMessageAdded>().Message.Id;

        Assert.Equal(("sys-1", "sys-2"), (first, second));
    }
}
