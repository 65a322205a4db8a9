using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Switchboard.Delivery;
using Switchboard.Grains.Conversations;
using Switchboard.Grains.Timers;
using Switchboard.Inbox.Realtime;
using Switchboard.Storage;
using Switchboard.Storage.Cluster;

namespace Switchboard.Grains.Hosting;

/// <summary>
/// What a silo needs to host our grains, in two halves so a test cluster (which brings its own
/// membership) composes exactly what a real silo does: the services grains use, and the Orleans
/// pieces (storage, reminders, the contract serializer).
/// </summary>
public static class SiloComposition
{
    /// <summary>Storage, delivery to the provider, the hub's backplane, the rules, and the sweepers' keep-alive.</summary>
    public static IServiceCollection AddGrainServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddStorage(configuration);
        services.AddDelivery(configuration);
        services.AddInboxHub();
        services.AddSingleton<ConversationDecider>();
        services.AddOptions<DueTimeSweeperOptions>().Bind(configuration.GetSection(DueTimeSweeperOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddHostedService<DueTimeSweepers>();
        return services;
    }

    public static ISiloBuilder AddGrainRuntime(this ISiloBuilder silo)
    {
        silo.UseClusterStorage();
        silo.Services.AddSerializer(serializer => serializer.AddGrainContracts());
        return silo;
    }
}
