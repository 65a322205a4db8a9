using Orleans.Serialization;
using Switchboard.Grains.Json;

namespace Switchboard.Grains;

/// <summary>
/// How our contracts cross the wire between Api nodes and silos: as the same JSON they are stored
/// and served in (<see cref="ContractJson"/>), so a renamed or moved C# type never breaks a message
/// in flight during a rolling upgrade, and the model needs no Orleans attributes. Silos and clients
/// must both call <see cref="AddGrainContracts"/>.
/// </summary>
public static class GrainContracts
{
    public static ISerializerBuilder AddGrainContracts(this ISerializerBuilder serializer) =>
        serializer.AddJsonSerializer(
            isSupported: type => type.Namespace?.StartsWith("Switchboard.Grains", StringComparison.Ordinal) == true,
            jsonSerializerOptions: ContractJson.Options);
}
