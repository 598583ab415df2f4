using RunStrong.Cli.Tests.Infrastructure;
using RunStrong.TestSupport;

namespace RunStrong.Cli.Tests.Portability;

/// <summary><c>runstrong export</c>, <c>import-data</c> and <c>delete-my-data</c> through the real executable.</summary>
public sealed class DataCommandsTests : IDisposable
{
    private static readonly string FenixRun = Fixtures.Path("fit", "dtcooper__python-fitparse__tests__files__activity-small-fenix2-run.fit");

    private readonly string _folder = Directory.CreateTempSubdirectory("runstrong-cli-export-").FullName;

    public static TheoryData<string> Engines => TestDatabases.Engines;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory, MemberData(nameof(Engines))]
    public async Task ExportImportDelete_RoundTripThroughTheCommandLine(string engine)
    {
        await using var source = await TestDatabases.CreateAsync(engine);
        await using var target = await TestDatabases.CreateAsync(engine);
        Assert.Equal(0, (await CliProcess.RunAsync("demo", "--db", source.DbArgument)).ExitCode);
        Assert.Equal(0, (await CliProcess.RunAsync("import", FenixRun, "--db", source.DbArgument)).ExitCode);
        var zip = Path.Combine(_folder, "mine.zip");

        var export = await CliProcess.RunAsync("export", "--out", zip, "--json", "--db", source.DbArgument);
        var import = await CliProcess.RunAsync("import-data", zip, "--json", "--db", target.DbArgument);
        var again = await CliProcess.RunAsync("import-data", zip, "--db", target.DbArgument);

        Assert.Equal(0, export.ExitCode);
        Assert.True(File.Exists(zip));
        Assert.False(File.Exists(zip + ".partial"));
        var exported = export.Json.GetProperty("summary");
        Assert.Equal(1, exported.GetProperty("activityFiles").GetInt32());
        Assert.Equal(0, import.ExitCode);
        foreach (var (kind, name) in new[] { ("plans", "plans"), ("strengthSessions", "strengthSessions"), ("sets", "sets"), ("sorenessCheckIns", "sorenessCheckIns"), ("activities", "activities") })
        {
            Assert.Equal(exported.GetProperty(kind).GetInt32(), import.Json.GetProperty("imported").GetProperty(name).GetInt32());
        }

        Assert.Equal(0, again.ExitCode);
        Assert.Contains("Already here", again.Stdout, StringComparison.Ordinal);

        // The target now exports the same rows.
        var zip2 = Path.Combine(_folder, "theirs.zip");
        var reexport = await CliProcess.RunAsync("export", "--out", zip2, "--json", "--db", target.DbArgument);
        Assert.Equal(exported.ToString(), reexport.Json.GetProperty("summary").ToString());

        var refused = await CliProcess.RunAsync("delete-my-data", "--db", target.DbArgument);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("runstrong: delete-my-data deletes all your data and cannot be undone", refused.Stderr, StringComparison.Ordinal);

        var deleted = await CliProcess.RunAsync("delete-my-data", "--yes", "--json", "--db", target.DbArgument);
        Assert.Equal(0, deleted.ExitCode);
        Assert.Equal(exported.GetProperty("activities").GetInt32(), deleted.Json.GetProperty("activities").GetInt32());
        var empty = await CliProcess.RunAsync("export", "--out", zip2, "--json", "--db", target.DbArgument);
        Assert.Equal(0, empty.Json.GetProperty("summary").GetProperty("activities").GetInt32());
        Assert.Equal(0, empty.Json.GetProperty("summary").GetProperty("plans").GetInt32());
    }

    [Fact]
    public async Task ImportData_ADamagedOriginalFile_ImportsTheRest_WarnsNamingItAndExitsTwo()
    {
        await using var source = TestDatabases.CreateSqlite();
        await using var target = TestDatabases.CreateSqlite();
        Assert.Equal(0, (await CliProcess.RunAsync("import", FenixRun, "--db", source.DbArgument)).ExitCode);
        var zip = Path.Combine(_folder, "damaged.zip");
        Assert.Equal(0, (await CliProcess.RunAsync("export", "--out", zip, "--db", source.DbArgument)).ExitCode);
        string damaged;
        using (var archive = System.IO.Compression.ZipFile.Open(zip, System.IO.Compression.ZipArchiveMode.Update))
        {
            var entry = archive.Entries.Single(e => e.FullName.StartsWith("activities/", StringComparison.Ordinal));
            damaged = entry.FullName;
            entry.Delete();
            await using var write = await archive.CreateEntry(damaged).OpenAsync();
            await write.WriteAsync("not the fenix run any more"u8.ToArray());
        }

        var import = await CliProcess.RunAsync("import-data", zip, "--json", "--db", target.DbArgument);

        Assert.Equal(2, import.ExitCode);
        Assert.Contains($"runstrong: warning: damaged.zip: {damaged} does not match its content hash", import.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, import.Json.GetProperty("imported").GetProperty("activities").GetInt32());
        Assert.Contains("without its original file", import.Json.GetProperty("problems")[0].GetString(), StringComparison.Ordinal);
        var runs = await CliProcess.RunAsync("activities", "--json", "--db", target.DbArgument);
        Assert.Equal(0, runs.ExitCode);
        Assert.Equal(1, runs.Json.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task ImportData_NotAnExport_SaysWhichFileAndWhy()
    {
        await using var db = TestDatabases.CreateSqlite();

        var result = await CliProcess.RunAsync("import-data", FenixRun, "--db", db.DbArgument);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"runstrong: {Path.GetFileName(FenixRun)}: not a zip archive", result.Stderr, StringComparison.Ordinal);
    }
}
