using FsCheck;
using FsCheck.Fluent;
using Switchboard.Grains.Conversations;
using Switchboard.Grains.Messages;
using Switchboard.Grains.Tests.Conversations;
using static Switchboard.Grains.Tests.Conversations.Scene;

namespace Switchboard.Grains.Tests.Properties;

public sealed class The_held_messages_property
{
    private abstract record Step;

    private sealed record AgentRepliesHoldingIfClosed : Step;

    private sealed record AgentCancelsAHeldMessage(int Pick) : Step;

    /// <summary>The customer writes; a <paramref name="Kind"/> of <c>stale</c> is a message sent two days ago that only now arrives.</summary>
    private sealed record CustomerWrites(string Kind) : Step;

    private sealed record TimePasses(int Minutes) : Step;

    private static readonly Gen<Step> Steps = Gen.Frequency(
        (5, Gen.Constant((Step)new AgentRepliesHoldingIfClosed())),
        (1, from pick in Gen.Choose(0, 30) select (Step)new AgentCancelsAHeldMessage(pick)),
        (2, from kind in Gen.Elements("text", "system", "stale") select (Step)new CustomerWrites(kind)),
        (2, from minutes in Gen.Choose(1, 40 * 60) select (Step)new TimePasses(minutes)));

    [Fact]
    public void Held_messages_are_released_exactly_once_each_in_the_order_they_were_held()
    {
        var property = Prop.ForAll(ConversationGenerators.ArrayOf(Steps, 60), steps =>
        {
            var harness = TemplateOnly();
            var held = new List<string>();
            var cancelled = new HashSet<string>();
            var n = 0;
            foreach (var step in steps)
            {
                n++;
                switch (step)
                {
                    case AgentRepliesHoldingIfClosed:
                        if (harness.When(Reply($"r-{n}", hold: true)).Events.OfType<MessageHeld>().Any())
                        {
                            held.Add($"r-{n}");
                        }

                        break;

                    case AgentCancelsAHeldMessage cancel when harness.State.Held.Count > 0:
                        var id = harness.State.Held[cancel.Pick % harness.State.Held.Count].Id;
                        harness.Given(new CancelHeldMessage(id, ByAna));
                        cancelled.Add(id);
                        break;

                    case CustomerWrites writes:
                        var sentAt = writes.Kind == "stale" ? harness.Now - TimeSpan.FromDays(2) : harness.Now;
                        MessageContent content = writes.Kind == "system" ? new SystemContent("User changed number") : new TextContent("Hi");
                        harness.Given(Inbound($"wamid.{n}", sentAt, harness.Now, content));
                        break;

                    case TimePasses passes:
                        harness.Advance(TimeSpan.FromMinutes(passes.Minutes));
                        break;
                }
            }

            var released = harness.History.OfType<MessageQueued>()
                .Where(queued => queued.Origin == QueueOrigin.Released)
                .Select(queued => queued.Message.Id)
                .ToList();
            var stillHeld = harness.State.Held.Select(message => message.Id);
            var expected = held.Where(id => !cancelled.Contains(id));

            return released.Distinct().Count() == released.Count && released.Concat(stillHeld).SequenceEqual(expected);
        });

        Check.One(ConversationGenerators.Config, property);
    }
}
