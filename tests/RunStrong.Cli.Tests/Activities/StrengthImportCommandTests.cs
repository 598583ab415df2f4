using RunStrong.Cli.Tests.Infrastructure;
using RunStrong.TestSupport;

namespace RunStrong.Cli.Tests.Activities;

/// <summary>
/// <c>runstrong import</c> of a watch's strength activity (encoded by Garmin's FIT SDK) through the real executable: the
/// file's sets are logged as a strength session, importing it again stores nothing more, and <c>runstrong log
/// map-garmin</c> maps the name the catalogue does not know.
/// </summary>
public sealed class StrengthImportCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("runstrong-cli-strength-").FullName;

    public static TheoryData<string> Engines => TestDatabases.Engines;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory, MemberData(nameof(Engines))]
    public async Task Import_StrengthFit_LogsItsSetsOnce_AndMapGarminMapsTheUnknownName(string engine)
    {
        await using var db = await TestDatabases.CreateAsync(engine);
        var day = TestClock.Today.AddDays(-1);
        var fit = GarminFitSdk.EncodeStrength(Path.Combine(_folder, "strength.fit"), day.ToDateTime(new TimeOnly(7, 30), DateTimeKind.Utc), "pound");

        var first = await CliProcess.RunAsync("import", fit, "--db", db.DbArgument);
        var again = await CliProcess.RunAsync("import", fit, "--json", "--db", db.DbArgument);

        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.Matches($@"imported +\S*strength\.fit  activity \d+, strength session \d+: 6 sets on {day:yyyy-MM-dd} \(2 to map: runstrong log map-garmin\)", first.Stdout);
        Assert.Equal(0, again.ExitCode);
        Assert.Equal(1, again.Json.GetProperty("duplicates").GetInt32());

        var list = await CliProcess.RunAsync("log", "list", "--json", "--db", db.DbArgument);
        Assert.Equal(0, list.ExitCode);
        var sessions = list.Json.GetProperty("days").EnumerateArray().SelectMany(d => d.GetProperty("sessions").EnumerateArray()).ToArray();
        var session = Assert.Single(sessions);
        var sets = session.GetProperty("sets").EnumerateArray().ToArray();
        Assert.Equal(["hip-thrust", "hip-thrust", "squat", "unmapped", "glute-bridge", "unmapped"], sets.Select(s => s.GetProperty("exercise").GetString()));
        Assert.Equal((10, 135.0, "lb"), (sets[0].GetProperty("reps").GetInt32(), sets[0].GetProperty("loadValue").GetDouble(), sets[0].GetProperty("loadUnit").GetString()));

        var waiting = await CliProcess.RunAsync("log", "map-garmin", "--db", db.DbArgument);
        Assert.Contains("bench-press/barbell-bench-press  1 set(s) waiting: Barbell bench press (bench press)", waiting.Stdout, StringComparison.Ordinal);
        var mapped = await CliProcess.RunAsync("log", "map-garmin", "bench-press/barbell-bench-press", "--exercise", "romanian-deadlift", "--variant", "barbell", "--db", db.DbArgument);
        Assert.True(mapped.ExitCode == 0, mapped.Stderr);
        Assert.Contains("1 set(s) changed", mapped.Stdout, StringComparison.Ordinal);
        var refused = await CliProcess.RunAsync("log", "map-garmin", "squat/goblet-squat", "--exercise", "nope", "--db", db.DbArgument);
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("no exercise 'nope'", refused.Stderr, StringComparison.Ordinal);
        var keep = await CliProcess.RunAsync("log", "keep", "1", "watch", "--db", db.DbArgument);
        Assert.NotEqual(0, keep.ExitCode);
    }
}
