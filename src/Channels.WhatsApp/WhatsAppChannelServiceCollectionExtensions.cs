using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Switchboard.Channels.WhatsApp.Client;
using Switchboard.Channels.WhatsApp.Media;

namespace Switchboard.Channels.WhatsApp;

public static class WhatsAppChannelServiceCollectionExtensions
{
    /// <summary>
    /// Registers the WhatsApp channel: the typed <see cref="WhatsAppClient"/> (one client for every
    /// tenant's numbers; safe to hold in a singleton) and <see cref="MediaRules"/>. Webhook signature,
    /// verification and parsing are static and need no registration.
    /// </summary>
    public static IServiceCollection AddWhatsAppChannel(
        this IServiceCollection services,
        Action<WhatsAppClientOptions>? configureClient = null,
        Action<MediaRulesOptions>? configureMedia = null)
    {
        ArgumentNullException.ThrowIfNull(services);

        var client = services.AddOptions<WhatsAppClientOptions>()
            .Validate(o => o.RequestTimeout > TimeSpan.Zero && o.MediaTransferTimeout > TimeSpan.Zero, "WhatsApp client timeouts must be positive.")
            .Validate(o => o.TemplatePageSize is > 0 and <= 1000, "WhatsApp:Client:TemplatePageSize must be between 1 and 1000.")
            .Validate(o => o.DefaultGraphBaseUrl.IsAbsoluteUri && !string.IsNullOrWhiteSpace(o.DefaultApiVersion), "WhatsApp:Client needs an absolute DefaultGraphBaseUrl and a DefaultApiVersion.")
            .ValidateOnStart();
        if (configureClient is not null)
        {
            client.Configure(configureClient);
        }

        var media = services.AddOptions<MediaRulesOptions>();
        if (configureMedia is not null)
        {
            media.Configure(configureMedia);
        }

        // The client enforces its own per-call timeouts (RequestTimeout, MediaTransferTimeout) so
        // that a timeout becomes an "outcome unknown" result; HttpClient's own would only race it.
        // Connections are recycled by the handler itself (not by IHttpClientFactory rotation), so a
        // WhatsAppClient held by a singleton still notices DNS changes of graph.facebook.com.
        services.AddHttpClient<WhatsAppClient>(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                ConnectTimeout = TimeSpan.FromSeconds(10),
            })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        services.TryAddSingleton<MediaRules>();
        return services;
    }

    /// <summary>The same, with options bound from configuration sections WhatsApp:Client and WhatsApp:Media.</summary>
    public static IServiceCollection AddWhatsAppChannel(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddWhatsAppChannel();
        services.Configure<WhatsAppClientOptions>(configuration.GetSection(WhatsAppClientOptions.SectionName));
        services.Configure<MediaRulesOptions>(configuration.GetSection(MediaRulesOptions.SectionName));
        return services;
    }
}
