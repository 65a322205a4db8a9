using Switchboard.Storage.Cluster;

namespace Switchboard.Silo.Tests.Storage;

// Two grain classes on Persistence.AdoNet ("documents"), the storage small-document grains use:
// each names its state uniquely (the grain type is not part of that storage's key).

public interface IFirstDocumentProbeGrain : IGrainWithStringKey
{
    Task Set(string value);

    Task<string?> Get();
}

public interface ISecondDocumentProbeGrain : IGrainWithStringKey
{
    Task Set(string value);

    Task<string?> Get();
}

public sealed class ProbeDocument
{
    public string? Value { get; set; }
}

public sealed class FirstDocumentProbeGrain([PersistentState("first-document-probe-v1", ClusterTables.DocumentStorage)] IPersistentState<ProbeDocument> document)
    : Grain, IFirstDocumentProbeGrain
{
    public async Task Set(string value)
    {
        document.State.Value = value;
        await document.WriteStateAsync();
    }

    public Task<string?> Get() => Task.FromResult(document.State.Value);
}

public sealed class SecondDocumentProbeGrain([PersistentState("second-document-probe-v1", ClusterTables.DocumentStorage)] IPersistentState<ProbeDocument> document)
    : Grain, ISecondDocumentProbeGrain
{
    public async Task Set(string value)
    {
        document.State.Value = value;
        await document.WriteStateAsync();
    }

    public Task<string?> Get() => Task.FromResult(document.State.Value);
}
