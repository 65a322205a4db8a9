namespace Switchboard.Grains;

/// <summary>Anchors this assembly for registration scans.</summary>
public static class GrainsAssembly;
