using RunStrong.Cli.Tests.Infrastructure;
using RunStrong.TestSupport;

namespace RunStrong.Cli.Tests.Activities;

/// <summary>Issue 14 through the real <c>runstrong</c> executable: splits, laps and notes in inspect, files without times in import.</summary>
public sealed class ActivityNumbersCommandTests
{
    private static readonly string FenixRun = Fixtures.Path("fit", "dtcooper__python-fitparse__tests__files__activity-small-fenix2-run.fit");
    private static readonly string Truncated = Fixtures.Path("fit", "dtcooper__python-fitparse__tests__files__activity-unexpected-eof.fit");
    private static readonly string NoTimes = Fixtures.Path("gpx", "GoldenCheetah__GoldenCheetah__test__rides__A_ride_mapped_on_11_22_2011.gpx");
    private static readonly string TrailRun = Fixtures.Path("fit", "sports-alliance__sports-lib__src__specs__fixtures__runs__fit__6910052863.fit");

    public static TheoryData<string> Engines => TestDatabases.Engines;

    [Fact]
    public async Task Inspect_PrintsSplitsPerKmAndTheDevicesLaps()
    {
        var result = await CliProcess.RunAsync("inspect", FenixRun);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Splits per km", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Laps", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("5:17 /km", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("2.99 km", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inspect_UnitMiles_GivesMileSplitsInJson()
    {
        var result = await CliProcess.RunAsync("inspect", FenixRun, "--unit", "mi", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("mi", result.Json.GetProperty("unit").GetString());
        var splits = result.Json.GetProperty("splits");
        Assert.Equal(6, splits.GetArrayLength());
        Assert.Equal(1609.344, splits[0].GetProperty("distanceMeters").GetDouble(), 1e-9);
        Assert.Equal(4, result.Json.GetProperty("lapTable").GetArrayLength());
    }

    [Fact]
    public async Task Inspect_UnitMiles_PrintsPacePerMile()
    {
        var result = await CliProcess.RunAsync("inspect", FenixRun, "--unit", "mi");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Splits per mile", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("5.60 mi", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("/mi", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inspect_BadUnit_ExitsOneNamingTheOption()
    {
        var result = await CliProcess.RunAsync("inspect", FenixRun, "--unit", "leagues");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("--unit: 'leagues' is not a distance unit; use km or mi", result.Stderr.Trim());
    }

    [Fact]
    public async Task Inspect_TruncatedFit_IsRefusedAsTooShort_WithWhatTheReaderNoticed()
    {
        var result = await CliProcess.RunAsync("inspect", Truncated);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.StartsWith("dtcooper__python-fitparse__tests__files__activity-unexpected-eof.fit: too short to be an activity: 14 s and 6 m", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("file ends at byte 768 inside a data message", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inspect_GpxWithoutTimes_SaysItHasNoDateOrTimes()
    {
        var result = await CliProcess.RunAsync("inspect", NoTimes, "--json");
        var text = await CliProcess.RunAsync("inspect", NoTimes);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, result.Json.GetProperty("startTime").ValueKind);
        Assert.Equal("unknown", result.Json.GetProperty("startTimeSource").GetString());
        Assert.False(result.Json.GetProperty("hasTimes").GetBoolean());
        Assert.Contains("no date in this file (import it with --date YYYY-MM-DD)", Flat(text.Stdout), StringComparison.Ordinal);
        Assert.Contains("Time no times in this file", Flat(text.Stdout), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inspect_TrailRun_ShowsTheClampNote()
    {
        var result = await CliProcess.RunAsync("inspect", TrailRun);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("note:", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("is steeper than ±45 %, the steepest grade Minetti et al. (2002) measured", Flat(result.Stdout), StringComparison.Ordinal);
    }

    /// <summary>The output with its line wrapping (and table padding) undone: words separated by single spaces.</summary>
    private static string Flat(string output) => string.Join(' ', output.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));

    [Theory, MemberData(nameof(Engines))]
    public async Task Import_FileWithoutTimes_NeedsDate_ThenIsStoredOnThatDay(string engine)
    {
        await using var db = await TestDatabases.CreateAsync(engine);

        var refused = await CliProcess.RunAsync("import", NoTimes, "--json", "--db", db.DbArgument);
        var badDate = await CliProcess.RunAsync("import", NoTimes, "--date", "22 Nov", "--db", db.DbArgument);
        var farDate = await CliProcess.RunAsync("import", NoTimes, "--date", "9999-12-31", "--json", "--db", db.DbArgument);
        var imported = await CliProcess.RunAsync("import", NoTimes, "--date", "2011-11-22", "--json", "--db", db.DbArgument);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("no times in this file, and no date: give the day it was recorded (runstrong import --date YYYY-MM-DD",
            refused.Json.GetProperty("files")[0].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, badDate.ExitCode);
        Assert.Contains("--date: '22 Nov' is not a day; write it as YYYY-MM-DD", badDate.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, farDate.ExitCode);
        Assert.EndsWith("the date given for it, 9999-12-31, is not a day a run can be logged on (1990-01-01 to today)",
            farDate.Json.GetProperty("files")[0].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, imported.ExitCode);
        var file = imported.Json.GetProperty("files")[0];
        Assert.Equal("imported", file.GetProperty("status").GetString());
        Assert.Equal("2011-11-22T00:00:00Z", file.GetProperty("startTime").GetString());
    }
}
