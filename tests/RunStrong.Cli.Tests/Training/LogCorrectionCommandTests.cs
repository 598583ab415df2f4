using System.Globalization;
using RunStrong.Cli.Tests.Infrastructure;
using RunStrong.TestSupport;

namespace RunStrong.Cli.Tests.Training;

/// <summary>Issue 13 from the terminal: correcting and deleting what was logged, and activities in the runner's units and zone.</summary>
public class LogCorrectionCommandTests
{
    private static string Day(int daysAgo) => TestClock.Iso(TestClock.Today.AddDays(-daysAgo));

    [Fact]
    public async Task EditThenDelete_ASet_AndTheNextPrescriptionFollows()
    {
        await using var db = await TestDatabases.CreateAsync("sqlite");
        var logged = await CliProcess.RunAsync("log", "strength", "--db", db.DbArgument, "--exercise", "hip-thrust", "--variant", "barbell",
            "--set", "12x60@8", "--set", "12x60@8", "--set", "12x60@8", "--date", Day(3), "--json");
        var ids = logged.Json.GetProperty("sets").EnumerateArray().Select(s => s.GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture)).ToArray();
        var before = await CliProcess.RunAsync("next", "hip-thrust", "--db", db.DbArgument, "--json");

        foreach (var id in ids)
        {
            Assert.Equal(0, (await CliProcess.RunAsync("log", "edit", "set", id, "--reps", "8", "--db", db.DbArgument)).ExitCode);
        }

        var after = await CliProcess.RunAsync("next", "hip-thrust", "--db", db.DbArgument, "--json");
        var bad = await CliProcess.RunAsync("log", "edit", "set", ids[0], "--rpe", "12", "--db", db.DbArgument);
        var deleted = await CliProcess.RunAsync("log", "delete", "set", ids[2], "--db", db.DbArgument);
        var list = await CliProcess.RunAsync("log", "list", "--db", db.DbArgument, "--json");

        Assert.Equal(0, logged.ExitCode);
        Assert.Equal("62.5 kg", before.Json.GetProperty("exercises")[0].GetProperty("load").GetString());
        Assert.Equal("60 kg", after.Json.GetProperty("exercises")[0].GetProperty("load").GetString());
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("rpe: RPE must be between 1 and 10, got 12", bad.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, deleted.ExitCode);
        var sets = list.Json.GetProperty("days")[0].GetProperty("sessions")[0].GetProperty("sets");
        Assert.Equal([8, 8], sets.EnumerateArray().Select(s => s.GetProperty("reps").GetInt32()));
    }

    [Fact]
    public async Task Activities_ShowMilesPaceAndTimesInTheRunnersZone()
    {
        await using var db = await TestDatabases.CreateAsync("sqlite");
        // A real run that started at 20:40 UTC on Christmas Day 2020: 13:40 in Denver (MST, UTC-7).
        var run = Fixtures.Path("gpx", "sports-alliance__sports-lib__src__specs__fixtures__runs__gpx__6037744996.gpx");
        Assert.Equal(0, (await CliProcess.RunAsync("settings", "--distance-unit", "mi", "--weight-unit", "lb", "--time-zone", "America/Denver", "--db", db.DbArgument)).ExitCode);
        Assert.Equal(0, (await CliProcess.RunAsync("import", run, "--db", db.DbArgument)).ExitCode);

        var table = await CliProcess.RunInTerminalAsync(80, "activities", "--db", db.DbArgument);

        Assert.Equal(0, table.ExitCode);
        Assert.Contains("America/Denver", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("2020-12-25 13:40", table.Stdout, StringComparison.Ordinal);
        Assert.Contains(" mi", table.Stdout, StringComparison.Ordinal);
        Assert.Contains(" /mi", table.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(" km", table.Stdout, StringComparison.Ordinal);
        Assert.All(table.Stdout.Split('\n'), line => Assert.True(line.TrimEnd().Length <= 80, $"wider than 80 columns: {line}"));
    }

    [Fact]
    public async Task LogList_PagesByDay_AndSaysHowToSeeOlderDays()
    {
        await using var db = await TestDatabases.CreateAsync("sqlite");
        for (var i = 1; i <= 4; i++)
        {
            Assert.Equal(0, (await CliProcess.RunAsync("log", "soreness", "--area", "calves", "--score", "2", "--date", Day(i), "--db", db.DbArgument)).ExitCode);
        }

        var first = await CliProcess.RunAsync("log", "list", "--limit", "3", "--db", db.DbArgument);
        var older = await CliProcess.RunAsync("log", "list", "--limit", "3", "--before", Day(3), "--db", db.DbArgument, "--json");
        var bad = await CliProcess.RunAsync("log", "list", "--limit", "1000", "--db", db.DbArgument);

        Assert.Contains($"Older days: runstrong log list --before {Day(3)}", first.Stdout, StringComparison.Ordinal);
        Assert.Equal([Day(4)], older.Json.GetProperty("days").EnumerateArray().Select(d => d.GetProperty("date").GetString()));
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("limit: 1000 is out of range; give 1 to 100", bad.Stderr, StringComparison.Ordinal);
    }
}
