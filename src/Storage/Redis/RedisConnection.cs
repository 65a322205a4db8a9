using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Switchboard.Storage.Redis;

/// <summary>
/// The process's one multiplexer. It never aborts on a failed connect: Redis being down
/// must not stop a node from starting or from serving live chat, and the multiplexer
/// reconnects by itself when Redis returns.
/// </summary>
public sealed class RedisConnection(IOptions<RedisOptions> options) : IAsyncDisposable
{
    private readonly SemaphoreSlim connecting = new(1, 1);
    private ConnectionMultiplexer? multiplexer;

    public string Prefix => options.Value.Prefix;

    public async Task<ConnectionMultiplexer> GetAsync()
    {
        if (multiplexer is { } ready)
        {
            return ready;
        }

        await connecting.WaitAsync();
        try
        {
            if (multiplexer is null)
            {
                var configuration = ConfigurationOptions.Parse(options.Value.Configuration);
                configuration.AbortOnConnectFail = false;
                configuration.ConnectTimeout = 2000;
                configuration.SyncTimeout = 2000;
                multiplexer = await ConnectionMultiplexer.ConnectAsync(configuration);
            }

            return multiplexer;
        }
        finally
        {
            connecting.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (multiplexer is not null)
        {
            await multiplexer.CloseAsync();
            multiplexer.Dispose();
        }

        connecting.Dispose();
    }
}
