using FsCheck;
using FsCheck.Fluent;
using Switchboard.Grains.Abstractions;
using Switchboard.Grains.Conversations;
using Switchboard.Grains.Messages;
using Switchboard.Grains.Tests.Conversations;
using static Switchboard.Grains.Tests.Conversations.Scene;

namespace Switchboard.Grains.Tests.Properties;

public sealed class The_status_property
{
    /// <summary>
    /// Statuses in the order the webhooks arrive (repeats included); the send response lands
    /// before status number <paramref name="SendRecordedAt"/> (after all of them when equal to the count).
    /// </summary>
    private sealed record Scenario(MessageStatus[] Statuses, int SendRecordedAt, bool VoiceNote)
    {
        public override string ToString() =>
            $"[{string.Join(", ", Statuses)}], send recorded before #{SendRecordedAt}, {(VoiceNote ? "voice note" : "text")}";
    }

    private static readonly Arbitrary<Scenario> Scenarios = Arb.From(
        from statuses in Gen.Choose(0, 8).SelectMany(length => Gen.ArrayOf(ConversationGenerators.ProviderStatus, length))
        from recordedAt in Gen.Choose(0, statuses.Length)
        from voice in Gen.Elements(true, false)
        select new Scenario(statuses, recordedAt, voice));

    [Fact]
    public void Whatever_the_order_the_final_status_is_the_highest_reachable_and_replays_change_nothing()
    {
        var property = Prop.ForAll(Scenarios, scenario =>
        {
            var harness = CustomerWrote();
            MessageContent content = scenario.VoiceNote ? new AudioContent(new MediaRef(MediaId: "v"), Voice: true) : new TextContent("Hi");
            harness.Given(Send("m-1", content));

            for (var i = 0; i <= scenario.Statuses.Length; i++)
            {
                if (i == scenario.SendRecordedAt)
                {
                    harness.Given(new RecordSent("m-1", "wamid.m1"));
                }

                if (i < scenario.Statuses.Length)
                {
                    harness.Given(new ApplyStatus("wamid.m1", scenario.Statuses[i]));
                }
            }

            var replays = scenario.Statuses.Select(status => (ConversationCommand)new ApplyStatus("wamid.m1", status))
                .Append(new RecordSent("m-1", "wamid.m1"));
            var replaysChangeNothing = replays.All(replay => harness.When(replay) is { IsRejected: false, Events.Count: 0 });

            return FinalStatus(harness) == Expected(scenario) && replaysChangeNothing;
        });

        Check.One(ConversationGenerators.Config, property);
    }

    /// <summary>
    /// The rule stated independently of the grain: failed wins if it came while the message was at
    /// most sent; otherwise the highest of the rest (played means read for anything but a voice note).
    /// </summary>
    private static MessageStatus Expected(Scenario scenario)
    {
        var statuses = scenario.Statuses
            .Select(status => status == MessageStatus.Played && !scenario.VoiceNote ? MessageStatus.Read : status)
            .ToList();
        var firstFailed = statuses.IndexOf(MessageStatus.Failed);
        var firstBeyondSent = statuses.FindIndex(status => status is MessageStatus.Delivered or MessageStatus.Read or MessageStatus.Played);
        if (firstFailed >= 0 && (firstBeyondSent < 0 || firstFailed < firstBeyondSent))
        {
            return MessageStatus.Failed;
        }

        return statuses.Where(status => status != MessageStatus.Failed).Append(MessageStatus.Sent).Max();
    }

    private static MessageStatus FinalStatus(ConversationHarness harness) => harness.History
        .Select(@event => @event switch
        {
            MessageSent => MessageStatus.Sent,
            MessageStatusChanged changed => changed.Status,
            _ => (MessageStatus?)null,
        })
        .Last(status => status is not null)!.Value;
}
