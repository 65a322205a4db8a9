using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Channels.WhatsApp;
using Switchboard.Cluster.Channels;
using Switchboard.Cluster.Conversations;
using Switchboard.Cluster.Delivery;
using Switchboard.Cluster.Ingestion;
using Switchboard.Cluster.Media;
using Switchboard.Cluster.Templates;
using Switchboard.Grains.Conversations;
using Switchboard.Runtime.Hosting;

namespace Switchboard.Cluster;

public static class ClusterServiceCollectionExtensions
{
    /// <summary>
    /// What every node needs, Api or Silo: the runtime, the grains with their projections and
    /// side-effect routes (a turn on any node writes the work rows), the WhatsApp channel, and
    /// the stores and ingestion steps shared by both.
    /// </summary>
    public static IServiceCollection AddCluster(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddGrainRuntime(configuration);
        services.AddWhatsAppChannel(configuration);

        services.AddGrain(new ConversationGrain());
        services.AddGrainProjection<ConversationState, ConversationEvent, ConversationProjection>();
        services.AddSideEffectRoute("conversation", nameof(MessageQueued), OutboundSender.HandlerName);
        services.AddSideEffectRoute("conversation", nameof(ConversationRead), ReadReceiptSender.HandlerName);

        services.AddSingleton<ChannelStore>();
        services.AddSingleton<MediaStore>();
        services.AddSingleton<TemplateCatalog>();
        services.AddSingleton<TemplateStatusStore>();
        services.AddSingleton<TemplateStatusNotifier>();
        services.AddSingleton<WebhookIntake>();
        services.AddSingleton<WebhookProcessor>();
        services.AddSingleton<InboxCompletions>();
        services.AddHostedService(sp => sp.GetRequiredService<InboxCompletions>());
        services.AddSingleton<InboundMediaFetcher>();
        services.AddSingleton<ProviderMediaUploader>();
        services.AddSingleton<ConversationMessageLookup>();
        return services;
    }

    /// <summary>The silo's side: send handlers, and the sweeper for webhooks an Api node left unprocessed.</summary>
    public static IServiceCollection AddClusterWorkers(this IServiceCollection services)
    {
        services.AddSiloWorkers();
        services.AddWorkHandler<OutboundSender>();
        services.AddWorkHandler<ReadReceiptSender>();
        services.AddHostedService<WebhookInboxSweeper>();
        return services;
    }
}
