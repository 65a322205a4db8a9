using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Switchboard.Emulator.Control;
using Switchboard.Emulator.Customers;
using Switchboard.Emulator.Graph;
using Switchboard.Emulator.History;
using Switchboard.Emulator.Media;
using Switchboard.Emulator.Messages;
using Switchboard.Emulator.Numbers;
using Switchboard.Emulator.Templates;
using Switchboard.Emulator.Webhooks;

namespace Switchboard.Emulator.Hosting;

/// <summary>The emulator's services. Everything is a singleton: the state stands in for Meta's and lives in memory.</summary>
public static class EmulatorServiceCollectionExtensions
{
    public static IServiceCollection AddEmulator(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmulatorOptions>().Bind(configuration.GetSection(EmulatorOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmulatorOptions>, EmulatorOptionsValidator>();
        services.AddOptions<HistoryOptions>().Bind(configuration.GetSection($"{EmulatorOptions.SectionName}:History")).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection($"{EmulatorOptions.SectionName}:Webhooks")).ValidateDataAnnotations().ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ResetGeneration>();
        services.AddSingleton<EmulatorReset>();
        services.AddSingleton<GraphIds>();
        services.AddSingleton<GraphAuthenticator>();
        services.AddSingleton<MediaUrlSigner>();
        services.AddSingleton<TemplateReviewer>();
        services.AddSingleton<MessageStatusScheduler>();
        services.AddSingleton<MessageSender>();
        services.AddSingleton<MarkAsRead>();
        services.AddSingleton<InboundMessageFactory>();
        services.AddSingleton<CustomerMessages>();

        // Stores that POST /_emulator/reset empties.
        AddResettable<NumberRegistry>(services);
        AddResettable<GraphRequestLog>(services);
        AddResettable<MediaStore>(services);
        AddResettable<TemplateStore>(services);
        AddResettable<MessageLedger>(services);
        AddResettable<ConversationStore>(services);
        AddResettable<CustomerDirectory>(services);
        AddResettable<WebhookDeliveryLog>(services);
        AddResettable<StatusPublisher>(services);

        services.AddSingleton<WebhookDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookDispatcher>());
        services.AddHttpClient(WebhookDispatcher.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                // Keep connections to the product's webhook endpoint warm; the dispatcher bounds concurrency.
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                MaxConnectionsPerServer = 1024,
            });

        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase)));
        return services;
    }

    private static void AddResettable<T>(IServiceCollection services) where T : class, IResettable
    {
        services.AddSingleton<T>();
        services.AddSingleton<IResettable>(sp => sp.GetRequiredService<T>());
    }
}
