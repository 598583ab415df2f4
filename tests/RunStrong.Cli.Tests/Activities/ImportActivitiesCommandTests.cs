using System.IO.Compression;
using System.Text.Json;
using RunStrong.Cli.Tests.Infrastructure;
using RunStrong.TestSupport;

namespace RunStrong.Cli.Tests.Activities;

/// <summary><c>runstrong import</c> and <c>runstrong activities</c> through the real executable, on both engines.</summary>
public sealed class ImportActivitiesCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("runstrong-cli-import-").FullName;

    public static TheoryData<string> Engines => TestDatabases.Engines;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private void CopyFixtures()
    {
        File.Copy(Fixtures.Path("fit", "dtcooper__python-fitparse__tests__files__activity-small-fenix2-run.fit"), Path.Combine(_folder, "run.fit"));
        File.Copy(Fixtures.Path("tcx", "vkurup__python-tcxparser__tests__files__test.tcx"), Path.Combine(_folder, "run.tcx"));
        File.Copy(Fixtures.Path("gpx", "tkrajina__gpxpy__test_files__korita-zbevnica.gpx"), Path.Combine(_folder, "hike.gpx"));
        File.Copy(Fixtures.Path("fit", "sports-alliance__sports-lib__src__specs__fixtures__others__empty-sessions.fit"), Path.Combine(_folder, "empty.fit"));
        File.WriteAllText(Path.Combine(_folder, "notes.txt"), "splits from Tuesday");
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task Import_FolderWithABadFile_ExitsTwoAndReportsEachFile(string engine)
    {
        await using var db = await TestDatabases.CreateAsync(engine);
        CopyFixtures();

        var result = await CliProcess.RunAsync("import", _folder, "--json", "--db", db.DbArgument);

        Assert.Equal(2, result.ExitCode);
        var json = result.Json;
        Assert.Equal(3, json.GetProperty("imported").GetInt32());
        Assert.Equal(0, json.GetProperty("duplicates").GetInt32());
        Assert.Equal(1, json.GetProperty("failed").GetInt32());
        var files = json.GetProperty("files").EnumerateArray().ToDictionary(f => Path.GetFileName(f.GetProperty("path").GetString()!));
        Assert.Equal(5, files.Count);
        foreach (var name in new[] { "run.fit", "run.tcx", "hike.gpx" })
        {
            Assert.Equal("imported", files[name].GetProperty("status").GetString());
            Assert.True(files[name].GetProperty("activityId").GetInt64() > 0);
            Assert.Equal(JsonValueKind.Null, files[name].GetProperty("error").ValueKind);
        }

        Assert.Equal("failed", files["empty.fit"].GetProperty("status").GetString());
        Assert.StartsWith("empty.fit: ", files["empty.fit"].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, files["empty.fit"].GetProperty("activityId").ValueKind);
        Assert.Equal("skipped", files["notes.txt"].GetProperty("status").GetString());

        var list = await CliProcess.RunAsync("activities", "--json", "--db", db.DbArgument);
        Assert.Equal(0, list.ExitCode);
        Assert.Equal(3, list.Json.GetProperty("total").GetInt32());
        var starts = list.Json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("startTime").GetDateTime()).ToList();
        Assert.Equal(starts.OrderDescending(), starts);
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task Import_ACutShortCopy_SaysSoUnderItsLine_AndTheWholeFileLaterCompletesIt(string engine)
    {
        await using var db = await TestDatabases.CreateAsync(engine);
        var whole = Path.Combine(_folder, "treadmill.fit");
        File.Copy(Fixtures.Path("fit", "sports-alliance__sports-lib__src__specs__fixtures__runs__fit__6860622783.fit"), whole);
        var bytes = await File.ReadAllBytesAsync(whole);
        var cut = Path.Combine(_folder, "cut", "treadmill.fit");
        Directory.CreateDirectory(Path.GetDirectoryName(cut)!);
        await File.WriteAllBytesAsync(cut, bytes[..(bytes.Length * 6 / 10)]);

        var first = await CliProcess.RunAsync("import", cut, "--db", db.DbArgument);
        var second = await CliProcess.RunAsync("import", whole, "--db", db.DbArgument);

        Assert.Equal(0, first.ExitCode);
        var lines = first.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("imported  ", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("          warning: treadmill.fit: file ends at byte ", lines[1], StringComparison.Ordinal);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("warning: treadmill.fit: completes activity 1, stored from treadmill.fit, which was cut short: its distance, times and records are now this file's (10.6", second.Stdout, StringComparison.Ordinal);
        Assert.Contains("1 imported, 0 already there", second.Stdout, StringComparison.Ordinal);
        var list = await CliProcess.RunAsync("activities", "--json", "--db", db.DbArgument);
        var item = Assert.Single(list.Json.GetProperty("items").EnumerateArray());
        Assert.True(item.GetProperty("distanceMeters").GetDouble() > 10_000);
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task Reimport_GivesDuplicatesAndExitsZero(string engine)
    {
        await using var db = await TestDatabases.CreateAsync(engine);
        CopyFixtures();
        File.Delete(Path.Combine(_folder, "empty.fit"));
        var first = await CliProcess.RunAsync("import", _folder, "--json", "--db", db.DbArgument);

        var second = await CliProcess.RunAsync("import", _folder, "--json", "--db", db.DbArgument);

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(3, first.Json.GetProperty("imported").GetInt32());
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(0, second.Json.GetProperty("imported").GetInt32());
        Assert.Equal(3, second.Json.GetProperty("duplicates").GetInt32());
        var ids = first.Json.GetProperty("files").EnumerateArray().Where(f => f.GetProperty("status").GetString() == "imported")
            .ToDictionary(f => f.GetProperty("path").GetString()!, f => f.GetProperty("activityId").GetInt64());
        foreach (var file in second.Json.GetProperty("files").EnumerateArray().Where(f => f.GetProperty("status").GetString() == "duplicate"))
        {
            Assert.Equal(ids[file.GetProperty("path").GetString()!], file.GetProperty("activityId").GetInt64());
        }
    }

    [Fact]
    public async Task Import_RedirectedWithoutJson_PrintsOneLinePerFile()
    {
        await using var db = TestDatabases.CreateSqlite();
        CopyFixtures();

        var result = await CliProcess.RunAsync("import", _folder, "--db", db.DbArgument);

        Assert.Equal(2, result.ExitCode);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(3, lines.Count(l => l.StartsWith("imported", StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.StartsWith("failed", StringComparison.Ordinal) && l.Contains("empty.fit: ", StringComparison.Ordinal));
        Assert.Contains("3 imported", lines[^1], StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', result.Stdout);
    }

    [Fact]
    public async Task Import_AZipAndAGzip_ReadsTheMembersAndTheWrappedFile()
    {
        await using var db = TestDatabases.CreateSqlite();
        var zipPath = Path.Combine(_folder, "export.zip");
        using (var zip = ZipFile.Open(zipPath, ZipArchiveMode.Create))
        {
            zip.CreateEntryFromFile(Fixtures.Path("fit", "dtcooper__python-fitparse__tests__files__activity-small-fenix2-run.fit"), "activities/run.fit");
            zip.CreateEntryFromFile(Fixtures.Path("tcx", "vkurup__python-tcxparser__tests__files__test.tcx"), "activities/run.tcx");
        }

        var result = await CliProcess.RunAsync("import", zipPath, Fixtures.Path("fit", "GoldenCheetah__GoldenCheetah__test__rides__14582164182.fit.gz"), "--json", "--db", db.DbArgument);

        Assert.Equal(0, result.ExitCode);
        var statuses = result.Json.GetProperty("files").EnumerateArray().ToDictionary(f => f.GetProperty("path").GetString()!, f => f.GetProperty("status").GetString());
        Assert.Equal("imported", statuses[zipPath + "!activities/run.fit"]);
        Assert.Equal("imported", statuses[zipPath + "!activities/run.tcx"]);
        Assert.Equal("imported", statuses[Fixtures.Path("fit", "GoldenCheetah__GoldenCheetah__test__rides__14582164182.fit.gz")]);
        Assert.Equal(3, result.Json.GetProperty("imported").GetInt32());
    }

    [Fact]
    public async Task Activities_EmptyDatabase_SaysSo()
    {
        await using var db = TestDatabases.CreateSqlite();

        var result = await CliProcess.RunAsync("activities", "--db", db.DbArgument);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("0 activities", result.Stdout, StringComparison.Ordinal);
    }
}
