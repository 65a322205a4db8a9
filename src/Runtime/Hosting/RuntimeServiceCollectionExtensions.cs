using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Switchboard.Grains.Abstractions;
using Switchboard.Runtime.Events;
using Switchboard.Runtime.Grains;
using Switchboard.Runtime.Health;
using Switchboard.Runtime.Outbox;
using Switchboard.Runtime.RateLimiting;
using Switchboard.Runtime.Redis;
using Switchboard.Runtime.Reminders;
using Switchboard.Runtime.Storage;
using Switchboard.Runtime.Work;

namespace Switchboard.Runtime.Hosting;

public static class RuntimeServiceCollectionExtensions
{
    /// <summary>
    /// What every node that runs turns needs: PostgreSQL (with migrations on start), the
    /// grain runtime and its post-commit publisher, the Redis event bus and rate limiter,
    /// and readiness checks tagged <c>ready</c>.
    /// </summary>
    public static IServiceCollection AddGrainRuntime(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PostgresOptions>().Bind(configuration.GetSection(PostgresOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RedisOptions>().Bind(configuration.GetSection(RedisOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection(OutboxOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ReminderOptions>().Bind(configuration.GetSection(ReminderOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<WorkOptions>().Bind(configuration.GetSection(WorkOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp =>
        {
            var builder = new NpgsqlDataSourceBuilder(sp.GetRequiredService<IOptions<PostgresOptions>>().Value.ConnectionString);
            builder.UseLoggerFactory(sp.GetRequiredService<ILoggerFactory>());
            return builder.Build();
        });
        services.AddSingleton<MigrationRunner>();

        // Registered first so the schema exists before any other hosted service starts.
        services.Insert(0, ServiceDescriptor.Singleton<Microsoft.Extensions.Hosting.IHostedService, MigrationHostedService>());

        services.AddSingleton<RedisConnection>();
        services.AddSingleton<IEventBus, RedisEventBus>();
        services.AddSingleton<IRateLimiter, RedisRateLimiter>();

        services.AddSingleton<SideEffectRoutes>();
        services.AddSingleton<OutboxPublisher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxPublisher>());
        services.AddSingleton<GrainRuntime>();

        services.AddHealthChecks()
            .AddCheck<PostgresHealthCheck>("postgres", tags: ["ready"])
            .AddCheck<RedisHealthCheck>("redis", tags: ["ready"]);
        return services;
    }

    /// <summary>The silo's background workers: reminders, side effects, and the outbox relay.</summary>
    public static IServiceCollection AddSiloWorkers(this IServiceCollection services)
    {
        services.AddSingleton<ReminderScanner>();
        services.AddHostedService(sp => sp.GetRequiredService<ReminderScanner>());
        services.AddSingleton<WorkDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<WorkDispatcher>());
        services.AddSingleton<OutboxRelay>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxRelay>());
        return services;
    }

    /// <summary>Hosts a grain type: injectable as itself and findable by name for its reminders.</summary>
    public static IServiceCollection AddGrain<TState, TCommand, TEvent>(this IServiceCollection services, IGrainType<TState, TCommand, TEvent> grain)
        where TState : class
        where TCommand : class
        where TEvent : class
    {
        services.AddSingleton(grain);
        services.AddSingleton(grain.GetType(), grain);
        services.AddSingleton<IHostedGrain>(new HostedGrain<TState, TCommand, TEvent>(grain));
        return services;
    }

    public static IServiceCollection AddSideEffectRoute(this IServiceCollection services, string grainType, string eventType, string handler)
    {
        services.AddSingleton(new SideEffectRoute(grainType, eventType, handler));
        return services;
    }

    public static IServiceCollection AddWorkHandler<THandler>(this IServiceCollection services)
        where THandler : class, IWorkHandler
    {
        services.AddSingleton<IWorkHandler, THandler>();
        return services;
    }

    public static IServiceCollection AddGrainProjection<TState, TEvent, TProjection>(this IServiceCollection services)
        where TState : class
        where TEvent : class
        where TProjection : class, IGrainProjection<TState, TEvent>
    {
        services.AddSingleton<IGrainProjection<TState, TEvent>, TProjection>();
        return services;
    }
}
