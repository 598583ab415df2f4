using RunStrong.Features.Common;
using RunStrong.TestSupport;

namespace RunStrong.Cli.Tests.Infrastructure;

/// <summary>
/// The test-only clock setting of the real <c>runstrong</c> executable (issue 11): honoured in the Testing environment,
/// refused everywhere else with a message that names it, so a real installation never runs on a made-up date.
/// </summary>
public class TestClockSettingTests
{
    [Fact]
    public async Task InTesting_TheCommandsToday_IsTheSettingsDay()
    {
        await using var db = TestDatabases.CreateSqlite();
        var leapDay = new Dictionary<string, string?> { [Clocks.EnvironmentVariable] = "2028-02-29T23:30:00Z" };

        var logged = await CliProcess.RunWithAsync(leapDay, 160, "log", "soreness", "--db", db.DbArgument, "--area", "calves", "--score", "3");
        var list = await CliProcess.RunAsync("log", "list", "--db", db.DbArgument, "--json");

        Assert.Equal(0, logged.ExitCode);
        Assert.Equal("2028-02-29", list.Json.GetProperty("days")[0].GetProperty("date").GetString());
    }

    [Fact]
    public async Task WithoutTheSetting_TheSuitesClockIsUsed()
    {
        await using var db = TestDatabases.CreateSqlite();

        var logged = await CliProcess.RunAsync("log", "soreness", "--db", db.DbArgument, "--area", "calves", "--score", "3");
        var list = await CliProcess.RunAsync("log", "list", "--db", db.DbArgument, "--json");

        Assert.Equal(0, logged.ExitCode);
        Assert.Equal(TestClock.Iso(TestClock.Today), list.Json.GetProperty("days")[0].GetProperty("date").GetString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task OutsideTesting_TheSettingIsRefused_AndNothingIsStored(string? environment)
    {
        await using var db = TestDatabases.CreateSqlite();
        var production = new Dictionary<string, string?> { ["DOTNET_ENVIRONMENT"] = environment, [Clocks.EnvironmentVariable] = "2028-02-29" };

        var refused = await CliProcess.RunWithAsync(production, 160, "log", "soreness", "--db", db.DbArgument, "--area", "calves", "--score", "3");
        var list = await CliProcess.RunAsync("log", "list", "--db", db.DbArgument, "--json");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains($"runstrong: RUNSTRONG_TEST_CLOCK: the test clock is refused in the {environment ?? "Production"} environment", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, list.Json.GetProperty("days").GetArrayLength());
    }

    [Fact]
    public async Task AMalformedSetting_IsNamedWithItsValue()
    {
        var result = await CliProcess.RunWithAsync(new Dictionary<string, string?> { [Clocks.EnvironmentVariable] = "next tuesday" }, 160, "exercises");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("RUNSTRONG_TEST_CLOCK: 'next tuesday' is not a date (2028-02-29) or an ISO 8601 instant", result.Stderr, StringComparison.Ordinal);
    }
}
