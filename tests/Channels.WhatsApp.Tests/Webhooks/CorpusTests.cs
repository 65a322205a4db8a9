using System.Text.Json;
using Switchboard.Channels.WhatsApp.Webhooks;

namespace Switchboard.Channels.WhatsApp.Tests.Webhooks;

/// <summary>Properties every recorded payload must have: it parses, and nothing in it is dropped.</summary>
public sealed class CorpusTests
{
    public static TheoryData<string> Files => new(Corpus.FileNames);

    [Fact]
    public void The_corpus_is_not_empty() => Assert.True(Corpus.FileNames.Count() >= 30);

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_payload_parses(string file) =>
        Assert.IsType<WebhookParseResult.Parsed>(WebhookParser.Parse(Corpus.Bytes(file)));

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_message_and_status_item_becomes_exactly_one_event_with_its_raw_json(string file)
    {
        using var document = JsonDocument.Parse(Corpus.Bytes(file));
        var rawItems = document.RootElement.GetProperty("entry").EnumerateArray()
            .SelectMany(entry => entry.GetProperty("changes").EnumerateArray())
            .Select(change => change.GetProperty("value"))
            .SelectMany(value => new[] { "messages", "statuses" }
                .Where(name => value.TryGetProperty(name, out _))
                .SelectMany(name => value.GetProperty(name).EnumerateArray()))
            .Select(item => item.GetRawText())
            .Order(StringComparer.Ordinal)
            .ToList();

        var events = Corpus.Parse(file).Events
            .Where(e => e is InboundMessage or StatusUpdate)
            .Select(e => e.RawJson)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(rawItems, events);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_change_yields_at_least_one_event_for_its_field(string file)
    {
        using var document = JsonDocument.Parse(Corpus.Bytes(file));
        var fields = document.RootElement.GetProperty("entry").EnumerateArray()
            .SelectMany(entry => entry.GetProperty("changes").EnumerateArray())
            .Select(change => change.GetProperty("field").GetString() ?? "")
            .ToHashSet();

        var eventFields = Corpus.Parse(file).Events.Select(e => e.Origin.Field).ToHashSet();

        Assert.Subset(eventFields, fields);
    }
}
