using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime.Hosting;
using Switchboard.Storage.Conversations;

namespace Switchboard.Storage.Cluster;

/// <summary>
/// Where the Orleans cluster keeps itself, all in PostgreSQL through the process's one data source
/// (the tables are migration 0005): membership, so silos find each other and Api nodes find
/// gateways even when Redis is down; reminders; grain state, both ours for conversations
/// (<see cref="ConversationGrainStorage"/>) and Persistence.AdoNet for grains whose state is one
/// small document (<see cref="DocumentStorage"/>).
/// </summary>
public static class ClusterTables
{
    /// <summary>The storage provider for small-document grain state (Persistence.AdoNet). State names must be unique across grain classes.</summary>
    public const string DocumentStorage = "documents";

    private const string Invariant = "Npgsql";

    /// <summary>Membership: this silo joins the cluster of its <c>ClusterOptions</c> through the membership table.</summary>
    public static ISiloBuilder UseClusterMembership(this ISiloBuilder silo) =>
        silo.UseAdoNetClustering(options => options.Configure<NpgsqlDataSource>((o, dataSource) =>
        {
            o.Invariant = Invariant;
            o.DataSource = dataSource;
        }));

    /// <summary>Membership for a client: its gateways are the active silos in the membership table.</summary>
    public static IClientBuilder UseClusterMembership(this IClientBuilder client) =>
        client.UseAdoNetClustering(options => options.Configure<NpgsqlDataSource>((o, dataSource) =>
        {
            o.Invariant = Invariant;
            o.DataSource = dataSource;
        }));

    /// <summary>Reminders and grain state.</summary>
    public static ISiloBuilder UseClusterStorage(this ISiloBuilder silo)
    {
        silo.UseAdoNetReminderService(options => options.Configure<NpgsqlDataSource>((o, dataSource) =>
        {
            o.Invariant = Invariant;
            o.DataSource = dataSource;
        }));
        silo.AddAdoNetGrainStorage(DocumentStorage, options => options.Configure<NpgsqlDataSource>((o, dataSource) =>
        {
            o.Invariant = Invariant;
            o.DataSource = dataSource;
            o.GrainStorageSerializer = new ContractJsonGrainStorageSerializer();
        }));
        silo.Services.AddOptions<GroupCommitOptions>().BindConfiguration(GroupCommitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        silo.Services.AddSingleton<GroupCommit>();
        silo.Services.AddGrainStorage(ConversationGrainStorage.Name, (services, _) => ActivatorUtilities.CreateInstance<ConversationGrainStorage>(services));
        return silo;
    }
}
