using Npgsql;

namespace Switchboard.Benchmarks.Inbound;

/// <summary>One side of the comparison as the load generator sees it: where to POST, who watches, what to meter.</summary>
public sealed record InboundSystem(
    string Name,
    IReadOnlyList<Uri> WebhookTargets,
    Receiver Screen,
    IReadOnlyList<IServerProcess> Servers,
    PostgresCpu Database,
    NpgsqlDataSource? ProductDatabase = null);
