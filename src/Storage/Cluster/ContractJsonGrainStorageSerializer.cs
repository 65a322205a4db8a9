using Orleans.Storage;
using Switchboard.Grains.Json;

namespace Switchboard.Storage.Cluster;

/// <summary>
/// Grain state in ADO.NET storage as plain contract JSON. Orleans' default serializer writes .NET
/// type names into the payload, so renaming or moving a state class would make stored state
/// unreadable; this one writes only the data (properties with defaults load older documents).
/// </summary>
public sealed class ContractJsonGrainStorageSerializer : IGrainStorageSerializer
{
    public BinaryData Serialize<T>(T? input) => BinaryData.FromObjectAsJson(input, ContractJson.Options);

    public T? Deserialize<T>(BinaryData input) => input.ToObjectFromJson<T>(ContractJson.Options);
}
