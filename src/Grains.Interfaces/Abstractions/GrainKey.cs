namespace Switchboard.Grains.Abstractions;

/// <summary>
/// The address of one grain: which tenant owns it and its key inside that tenant.
/// Every grain belongs to exactly one tenant, so the tenant travels with the key
/// and lands in every row the runtime writes.
/// </summary>
public readonly record struct GrainKey(string TenantId, string Id)
{
    public override string ToString() => $"{TenantId}/{Id}";
}
