namespace Switchboard.EndToEnd.Tests.ConsoleSupport;

/// <summary>Files the console tests attach and send, made fresh for each use.</summary>
public static class SampleFiles
{
    /// <summary>A 1×1 PNG: the Api and the emulator both check the bytes, not the name.</summary>
    public static byte[] Png() => Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
}
