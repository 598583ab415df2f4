namespace RunStrong.TestSupport;

/// <summary>
/// The real third-party files the tests read, in tests/fixtures (with their SOURCES.md: origin, commit, licence), so a
/// clone runs its tests with nothing beside it. RUNSTRONG_FIXTURES points the tests at another folder of the same shape.
/// </summary>
public static class Fixtures
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>Absolute path of tests/fixtures (or RUNSTRONG_FIXTURES).</summary>
    public static string Root => RootPath.Value;

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    public static IEnumerable<string> Files(string folder, string searchPattern = "*") =>
        Directory.EnumerateFiles(Path(folder), searchPattern).Order(StringComparer.Ordinal);

    /// <summary>The repository root (the folder holding RunStrong.slnx).</summary>
    public static string RepositoryRoot => FindRepository();

    private static string FindRoot()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("RUNSTRONG_FIXTURES");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return fromEnvironment;
        }

        var candidate = System.IO.Path.Combine(FindRepository(), "tests", "fixtures");
        return Directory.Exists(candidate)
            ? candidate
            : throw new DirectoryNotFoundException($"The test fixtures are expected at {candidate} (tests/fixtures in the repository), or set RUNSTRONG_FIXTURES.");
    }

    private static string FindRepository()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "RunStrong.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new DirectoryNotFoundException("RunStrong.slnx not found above " + AppContext.BaseDirectory);
    }
}
