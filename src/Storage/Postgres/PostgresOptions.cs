using System.ComponentModel.DataAnnotations;

namespace Switchboard.Storage.Postgres;

public sealed class PostgresOptions
{
    public const string Section = "Postgres";

    /// <summary>Npgsql connection string, e.g. <c>Host=127.0.0.1;Port=5432;Database=switchboard;Username=switchboard</c>.</summary>
    [Required]
    public string ConnectionString { get; set; } = "";

    /// <summary>Apply pending migrations when the process starts (under an advisory lock).</summary>
    public bool MigrateOnStart { get; set; } = true;
}
