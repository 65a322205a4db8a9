using System.ComponentModel.DataAnnotations;

namespace Switchboard.Storage.Redis;

public sealed class RedisOptions
{
    public const string Section = "Redis";

    /// <summary>StackExchange.Redis configuration string, e.g. <c>127.0.0.1:6379</c>.</summary>
    [Required]
    public string Configuration { get; set; } = "";

    /// <summary>Prefix for every key and channel, so several deployments (or test runs) share one server safely.</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9_.:-]*$")]
    public string Prefix { get; set; } = "sb:";
}
