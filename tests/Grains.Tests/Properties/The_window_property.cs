using FsCheck;
using FsCheck.Fluent;
using Switchboard.Grains.Conversations;
using Switchboard.Grains.Messages;
using Switchboard.Grains.Tests.Conversations;
using static Switchboard.Grains.Tests.Conversations.Scene;

namespace Switchboard.Grains.Tests.Properties;

public sealed class The_window_property
{
    private abstract record Step;

    /// <summary>
    /// The customer wrote: the provider's timestamp is <paramref name="MinutesAgo"/> before now
    /// (negative: a sender clock ahead of ours), and we received it <paramref name="ReceiptLagMinutes"/> ago.
    /// </summary>
    private sealed record CustomerWrites(int MinutesAgo, int ReceiptLagMinutes, string Kind) : Step;

    private sealed record AgentReplies : Step;

    private sealed record TimePasses(int Minutes) : Step;

    /// <summary>The clock goes to a minute around the edge of the latest window, where off-by-one errors live.</summary>
    private sealed record TimeReachesTheEdge(int OffsetMinutes) : Step;

    private static readonly Gen<Step> Steps = Gen.Frequency(
        (3, from ago in Gen.Choose(-120, 30 * 60)
            from lag in Gen.Choose(0, 15)
            from kind in Gen.Elements("text", "text", "reaction", "system")
            select (Step)new CustomerWrites(ago, lag, kind)),
        (4, Gen.Constant((Step)new AgentReplies())),
        (3, from minutes in Gen.Choose(1, 30 * 60) select (Step)new TimePasses(minutes)),
        (1, from offset in Gen.Choose(-1, 1) select (Step)new TimeReachesTheEdge(offset)));

    [Fact]
    public void A_free_form_message_is_queued_only_within_24_hours_of_a_customer_message()
    {
        var property = Prop.ForAll(ConversationGenerators.ArrayOf(Steps, 40), steps =>
        {
            var harness = TemplateOnly();
            var countedFrom = new List<DateTimeOffset>();
            var n = 0;
            foreach (var step in steps)
            {
                n++;
                switch (step)
                {
                    case CustomerWrites writes:
                        var sentAt = harness.Now - TimeSpan.FromMinutes(writes.MinutesAgo);
                        var receivedAt = harness.Now - TimeSpan.FromMinutes(writes.ReceiptLagMinutes);
                        MessageContent content = writes.Kind switch
                        {
                            "reaction" => new ReactionContent("wamid.x", "👍"),
                            "system" => new SystemContent("User changed number"),
                            _ => new TextContent("Hi"),
                        };
                        harness.Given(Inbound($"wamid.{n}", sentAt, receivedAt, content));
                        if (writes.Kind != "system")
                        {
                            countedFrom.Add(Min(sentAt, receivedAt, harness.Now));
                        }

                        break;

                    case AgentReplies:
                        var decision = harness.When(Reply($"r-{n}"));
                        var expected = countedFrom.Exists(from => harness.Now < from + Day);
                        var queued = decision.Events.OfType<MessageQueued>().Any(q => q.Message.Id == $"r-{n}");
                        if (queued != expected || (!expected && decision.Rejection?.Code != ConversationRejections.Codes.WindowClosed))
                        {
                            return false;
                        }

                        break;

                    case TimePasses passes:
                        harness.Advance(TimeSpan.FromMinutes(passes.Minutes));
                        break;

                    case TimeReachesTheEdge edge when countedFrom.Count > 0:
                        var target = countedFrom.Max() + Day + TimeSpan.FromMinutes(edge.OffsetMinutes);
                        if (target > harness.Now)
                        {
                            harness.AdvanceTo(target);
                        }

                        break;
                }
            }

            return true;
        });

        Check.One(ConversationGenerators.Config, property);
    }

    private static DateTimeOffset Min(params DateTimeOffset[] times) => times.Min();
}
