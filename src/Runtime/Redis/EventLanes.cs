using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Switchboard.Runtime.Events;

namespace Switchboard.Runtime.Redis;

/// <summary>
/// Takes events off the multiplexer's thread into a fixed set of lanes, each drained by one
/// loop. A grain's events always take the same lane, so a subscriber handles them in the order
/// they were published (a screen never sees "read" before "sent"); different grains' events
/// are handled in parallel, and a slow subscriber never stalls Redis.
/// </summary>
internal sealed partial class EventLanes : IAsyncDisposable
{
    private readonly Channel<EventEnvelope>[] lanes;
    private readonly Task[] loops;
    private readonly ILogger logger;

    public EventLanes(int count, Func<EventEnvelope, Task> onEvent, ILogger logger)
    {
        this.logger = logger;
        lanes = new Channel<EventEnvelope>[count];
        loops = new Task[count];
        for (var i = 0; i < count; i++)
        {
            var lane = Channel.CreateUnbounded<EventEnvelope>(new UnboundedChannelOptions { SingleReader = true });
            lanes[i] = lane;
            loops[i] = Task.Run(() => DrainAsync(lane.Reader, onEvent));
        }
    }

    public void Post(EventEnvelope envelope)
    {
        var lane = (uint)HashCode.Combine(envelope.TenantId, envelope.GrainType, envelope.GrainKey) % (uint)lanes.Length;
        lanes[lane].Writer.TryWrite(envelope);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var lane in lanes)
        {
            lane.Writer.TryComplete();
        }

        await Task.WhenAll(loops);
    }

    private async Task DrainAsync(ChannelReader<EventEnvelope> reader, Func<EventEnvelope, Task> onEvent)
    {
        await foreach (var envelope in reader.ReadAllAsync())
        {
            try
            {
                await onEvent(envelope);
            }
            catch (Exception ex)
            {
                // One event's failure must not stop its lane: later events of the grain still flow.
                LogHandlerFailed(logger, envelope.EventId, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A subscriber failed on event {EventId}")]
    private static partial void LogHandlerFailed(ILogger logger, Guid eventId, Exception exception);
}
