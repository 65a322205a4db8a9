using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Switchboard.Storage.Channels;
using Switchboard.Storage.Media;
using Switchboard.Storage.Postgres;
using Switchboard.Storage.Redis;
using Switchboard.Storage.Templates;
using Switchboard.Storage.Timers;

namespace Switchboard.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// What every process of the cluster (Api and Silo) reads and writes: PostgreSQL (migrated on
    /// start under an advisory lock), Redis, the stores, and readiness checks tagged <c>ready</c>.
    /// </summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PostgresOptions>().Bind(configuration.GetSection(PostgresOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RedisOptions>().Bind(configuration.GetSection(RedisOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp =>
        {
            var builder = new NpgsqlDataSourceBuilder(sp.GetRequiredService<IOptions<PostgresOptions>>().Value.ConnectionString);
            // Nothing here sets session state, so a pooled connection needs no DISCARD ALL on return;
            // prepared statements then save a parse on every turn's few, always identical, statements.
            builder.ConnectionStringBuilder.NoResetOnClose = true;
            // Group commit tells whose turn a refused statement was by the statement itself.
            builder.ConnectionStringBuilder.IncludeFailedBatchedCommand = true;
            if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0)
            {
                builder.ConnectionStringBuilder.MaxAutoPrepare = 64;
            }

            builder.UseLoggerFactory(sp.GetRequiredService<ILoggerFactory>());
            return builder.Build();
        });
        services.AddSingleton<MigrationRunner>();

        // Registered first so the schema exists before any other hosted service (Orleans included) starts.
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService, MigrationHostedService>());

        services.AddSingleton<RedisConnection>();
        services.AddSingleton<ChannelStore>();
        services.AddSingleton<MediaStore>();
        services.AddSingleton<TemplateCatalog>();
        services.AddSingleton<TemplateStatusStore>();
        services.AddSingleton<DueTimeIndex>();

        services.AddHealthChecks()
            .AddCheck<PostgresHealthCheck>("postgres", tags: ["ready"])
            .AddCheck<RedisHealthCheck>("redis", tags: ["ready"]);
        return services;
    }
}
