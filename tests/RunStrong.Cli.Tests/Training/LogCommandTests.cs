using RunStrong.Cli.Tests.Infrastructure;
using RunStrong.TestSupport;

namespace RunStrong.Cli.Tests.Training;

/// <summary>runstrong log / next on a real SQLite file, as a user's shell runs them.</summary>
public class LogCommandTests
{
    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("0001-01-01")]
    [InlineData("1800-01-01")]
    public async Task Log_OnADayNothingCanBeLoggedOn_ExitsOne_NamingTheDate_AndStoresNothing(string day)
    {
        await using var db = TestDatabases.CreateSqlite();

        var run = await CliProcess.RunAsync("log", "run", "--db", db.DbArgument, "--date", day, "--distance", "10k", "--time", "50:00");
        var soreness = await CliProcess.RunAsync("log", "soreness", "--db", db.DbArgument, "--date", day, "--area", "calves", "--score", "4");
        var strength = await CliProcess.RunAsync("log", "strength", "--db", db.DbArgument, "--exercise", "hip-thrust", "--variant", "barbell", "--set", "12x60kg@7", "--date", day);

        Assert.Equal((1, 1, 1), (run.ExitCode, soreness.ExitCode, strength.ExitCode));
        Assert.StartsWith($"runstrong: date: {day} is not a day the run can have been on (1990-01-01 to today, ", run.Stderr, StringComparison.Ordinal);
        Assert.StartsWith($"runstrong: date: {day} is not a day the soreness check-in can have been on", soreness.Stderr, StringComparison.Ordinal);
        Assert.StartsWith($"runstrong: date: {day} is not a day the strength session can be logged on (1990-01-01 to 7 days after today, ", strength.Stderr, StringComparison.Ordinal);
        var list = await CliProcess.RunAsync("log", "list", "--db", db.DbArgument, "--json");
        Assert.Equal(0, list.Json.GetProperty("days").GetArrayLength());
    }

    [Fact]
    public async Task LogListNext_RoundTripOnASqliteFile()
    {
        await using var db = TestDatabases.CreateSqlite();

        var first = await CliProcess.RunAsync("log", "strength", "--db", db.DbArgument, "--exercise", "hip-thrust", "--variant", "barbell",
            "--set", "12x60kg@7", "--set", "12x60kg@7.5", "--set", "12x60kg@8", "--date", "2026-11-16", "--json");
        var second = await CliProcess.RunAsync("log", "strength", "--db", db.DbArgument, "--exercise", "clamshell", "--variant", "banded",
            "--set", "15+light@7", "--set", "15+light@8", "--date", "2026-11-16");
        var run = await CliProcess.RunAsync("log", "run", "--db", db.DbArgument, "--date", "2026-11-17", "--distance", "10k", "--time", "50:00", "--type", "easy", "--rpe", "5");
        var soreness = await CliProcess.RunAsync("log", "soreness", "--db", db.DbArgument, "--date", "2026-11-17", "--area", "calves", "--score", "4");

        Assert.Equal((0, 0, 0, 0), (first.ExitCode, second.ExitCode, run.ExitCode, soreness.ExitCode));
        Assert.Equal(3, first.Json.GetProperty("sets").GetArrayLength());
        Assert.Contains("clamshell (banded) 15+light@7, 15+light@8", second.Stdout.Replace("\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("Logged run", run.Stdout, StringComparison.Ordinal);

        var list = await CliProcess.RunAsync("log", "list", "--db", db.DbArgument, "--json");
        Assert.Equal(0, list.ExitCode);
        var days = list.Json.GetProperty("days").EnumerateArray().ToArray();
        Assert.Equal(["2026-11-17", "2026-11-16"], days.Select(d => d.GetProperty("date").GetString()));
        Assert.Equal(2, days[1].GetProperty("sessions").GetArrayLength());
        var logged = days[0].GetProperty("runs")[0];
        Assert.Equal((10000.0, 3000.0, "easy"), (logged.GetProperty("distanceMeters").GetDouble(), logged.GetProperty("seconds").GetDouble(), logged.GetProperty("type").GetString()));
        Assert.Equal(("calves", 4), (days[0].GetProperty("checkIns")[0].GetProperty("area").GetString(), days[0].GetProperty("checkIns")[0].GetProperty("score").GetInt32()));

        var table = await CliProcess.RunAsync("log", "list", "--db", db.DbArgument);
        // The table wraps long cells over lines; read it as one line of words.
        var words = System.Text.RegularExpressions.Regex.Replace(table.Stdout, @"\s+", " ");
        Assert.Contains("Hip thrust, barbell: 12 x 60 kg, RPE 7, 12 x 60 kg, RPE 7.5", words, StringComparison.Ordinal);
        Assert.Contains("calves 4/10", table.Stdout, StringComparison.Ordinal);

        var next = await CliProcess.RunAsync("next", "hip-thrust", "--db", db.DbArgument, "--json");
        Assert.Equal(0, next.ExitCode);
        var item = next.Json.GetProperty("exercises")[0];
        Assert.Equal(("add-load", "62.5 kg", 8), (item.GetProperty("step").GetString(), item.GetProperty("load").GetString(), item.GetProperty("targetReps").GetInt32()));
        Assert.Equal("last time 3 x 12 at 60 kg at RPE 8, the top of the range: add 2.5 kg (4 %) to 62.5 kg and go back to 8 reps", item.GetProperty("reason").GetString());

        var all = await CliProcess.RunAsync("next", "--db", db.DbArgument);
        Assert.Equal(0, all.ExitCode);
        Assert.Contains("Hip thrust (barbell): 3 x 8 at 62.5 kg, RPE 7", all.Stdout, StringComparison.Ordinal);
        Assert.Contains("Clamshell (banded)", all.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LogStrength_PainFlag_MarksEverySet_AndNextBacksOff()
    {
        await using var db = TestDatabases.CreateSqlite();

        var logged = await CliProcess.RunAsync("log", "strength", "--db", db.DbArgument, "--exercise", "hip-thrust", "--variant", "banded",
            "--set", "12+light@7", "--set", "12+light@7", "--pain", "--json");
        var next = await CliProcess.RunAsync("next", "hip-thrust", "--db", db.DbArgument, "--json");

        Assert.Equal(0, logged.ExitCode);
        Assert.All(logged.Json.GetProperty("sets").EnumerateArray(), s => Assert.True(s.GetProperty("pain").GetBoolean()));
        var item = next.Json.GetProperty("exercises")[0];
        Assert.Equal(("back-off-rung", "bodyweight"), (item.GetProperty("step").GetString(), item.GetProperty("variant").GetString()));
        Assert.StartsWith("you felt pain during Hip thrust last time", item.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NextHillSprints_After12x12sOnThe12SecondRung_Keeps12x12s()
    {
        await using var db = TestDatabases.CreateSqlite();
        string[] sprints = [.. Enumerable.Range(0, 12).SelectMany(_ => new[] { "--set", "12s" })];

        var logged = await CliProcess.RunAsync(["log", "strength", "--db", db.DbArgument, "--exercise", "hill-sprints", "--variant", "12-seconds", .. sprints, "--date", "2026-11-16"]);
        var next = await CliProcess.RunAsync("next", "hill-sprints", "--db", db.DbArgument);

        Assert.Equal((0, 0), (logged.ExitCode, next.ExitCode));
        // The plan's ladder tops out at 12 x 12 s (Hudson 2008): not 10 x 8 s.
        Assert.Contains("Hill sprints (12-seconds): 12 x 12 s, RPE 9", next.Stdout, StringComparison.Ordinal);
        Assert.Contains("last time 12 x 12 s, all completed: that is the top of the ladder, 12 x 12 s", System.Text.RegularExpressions.Regex.Replace(next.Stdout, @"\s+", " "), StringComparison.Ordinal);
        Assert.DoesNotContain("8 s", next.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("runstrong: set 2, reps: reps must be 0 or more, got -3", "--exercise", "hip-thrust", "--variant", "barbell", "--set", "10x60kg", "--set", "-3x60kg")]
    [InlineData("runstrong: set 1, exercise: unknown exercise 'hip-thrusts'", "--exercise", "hip-thrusts", "--variant", "barbell", "--set", "10x60kg")]
    [InlineData("runstrong: set 1, rpe: RPE must be between 1 and 10, got 11", "--exercise", "hip-thrust", "--variant", "barbell", "--set", "10x60kg@11")]
    [InlineData("runstrong: date: '16/11/2026' is not a date; write YYYY-MM-DD", "--exercise", "hip-thrust", "--variant", "barbell", "--set", "10x60kg", "--date", "16/11/2026")]
    public async Task LogStrength_BadInput_ExitsOneNamingTheSetAndField(string message, params string[] args)
    {
        await using var db = TestDatabases.CreateSqlite();

        var result = await CliProcess.RunAsync(["log", "strength", "--db", db.DbArgument, .. args]);
        var list = await CliProcess.RunAsync("log", "list", "--db", db.DbArgument, "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith(message, result.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, list.Json.GetProperty("days").GetArrayLength());
    }

    [Theory]
    [InlineData("runstrong: --rpe: expected a number, got \"abc\"", "log", "run", "--distance", "5k", "--time", "50:00", "--rpe", "abc")]
    [InlineData("runstrong: --score: expected a whole number, got \"four\"", "log", "soreness", "--area", "calves", "--score", "four")]
    public async Task Log_ValueOfTheWrongType_IsOneLineNamingTheOption_WithoutTheHelpText(string message, params string[] args)
    {
        await using var db = TestDatabases.CreateSqlite();

        var result = await CliProcess.RunAsync([.. args, "--db", db.DbArgument]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(message, result.Stderr.TrimEnd());
        Assert.Equal("", result.Stdout);
    }

    [Theory]
    [InlineData("runstrong: time: '00:00' is no time at all", "log", "run", "--distance", "10k", "--time", "00:00")]
    [InlineData("runstrong: distance: 'far' is not a distance I know", "log", "run", "--distance", "far", "--time", "50:00")]
    [InlineData("runstrong: time: 5k in 12:00 is faster than the world record for the distance (12:35); check the time and the distance", "log", "run", "--distance", "5k", "--time", "12:00", "--type", "race")]
    [InlineData("runstrong: score: soreness must be between 0 and 10, got 12", "log", "soreness", "--area", "calves", "--score", "12")]
    [InlineData("runstrong: area: unknown body area 'elbow'", "log", "soreness", "--area", "elbow", "--score", "2")]
    [InlineData("runstrong: unknown exercise 'deadlift-x'", "next", "deadlift-x")]
    public async Task LogRunSorenessNext_BadInput_ExitsOne(string message, params string[] args)
    {
        await using var db = TestDatabases.CreateSqlite();

        var result = await CliProcess.RunAsync([.. args, "--db", db.DbArgument]);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith(message, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LogRun_SameRunTwice_IsStoredOnce()
    {
        await using var db = TestDatabases.CreateSqlite();
        string[] args = ["log", "run", "--db", db.DbArgument, "--date", "2026-11-20", "--distance", "5k", "--time", "21:30", "--type", "race"];

        var first = await CliProcess.RunAsync(args);
        var again = await CliProcess.RunAsync(args);
        var list = await CliProcess.RunAsync("log", "list", "--db", db.DbArgument, "--json");

        Assert.Equal((0, 0), (first.ExitCode, again.ExitCode));
        Assert.StartsWith("Already logged as run", again.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, list.Json.GetProperty("days")[0].GetProperty("runs").GetArrayLength());
        Assert.Equal("2026-11-20", list.Json.GetProperty("days")[0].GetProperty("date").GetString());
    }
}
