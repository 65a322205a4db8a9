using Switchboard.Channels.WhatsApp.Webhooks;
using Switchboard.Grains.Messages;

namespace Switchboard.Channels.WhatsApp.Tests.Webhooks;

/// <summary>One POST may carry many entries, changes, messages and statuses; none is skipped.</summary>
public sealed class BatchParsingTests
{
    private static WebhookNotification Batch => Corpus.Parse("multi_entry_batch.json");

    [Fact]
    public void Every_message_of_every_entry_and_change_is_parsed()
    {
        var bodies = Batch.Messages.Select(m => Assert.IsType<TextContent>(m.Content).Body);

        Assert.Equal(["first", "second", "third"], bodies);
    }

    [Fact]
    public void Every_status_of_every_change_is_parsed() =>
        Assert.Equal(["delivered", "read"], Batch.Statuses.Select(s => s.Status));

    [Fact]
    public void Each_message_keeps_the_number_and_waba_it_arrived_on()
    {
        var origins = Batch.Messages.Select(m => (m.Origin.WabaId, m.Origin.PhoneNumberId)).ToList();

        Assert.Equal(
            [("102290129340398", "106540352242922"), ("102290129340398", "106540352242922"), ("302290129340777", "206540352242999")],
            origins);
        Assert.Equal(["106540352242922", "206540352242999"], Batch.PhoneNumberIds);
    }

    [Fact]
    public void Each_sender_gets_the_profile_name_of_its_own_contact_entry() =>
        Assert.Equal(["Sheena Nelson", "Ravi", "Marta"], Batch.Messages.Select(m => m.ProfileName));

    [Fact]
    public void An_account_level_change_in_the_same_batch_is_parsed_too()
    {
        var update = Assert.Single(Batch.TemplateStatusUpdates);

        Assert.Equal("welcome", update.Name);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1750100005), update.Origin.EntryTime);
    }
}
