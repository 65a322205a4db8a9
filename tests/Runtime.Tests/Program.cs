namespace Switchboard.Runtime.Tests;

/// <summary>
/// The test assembly doubles as the crash probe's executable; the test host never calls this.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args) =>
        args is ["crash-probe", var connectionString, var prefix, var turns]
            ? await CrashProbe.RunAsync(connectionString, prefix, int.Parse(turns, System.Globalization.CultureInfo.InvariantCulture))
            : 2;
}
