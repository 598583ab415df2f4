using RunStrong.Cli.Tests.Infrastructure;
using RunStrong.TestSupport;

namespace RunStrong.Cli.Tests.Settings;

/// <summary><c>runstrong settings</c>: heart rates for Banister TRIMP.</summary>
public class SettingsCommandTests
{
    [Fact]
    public async Task Settings_SetOneAtATime_KeepsTheOthers_AndABadValueExitsOne()
    {
        await using var db = await TestDatabases.CreateAsync("sqlite");

        var first = await CliProcess.RunAsync("settings", "--resting-hr", "48", "--max-hr", "189", "--json", "--db", db.DbArgument);
        var second = await CliProcess.RunAsync("settings", "--trimp-weighting", "women", "--json", "--db", db.DbArgument);
        var bad = await CliProcess.RunAsync("settings", "--max-hr", "30", "--db", db.DbArgument);
        var shown = await CliProcess.RunAsync("settings", "--db", db.DbArgument);

        Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
        Assert.Equal(48, second.Json.GetProperty("restingHeartRate").GetInt32());
        Assert.Equal(189, second.Json.GetProperty("maxHeartRate").GetInt32());
        Assert.Equal("women", second.Json.GetProperty("trimpWeighting").GetString());
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("maximum heart rate must be between 100 and 250", bad.Stderr, StringComparison.Ordinal);
        Assert.Contains("Maximum heart rate: 189", shown.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Settings_UnitsAndZone_AreStoredAndShown_AndBadOnesNamed()
    {
        await using var db = await TestDatabases.CreateAsync("sqlite");

        var set = await CliProcess.RunAsync("settings", "--distance-unit", "miles", "--weight-unit", "lb", "--time-zone", "America/Denver", "--json", "--db", db.DbArgument);
        var heart = await CliProcess.RunAsync("settings", "--resting-hr", "50", "--json", "--db", db.DbArgument);
        var badZone = await CliProcess.RunAsync("settings", "--time-zone", "Denver", "--db", db.DbArgument);
        var shown = await CliProcess.RunAsync("settings", "--db", db.DbArgument);

        Assert.Equal(0, set.ExitCode);
        Assert.Equal(("mi", "lb", "America/Denver"), (set.Json.GetProperty("distanceUnit").GetString(), set.Json.GetProperty("weightUnit").GetString(), set.Json.GetProperty("timeZone").GetString()));
        Assert.Equal("America/Denver", heart.Json.GetProperty("timeZone").GetString());
        Assert.Equal(1, badZone.ExitCode);
        Assert.Equal("runstrong: timeZone: 'Denver' is not an IANA time zone; use a name such as America/Denver or Europe/Berlin\n", badZone.Stderr.Replace("\r", "", StringComparison.Ordinal));
        Assert.Contains("Distances:          mi", shown.Stdout, StringComparison.Ordinal);
        Assert.Contains("Time zone:          America/Denver", shown.Stdout, StringComparison.Ordinal);
    }
}
