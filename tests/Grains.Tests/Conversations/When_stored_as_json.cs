using System.Reflection;
using System.Text.Json.Serialization;
using Switchboard.Grains.Conversations;
using Switchboard.Grains.Messages;
using static Switchboard.Grains.Tests.Conversations.Scene;

namespace Switchboard.Grains.Tests.Conversations;

public sealed class When_stored_as_json
{
    /// <summary>A conversation with something in every part of its state.</summary>
    private static ConversationHarness Busy()
    {
        var harness = CustomerWrote().Given(
            Send("voice-1", new AudioContent(new MediaRef(MediaId: "m-1", MimeType: "audio/ogg"), Voice: true)),
            new RecordSent("voice-1", "wamid.voice"));
        harness.Advance(TimeSpan.FromHours(30));
        var later = harness.Now;
        return harness.Given(
            Reply("held-1", hold: true),
            Reply("held-2", hold: true),
            new Assign(Ana, ByAna),
            new AddParticipant(Cleo, ByAna),
            new SetLabels(["vip", "billing"], ByAna),
            new StartBot("welcome", "ask", later + TimeSpan.FromMinutes(5)),
            new SetStatus(ConversationStatus.Snoozed, ByAna, later + TimeSpan.FromHours(1)),
            new ApplyStatus("wamid.unknown", MessageStatus.Failed, later, new ProviderError(131026, "Undeliverable", "details")),
            new ScheduleMessage("s-1", new TextContent("Later"), later + Day, ByAna, Template()),
            Inbound("wamid.sys", later, content: new SystemContent("User changed number", "user_changed_number", "15550009999")));
    }

    [Fact]
    public void A_busy_state_round_trips_unchanged()
    {
        ContractJsonAssert.RoundTrips(Busy().State);
    }

    [Fact]
    public void A_state_whose_keys_were_reordered_by_jsonb_still_loads()
    {
        var state = Busy().State;
        var json = System.Text.Json.JsonSerializer.Serialize(state, Json.ContractJson.Options);

        // jsonb sorts keys (shorter first), so "type" discriminators no longer lead their objects.
        var reordered = Reorder(System.Text.Json.Nodes.JsonNode.Parse(json)!).ToJsonString();
        var loaded = System.Text.Json.JsonSerializer.Deserialize<ConversationState>(reordered, Json.ContractJson.Options)!;

        Assert.Equal(json, System.Text.Json.JsonSerializer.Serialize(loaded, Json.ContractJson.Options));
    }

    [Fact]
    public void A_state_read_back_decides_the_same()
    {
        var harness = Busy();
        var loaded = ContractJsonAssert.RoundTrip(harness.State);

        var original = harness.Rules.Decide(harness.State, Inbound("wamid.9", harness.Now), harness.Now);
        var reloaded = harness.Rules.Decide(loaded, Inbound("wamid.9", harness.Now), harness.Now);

        Assert.Equal(ContractJsonAssert.Serialize(original.Events), ContractJsonAssert.Serialize(reloaded.Events));
    }

    [Fact]
    public void Every_event_round_trips_with_its_type()
    {
        foreach (var @event in Busy().History)
        {
            ContractJsonAssert.RoundTrips(@event);
        }
    }

    [Fact]
    public void Events_carry_a_stable_snake_case_type()
    {
        var json = ContractJsonAssert.Serialize<ConversationEvent>(new WindowClosed(T0));

        Assert.StartsWith("{\"type\":\"window_closed\"", json);
    }

    [Fact]
    public void Channel_types_are_written_as_their_names()
    {
        Assert.Contains("\"channelType\":\"whatsapp\"", ContractJsonAssert.Serialize(WhatsApp));
    }

    [Fact]
    public void A_state_missing_newer_fields_loads_with_their_defaults()
    {
        var state = System.Text.Json.JsonSerializer.Deserialize<ConversationState>("{\"status\":\"resolved\"}", Json.ContractJson.Options)!;

        Assert.Equal(ConversationStatus.Resolved, state.Status);
        Assert.Empty(state.Held);
        Assert.Equal(ServiceWindow.Never, state.Window);
    }

    [Theory]
    [InlineData(typeof(ConversationCommand))]
    [InlineData(typeof(ConversationEvent))]
    public void Every_command_and_event_type_is_registered_for_json(Type baseType)
    {
        var registered = baseType.GetCustomAttributes<JsonDerivedTypeAttribute>().Select(attribute => attribute.DerivedType).ToHashSet();
        var defined = baseType.Assembly.GetTypes().Where(type => type.IsSubclassOf(baseType) && !type.IsAbstract);

        Assert.All(defined, type => Assert.Contains(type, registered));
    }

    private static System.Text.Json.Nodes.JsonNode Reorder(System.Text.Json.Nodes.JsonNode node) => node switch
    {
        System.Text.Json.Nodes.JsonObject o => new System.Text.Json.Nodes.JsonObject(
            o.OrderBy(p => p.Key.Length).ThenBy(p => p.Key, StringComparer.Ordinal)
             .Select(p => KeyValuePair.Create(p.Key, p.Value is null ? null : Reorder(p.Value.DeepClone())))),
        System.Text.Json.Nodes.JsonArray a => new System.Text.Json.Nodes.JsonArray(a.Select(i => i is null ? null : Reorder(i.DeepClone())).ToArray()),
        _ => node.DeepClone(),
    };
}
