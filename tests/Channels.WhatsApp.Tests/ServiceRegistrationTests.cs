using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Switchboard.Channels.WhatsApp.Client;
using Switchboard.Channels.WhatsApp.Media;

namespace Switchboard.Channels.WhatsApp.Tests;

/// <summary>What the Api and Silo get from AddWhatsAppChannel.</summary>
public sealed class ServiceRegistrationTests
{
    [Fact]
    public void The_channel_registration_provides_the_client_and_the_media_rules()
    {
        using var services = new ServiceCollection().AddLogging().AddWhatsAppChannel().BuildServiceProvider();

        Assert.NotNull(services.GetRequiredService<WhatsAppClient>());
        Assert.NotNull(services.GetRequiredService<MediaRules>());
    }

    [Fact]
    public void Options_are_bound_from_the_whatsapp_configuration_sections()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["WhatsApp:Client:DefaultApiVersion"] = "v23.0",
            ["WhatsApp:Client:RequestTimeout"] = "00:00:05",
            ["WhatsApp:Media:GifToMp4ConversionAvailable"] = "true",
        }).Build();

        using var services = new ServiceCollection().AddLogging().AddWhatsAppChannel(configuration).BuildServiceProvider();

        var client = services.GetRequiredService<IOptions<WhatsAppClientOptions>>().Value;
        Assert.Equal("v23.0", client.DefaultApiVersion);
        Assert.Equal(TimeSpan.FromSeconds(5), client.RequestTimeout);
        Assert.True(services.GetRequiredService<IOptions<MediaRulesOptions>>().Value.GifToMp4ConversionAvailable);
    }

    [Fact]
    public void A_zero_timeout_is_refused_when_options_are_read()
    {
        using var services = new ServiceCollection().AddLogging().AddWhatsAppChannel(o => o.RequestTimeout = TimeSpan.Zero).BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<WhatsAppClientOptions>>().Value);
    }
}
