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

        var result = await CliProcess.RunAsync("exercises", "import", Fixtures.Files("strava", "*activities.csv").Single(), "--db", db.DbArgument);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("activities.csv: not JSON (line 1", result.Stderr, StringComparison.Ordinal);
        var after = (await CliProcess.RunAsync("exercises", "--json", "--db", db.DbArgument)).Json.GetArrayLength();
        Assert.Equal(before, after);
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task Import_Wger19SingleFile_TwiceAddsNothing_AndShowsItsAuthor(string engine)
    {
        await using var db = await TestDatabases.CreateAsync(engine);
        var file = Fixtures.Path("catalogues", "wger-project__wger__1.9__wger__exercises__fixtures__exercises.json");

        var first = await CliProcess.RunAsync("exercises", "import", file, "--json", "--db", db.DbArgument);
        var second = await CliProcess.RunAsync("exercises", "import", file, "--json", "--db", db.DbArgument);

        Assert.Equal(0, first.ExitCode);
        Assert.Equal("wger", first.Json.GetProperty("source").GetString());
        Assert.Equal(10, first.Json.GetProperty("imported").GetInt32());
        Assert.Equal(19, first.Json.GetProperty("unmapped").GetInt32());
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(0, second.Json.GetProperty("imported").GetInt32());
        Assert.Equal(0, second.Json.GetProperty("updated").GetInt32());
        Assert.Equal(10, second.Json.GetProperty("skipped").GetInt32());

        var show = await CliProcess.RunAsync("exercises", "show", "wger-376-hip-raise-lying", "--db", db.DbArgument);
        Assert.Equal(0, show.ExitCode);
        Assert.Contains("Source: wger (CC-BY-SA 4), by James Mackay", show.Stdout, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task Import_WgerApiPage_ThenAllPages_AddsOnlyWhatIsNew(string engine)
    {
        await using var db = await TestDatabases.CreateAsync(engine);
        var page = Fixtures.Path("catalogues", "wger-api__exerciseinfo__limit-6-offset-0.json");
        var pages = Fixtures.Path("catalogues", "wger-api__exerciseinfo__all-pages-concatenated.json");

        var first = await CliProcess.RunAsync("exercises", "import", page, "--json", "--db", db.DbArgument);
        var again = await CliProcess.RunAsync("exercises", "import", page, "--json", "--db", db.DbArgument);
        var all = await CliProcess.RunAsync("exercises", "import", pages, "--json", "--db", db.DbArgument);

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(4, first.Json.GetProperty("imported").GetInt32());
        Assert.StartsWith("the server listed 11 exercises and this file holds 6", first.Json.GetProperty("warnings")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, again.Json.GetProperty("imported").GetInt32());
        Assert.Equal(4, again.Json.GetProperty("skipped").GetInt32());
        Assert.Equal(0, all.ExitCode);
        Assert.Equal(3, all.Json.GetProperty("imported").GetInt32());
        Assert.Equal(4, all.Json.GetProperty("skipped").GetInt32());

        var hipThrust = (await CliProcess.RunAsync("exercises", "--json", "--search", "hip thrust", "--db", db.DbArgument)).Json
            .EnumerateArray().Single(e => e.GetProperty("slug").GetString() == "wger-294-hip-thrust");
        Assert.Equal("CC-BY-SA 4", hipThrust.GetProperty("source").GetProperty("licence").GetString());
        Assert.Equal("Bret Contreras", hipThrust.GetProperty("source").GetProperty("author").GetString());
    }

    [Fact]
    public async Task Import_SeveralFiles_OneRefused_ImportsTheOthersAndExitsTwo()
    {
        await using var db = TestDatabases.CreateSqlite();
        var csv = Fixtures.Files("strava").First();
        var folder = Fixtures.Path("catalogues", "yuhonas__free-exercise-db__exercises");
        var page = Fixtures.Path("catalogues", "wger-api__exerciseinfo__limit-6-offset-0.json");

        var result = await CliProcess.RunAsync("exercises", "import", folder, csv, page, "--json", "--db", db.DbArgument);

        Assert.Equal(2, result.ExitCode);
        var reports = result.Json.EnumerateArray().ToArray();
        Assert.Equal([folder, csv, page], reports.Select(r => r.GetProperty("file").GetString()));
        Assert.Equal(5, reports[0].GetProperty("imported").GetInt32());
        Assert.StartsWith($"{csv}: not JSON", reports[1].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(4, reports[2].GetProperty("imported").GetInt32());
        Assert.Contains($"runstrong: {csv}: not JSON", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_UnknownLayout_ExitsOneListingWhatIsAccepted()
    {
        await using var db = TestDatabases.CreateSqlite();
        var languages = Fixtures.Path("catalogues", "wger-project__wger__wger__core__fixtures__languages.json");
        var folder = Directory.CreateTempSubdirectory("runstrong-unknown-").FullName;
        try
        {
            // A real JSON file that is no catalogue: wger's languages alone, copied where its siblings are not.
            var lone = Path.Combine(folder, "languages-only.json");
            File.WriteAllText(lone, $"{{\"languages\": {File.ReadAllText(languages)}}}");

            var result = await CliProcess.RunAsync("exercises", "import", lone, "--db", db.DbArgument);

            Assert.Equal(1, result.ExitCode);
            Assert.Contains($"{lone}: not a catalogue RunStrong can import: found an object with languages.", result.Stderr, StringComparison.Ordinal);
            Assert.Contains("/api/v2/exerciseinfo/", result.Stderr, StringComparison.Ordinal);
            Assert.Contains("exercises.json of a wger release up to 1.9", result.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
