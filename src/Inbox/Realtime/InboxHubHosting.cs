using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Switchboard.Inbox.Conversations;
using BackplaneOptions = Microsoft.AspNetCore.SignalR.StackExchangeRedis.RedisOptions;
using StorageRedisOptions = Switchboard.Storage.Redis.RedisOptions;

namespace Switchboard.Inbox.Realtime;

public static class InboxHubHosting
{
    /// <summary>
    /// SignalR on the Redis backplane, the same on Api nodes (which serve the hub) and silos (which
    /// publish to it): the same protocol options and the same channel prefix, or messages from one
    /// side are dropped by the other. Redis being down must not stop a process from starting.
    /// </summary>
    public static IServiceCollection AddInboxHub(this IServiceCollection services)
    {
        services.AddSignalR()
            .AddJsonProtocol(o => WireJson.Configure(o.PayloadSerializerOptions))
            .AddStackExchangeRedis();
        services.AddOptions<BackplaneOptions>().Configure<IOptions<StorageRedisOptions>>((backplane, redis) =>
        {
            backplane.Configuration = ConfigurationOptions.Parse(redis.Value.Configuration);
            backplane.Configuration.AbortOnConnectFail = false;
            backplane.Configuration.ChannelPrefix = RedisChannel.Literal(redis.Value.Prefix + "hub:");
        });
        services.AddSingleton<ConversationQueries>();
        services.AddSingleton<ConversationSnapshots>();
        services.AddSingleton<InboxPublisher>();
        return services;
    }
}
