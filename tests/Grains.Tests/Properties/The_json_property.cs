using FsCheck;
using FsCheck.Fluent;
using Switchboard.Grains.Abstractions;
using Switchboard.Grains.Conversations;
using Switchboard.Grains.Messages;
using Switchboard.Grains.Tests.Conversations;
using static Switchboard.Grains.Tests.Conversations.Scene;

namespace Switchboard.Grains.Tests.Properties;

public sealed class The_json_property
{
    /// <summary>One step of anything a conversation may be asked; <paramref name="A"/> and <paramref name="B"/> pick its details.</summary>
    private sealed record Op(int Kind, int A, int B);

    private const int Kinds = 22;

    private static readonly Gen<Op> Ops =
        from kind in Gen.Choose(0, Kinds - 1)
        from a in Gen.Choose(0, 1000)
        from b in Gen.Choose(0, 1000)
        select new Op(kind, a, b);

    private static readonly AgentRef[] Agents = [Ana, Ben, Cleo];

    [Fact]
    public void After_any_commands_the_state_round_trips_through_json_and_decides_the_same()
    {
        var property = Prop.ForAll(ConversationGenerators.ArrayOf(Ops, 50), ops =>
        {
            var harness = new ConversationHarness();
            var n = 0;
            foreach (var op in ops)
            {
                n++;
                if (op.Kind == Kinds - 1)
                {
                    harness.Advance(TimeSpan.FromMinutes(op.A * 3));
                    continue;
                }

                var command = ToCommand(op, harness, n);
                var loaded = ContractJsonAssert.RoundTrip(harness.State);
                ContractJsonAssert.RoundTrips(harness.State);
                ContractJsonAssert.RoundTrips(command);

                var onLoaded = harness.Rules.Decide(loaded, command, harness.Now);
                var decision = harness.When(command);
                Assert.Equal(Describe(decision), Describe(onLoaded));
                foreach (var @event in decision.Events)
                {
                    ContractJsonAssert.RoundTrips(@event);
                }

                AssertBounded(harness.State);
            }

            ContractJsonAssert.RoundTrips(harness.State);
        });

        Check.One(ConversationGenerators.Config.WithMaxTest(200), property);
    }

    private static string Describe(Decision<ConversationEvent> decision) =>
        decision.Rejection?.Code ?? ContractJsonAssert.Serialize(decision.Events);

    private static void AssertBounded(ConversationState state)
    {
        Assert.InRange(state.Held.Count, 0, ConversationLimits.MaxHeldMessages);
        Assert.InRange(state.Scheduled.Count, 0, ConversationLimits.MaxScheduledMessages);
        Assert.InRange(state.InFlight.Count, 0, ConversationLimits.MaxInFlight);
        Assert.InRange(state.DeferredStatuses.Count, 0, ConversationLimits.MaxDeferredStatuses);
        Assert.InRange(state.RecentlySettled.Count, 0, ConversationLimits.MaxRecentlySettled);
        Assert.InRange(state.Participants.Count, 0, ConversationLimits.MaxParticipants);
        Assert.InRange(state.Labels.Count, 0, ConversationLimits.MaxLabels);
    }

    private static ConversationCommand ToCommand(Op op, ConversationHarness harness, int n)
    {
        var state = harness.State;
        var now = harness.Now;
        var agent = Agents[op.A % Agents.Length];
        var inFlight = state.InFlight.Count > 0 ? state.InFlight[op.A % state.InFlight.Count] : null;
        return op.Kind switch
        {
            0 => Inbound($"wamid.{n}", now - TimeSpan.FromMinutes(op.A * 2), now, Content(op.B)),
            1 => StartWithTemplate($"tpl-{n}"),
            2 => Reply($"r-{n}", hold: op.B % 2 == 0),
            3 => Send($"m-{n}", Content(op.B)),
            4 => new RecordSent(inFlight?.MessageId ?? $"m-{op.A}", $"wamid.out.{op.B % 20}"),
            5 => new RecordSendFailed(inFlight?.MessageId ?? $"m-{op.A}", new ProviderError(131026 + op.B % 3, "title", op.B % 2 == 0 ? "details" : null)),
            6 => new ApplyStatus($"wamid.out.{op.A % 20}", (MessageStatus)new[] { 2, 3, 4, 5, 9 }[op.B % 5], now, op.B % 5 == 4 ? new ProviderError(131047, "Re-engagement") : null),
            7 => new Assign(op.B % 4 == 0 ? null : agent, ByAna),
            8 => new AddParticipant(agent, ByAna),
            9 => new RemoveParticipant(agent.Id, ByAna),
            10 => new Leave(agent, op.B % 2 == 0 ? new LeaveMessage($"bye-{n}", "Bye") : null),
            11 => new SetStatus((ConversationStatus)(op.B % 4), ByAna, op.B % 4 == 3 ? now + TimeSpan.FromMinutes(op.A + 1) : null),
            12 => new SetLabels(new[] { "vip", "billing", "refund", "new" }.Where((_, i) => (op.A >> i & 1) == 1).ToList(), ByAna),
            13 => new AddNote($"note-{n}", agent, "A note"),
            14 => new MarkRead(agent.Id),
            15 => new ScheduleMessage($"s-{n}", Content(op.B), now + TimeSpan.FromMinutes(op.A + 1), ByAna, op.B % 2 == 0 ? Template("fallback") : null),
            16 => new CancelScheduledMessage(state.Scheduled.Count > 0 ? state.Scheduled[op.A % state.Scheduled.Count].Id : "s-none", ByAna),
            17 => new StartBot($"flow-{op.A % 3}", "step-1", op.B % 2 == 0 ? now + TimeSpan.FromMinutes(op.B % 60 + 1) : null),
            18 => new AdvanceBot($"step-{op.A % 5}", op.B % 2 == 0 ? now + TimeSpan.FromMinutes(op.B % 60 + 1) : null),
            19 => new ExitBot(ByAna, op.B % 2 == 0 ? "Customer asked for a human" : null),
            _ => new CancelHeldMessage(state.Held.Count > 0 ? state.Held[op.A % state.Held.Count].Id : "held-none", ByAna),
        };
    }

    private static MessageContent Content(int pick) => (pick % 8) switch
    {
        0 => new TextContent("Hello", PreviewUrl: true),
        1 => new ImageContent(new MediaRef(MediaId: "img", MimeType: "image/jpeg", Size: 1234), "caption"),
        2 => new AudioContent(new MediaRef(MediaId: "voice"), Voice: true),
        3 => new TemplateContent("order_update", "en_US", new TemplateParameters(["Ana", "42"], new TemplateHeaderParameter("Hi"), [new TemplateButtonParameter(0, "url", "abc")]), "Hi Ana"),
        4 => new ReactionContent("wamid.in", "👍"),
        5 => new InteractiveListContent("Pick", "Options", [new ListSection("S", [new ListRow("1", "One", "first")])]),
        6 => new LocationContent(52.1, 4.3, "Office", "Main st"),
        _ => new ContactsContent([new ContactCard(new ContactName("Ana", "Ana"), [new ContactPhone("+15550001111", "15550001111", "CELL")])]),
    };
}
