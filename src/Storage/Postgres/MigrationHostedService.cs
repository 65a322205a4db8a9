using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Switchboard.Storage.Postgres;

/// <summary>
/// Applies migrations before the host serves anything: hosted services start in
/// registration order and this one is registered first.
/// </summary>
internal sealed class MigrationHostedService(MigrationRunner runner, IOptions<PostgresOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.MigrateOnStart)
        {
            await runner.ApplyAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
