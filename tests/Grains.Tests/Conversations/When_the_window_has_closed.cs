using Switchboard.Grains.Conversations;
using static Switchboard.Grains.Tests.Conversations.Scene;

namespace Switchboard.Grains.Tests.Conversations;

public sealed class When_the_window_has_closed
{
    [Fact]
    public void A_reply_after_24_hours_is_refused_with_window_closed()
    {
        var harness = CustomerWrote();
        harness.Advance(TimeSpan.FromHours(25));

        harness.When(Reply("r-1")).IsRejectedWith(ConversationRejections.Codes.WindowClosed);
    }

    [Fact]
    public void A_reply_at_exactly_24_hours_is_refused()
    {
        var harness = CustomerWrote();
        harness.Advance(Day);

        harness.When(Reply("r-1")).IsRejectedWith(ConversationRejections.Codes.WindowClosed);
    }

    [Fact]
    public void The_refusal_says_when_the_window_closed_and_that_a_template_is_needed()
    {
        var harness = CustomerWrote();
        harness.Advance(TimeSpan.FromHours(30));

        var rejection = harness.When(Reply("r-1")).Rejection!;

        Assert.Equal(T0 + Day, rejection.Details!["expiresAt"]);
        Assert.Contains("2026-03-03 09:00:00Z", rejection.Message);
        Assert.Contains("template", rejection.Message);
    }

    [Fact]
    public void A_template_is_still_queued()
    {
        var harness = CustomerWrote();
        harness.Advance(TimeSpan.FromDays(3));

        harness.When(Send("tpl-2", Template())).Single<MessageQueued>();
    }

    [Fact]
    public void The_window_reopens_when_the_customer_writes()
    {
        var harness = CustomerWrote();
        harness.Advance(TimeSpan.FromDays(2));

        var opened = harness.When(Inbound("wamid.2", harness.Now)).Single<WindowOpened>();

        Assert.Equal(harness.Now + Day, opened.ExpiresAt);
        harness.When(Reply("r-1")).Single<MessageQueued>();
    }

    [Fact]
    public void A_reply_to_a_template_opens_the_window()
    {
        var harness = TemplateOnly();
        harness.Advance(TimeSpan.FromHours(2));

        harness.When(Inbound("wamid.reply", harness.Now, content: new Switchboard.Grains.Messages.TemplateButtonReplyContent("YES", "Yes")));

        harness.When(Reply("r-1")).Single<MessageQueued>();
    }
}
