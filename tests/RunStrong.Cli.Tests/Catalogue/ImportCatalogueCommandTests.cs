using RunStrong.Cli.Tests.Infrastructure;
using RunStrong.TestSupport;

namespace RunStrong.Cli.Tests.Catalogue;

/// <summary><c>runstrong exercises import</c> on the real free-exercise-db and wger files, on both engines.</summary>
public class ImportCatalogueCommandTests
{
    public static TheoryData<string> Engines => TestDatabases.Engines;

    [Theory, MemberData(nameof(Engines))]
    public async Task Import_FreeExerciseDb_TwiceAddsNoDuplicates(string engine)
    {
        await using var db = await TestDatabases.CreateAsync(engine);
        var file = Fixtures.Path("catalogues", "yuhonas__free-exercise-db__dist__exercises.json");

        var first = await CliProcess.RunAsync("exercises", "import", file, "--json", "--db", db.DbArgument);
        var second = await CliProcess.RunAsync("exercises", "import", file, "--json", "--db", db.DbArgument);

        Assert.Equal(0, first.ExitCode);
        var imported = first.Json.GetProperty("imported").GetInt32();
        Assert.True(imported > 100, $"imported {imported}");
        Assert.True(first.Json.GetProperty("unmapped").GetInt32() > 0, "free-exercise-db has upper-body entries RunStrong cannot map");
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(0, second.Json.GetProperty("imported").GetInt32());
        Assert.Equal(imported, second.Json.GetProperty("skipped").GetInt32());

        var list = await CliProcess.RunAsync("exercises", "--json", "--search", "hip thrust", "--db", db.DbArgument);
        var hits = list.Json.EnumerateArray().ToArray();
        Assert.Contains(hits, e => e.GetProperty("slug").GetString() == "hip-thrust");
        Assert.Contains(hits, e => e.GetProperty("source").GetProperty("name").GetString() == "free-exercise-db");
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task Import_Wger_KeepsLicenceAndAuthor(string engine)
    {
        await using var db = await TestDatabases.CreateAsync(engine);

        var result = await CliProcess.RunAsync("exercises", "import",
            Fixtures.Path("catalogues", "wger-project__wger__wger__exercises__fixtures__exercise-base-data.json"), "--json", "--db", db.DbArgument);

        Assert.Equal(0, result.ExitCode);
        Assert.True(result.Json.GetProperty("imported").GetInt32() > 0);
        var all = await CliProcess.RunAsync("exercises", "--json", "--db", db.DbArgument);
        var wger = all.Json.EnumerateArray().Where(e => e.GetProperty("source").GetProperty("name").GetString() == "wger").ToArray();
        Assert.NotEmpty(wger);
        Assert.All(wger, e => Assert.StartsWith("CC", e.GetProperty("source").GetProperty("licence").GetString(), StringComparison.Ordinal));
        Assert.Contains(wger, e => !string.IsNullOrEmpty(e.GetProperty("source").GetProperty("author").GetString()));

        // People see the attribution too, not only scripts.
        var attributed = wger.First(e => !string.IsNullOrEmpty(e.GetProperty("source").GetProperty("author").GetString()));
        var show = await CliProcess.RunAsync("exercises", "show", attributed.GetProperty("slug").GetString()!, "--db", db.DbArgument);
        Assert.Equal(0, show.ExitCode);
        Assert.Contains($"Source: wger ({attributed.GetProperty("source").GetProperty("licence").GetString()}), by {attributed.GetProperty("source").GetProperty("author").GetString()}", show.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_MissingFile_ExitsOneNamingIt()
    {
        await using var db = TestDatabases.CreateSqlite();

        var result = await CliProcess.RunAsync("exercises", "import", "/nowhere/exercises.json", "--db", db.DbArgument);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("/nowhere/exercises.json: no such file", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_NotACatalogue_ExitsOneAndKeepsWhatWasStored()
    {
        await using var db = TestDatabases.CreateSqlite();
        await CliProcess.RunAsync("exercises", "import", Fixtures.Path("catalogues", "yuhonas__free-exercise-db__dist__exercises.json"), "--db", db.DbArgument);
        var before = (await CliProcess.RunAsync("exercises", "--json", "--db", db.DbArgument)).Json.GetArrayLength();

        var result = await CliProcess.RunAsync("exercises", "import", Fixtures.Path("strava", "activities.csv"), "--db", db.DbArgument);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("activities.csv", result.Stderr, StringComparison.Ordinal);
        var after = (await CliProcess.RunAsync("exercises", "--json", "--db", db.DbArgument)).Json.GetArrayLength();
        Assert.Equal(before, after);
    }
}
