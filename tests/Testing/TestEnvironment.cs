namespace Switchboard.Testing;

/// <summary>
/// Where the real servers for tests are. <c>./test</c> starts them and sets these
/// variables; running <c>dotnet test</c> without them fails with this explanation.
/// </summary>
public static class TestEnvironment
{
    public static string PostgresAdminConnectionString => Required("SWITCHBOARD_TEST_POSTGRES");

    public static string RedisConfiguration => Required("SWITCHBOARD_TEST_REDIS");

    public static string RepositoryRoot =>
        Environment.GetEnvironmentVariable("SWITCHBOARD_REPO_ROOT") ?? FindRepositoryRoot();

    public static string BuildConfiguration =>
        Environment.GetEnvironmentVariable("SWITCHBOARD_BUILD_CONFIGURATION") ?? "Debug";

    public static string Chromium =>
        Environment.GetEnvironmentVariable("SWITCHBOARD_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>The built entry assembly of one of our processes, e.g. <c>Api</c> → src/Api/bin/…/Switchboard.Api.dll.</summary>
    public static string ProcessAssembly(string project) =>
        Path.Combine(RepositoryRoot, "src", project, "bin", BuildConfiguration, "net10.0", $"Switchboard.{project}.dll");

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{name} is not set. Run the tests with ./test, which starts PostgreSQL and Redis on loopback and sets it.");

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Switchboard.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Cannot find the repository root (Switchboard.slnx).");
    }
}
