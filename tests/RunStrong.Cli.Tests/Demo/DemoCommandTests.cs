using RunStrong.Cli.Tests.Infrastructure;
using RunStrong.TestSupport;

namespace RunStrong.Cli.Tests.Demo;

/// <summary><c>runstrong demo</c> then <c>runstrong demo --remove</c>, through the real executable.</summary>
public class DemoCommandTests
{
    public static TheoryData<string> Engines => TestDatabases.Engines;

    [Theory, MemberData(nameof(Engines))]
    public async Task Demo_ThenRemove_AddsAYearAndTakesAllOfItAway(string engine)
    {
        await using var db = await TestDatabases.CreateAsync(engine);

        var added = await CliProcess.RunAsync("demo", "--json", "--db", db.DbArgument);
        var again = await CliProcess.RunAsync("demo", "--db", db.DbArgument);
        var removed = await CliProcess.RunAsync("demo", "--remove", "--json", "--db", db.DbArgument);
        var removedAgain = await CliProcess.RunAsync("demo", "--remove", "--json", "--db", db.DbArgument);

        Assert.Equal(0, added.ExitCode);
        var runs = added.Json.GetProperty("runs").GetInt32();
        Assert.InRange(runs, 200, 270);
        Assert.True(added.Json.GetProperty("strengthSessions").GetInt32() > 20);
        Assert.True(added.Json.GetProperty("checkIns").GetInt32() > 20);
        Assert.Equal(1, added.Json.GetProperty("plans").GetInt32());

        Assert.Equal(1, again.ExitCode);
        Assert.Contains("runstrong: this runner already has demo data; remove it first", again.Stderr, StringComparison.Ordinal);

        Assert.Equal(0, removed.ExitCode);
        Assert.Equal(runs, removed.Json.GetProperty("runs").GetInt32());
        Assert.Equal(added.Json.GetProperty("sets").GetInt32(), removed.Json.GetProperty("sets").GetInt32());
        Assert.Equal(0, removedAgain.Json.GetProperty("runs").GetInt32());
        Assert.Equal(0, removedAgain.Json.GetProperty("plans").GetInt32());
    }

    [Fact]
    public async Task Demo_ForPeople_PrintsWhatItAddedAndHowToRemoveIt()
    {
        await using var db = TestDatabases.CreateSqlite();

        var added = await CliProcess.RunAsync("demo", "--seed", "5", "--db", db.DbArgument);
        var removed = await CliProcess.RunAsync("demo", "--remove", "--db", db.DbArgument);

        Assert.Equal(0, added.ExitCode);
        Assert.Contains("Demo data added", added.Stdout, StringComparison.Ordinal);
        Assert.Contains("runstrong demo --remove", added.Stdout, StringComparison.Ordinal);
        Assert.Contains("Strength sessions", added.Stdout, StringComparison.Ordinal);
        Assert.Contains("Soreness check-ins", added.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, removed.ExitCode);
        Assert.Contains("Demo data removed", removed.Stdout, StringComparison.Ordinal);
    }
}
