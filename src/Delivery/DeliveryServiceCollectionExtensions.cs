using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Channels.WhatsApp;
using Switchboard.Delivery.Pacing;

namespace Switchboard.Delivery;

public static class DeliveryServiceCollectionExtensions
{
    /// <summary>The provider side of conversations, for the silos that host them.</summary>
    public static IServiceCollection AddDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddWhatsAppChannel(configuration);
        services.AddSingleton<IRateLimiter, RedisRateLimiter>();
        services.AddSingleton<ConversationMessageLookup>();
        services.AddSingleton<ProviderMediaUploader>();
        services.AddSingleton<OutboundSender>();
        services.AddSingleton<ReadReceiptSender>();
        services.AddSingleton<InboundMediaFetcher>();
        return services;
    }
}
