using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace Switchboard.Api.Auth;

/// <summary>One data-protection key ring for every Api node, kept in PostgreSQL, so any node reads any node's cookies.</summary>
public static class DataProtectionSetup
{
    public static IServiceCollection AddClusterDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("switchboard");
        services.AddSingleton<PostgresXmlRepository>();
        services.AddOptions<KeyManagementOptions>().Configure<PostgresXmlRepository>((o, repository) => o.XmlRepository = repository);
        services.AddSingleton<ClusterKeyRing>();
        services.AddHostedService(sp => sp.GetRequiredService<ClusterKeyRing>());
        return services;
    }
}
