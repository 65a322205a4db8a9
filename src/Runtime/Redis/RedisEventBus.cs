using System.Text.Json;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using Switchboard.Grains.Json;
using Switchboard.Runtime.Events;

namespace Switchboard.Runtime.Redis;

/// <summary>
/// Redis pub/sub: one channel per tenant (<c>{prefix}events:{tenant}</c>); subscribers take
/// them all with one pattern. Pub/sub keeps nothing for a subscriber that is away — which
/// is fine here, because screens re-sync by sequence from PostgreSQL.
/// </summary>
public sealed partial class RedisEventBus(RedisConnection connection, ILogger<RedisEventBus> logger) : IEventBus
{
    /// <summary>How many grains' events a subscriber handles at once (each grain's in order).</summary>
    private const int Lanes = 16;

    public async Task PublishAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        var multiplexer = await connection.GetAsync();
        var json = JsonSerializer.Serialize(envelope, ContractJson.Options);
        await multiplexer.GetSubscriber().PublishAsync(ChannelFor(envelope.TenantId), json).WaitAsync(cancellationToken);
    }

    public async Task<IAsyncDisposable> SubscribeAsync(Func<EventEnvelope, Task> onEvent, CancellationToken cancellationToken)
    {
        var multiplexer = await connection.GetAsync();
        var subscriber = multiplexer.GetSubscriber();
        var pattern = new RedisChannel(connection.Prefix + "events:*", RedisChannel.PatternMode.Pattern);
        var lanes = new EventLanes(Lanes, onEvent, logger);
        Action<RedisChannel, RedisValue> handler = (channel, value) =>
        {
            EventEnvelope? envelope;
            try
            {
                envelope = JsonSerializer.Deserialize<EventEnvelope>((string)value!, ContractJson.Options);
            }
            catch (JsonException ex)
            {
                LogMalformed(logger, ex);
                return;
            }

            if (envelope is not null)
            {
                lanes.Post(envelope);
            }
        };
        try
        {
            await subscriber.SubscribeAsync(pattern, handler).WaitAsync(cancellationToken);
        }
        catch
        {
            await lanes.DisposeAsync();
            throw;
        }

        return new Subscription(subscriber, pattern, handler, lanes);
    }

    private RedisChannel ChannelFor(string tenantId) => new(connection.Prefix + "events:" + tenantId, RedisChannel.PatternMode.Literal);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped a malformed event from the bus")]
    private static partial void LogMalformed(ILogger logger, Exception exception);

    private sealed class Subscription(ISubscriber subscriber, RedisChannel pattern, Action<RedisChannel, RedisValue> handler, EventLanes lanes) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await subscriber.UnsubscribeAsync(pattern, handler);
            }
            finally
            {
                await lanes.DisposeAsync();
            }
        }
    }
}
