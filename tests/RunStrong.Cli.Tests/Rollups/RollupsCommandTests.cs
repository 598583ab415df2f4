using Microsoft.EntityFrameworkCore;
using RunStrong.Cli.Tests.Infrastructure;
using RunStrong.TestSupport;

namespace RunStrong.Cli.Tests.Rollups;

/// <summary><c>runstrong rollups rebuild</c> through the real executable: the demo year's weeks are built again, with progress on stderr.</summary>
public class RollupsCommandTests
{
    public static TheoryData<string> Engines => TestDatabases.Engines;

    [Theory, MemberData(nameof(Engines))]
    public async Task RollupsRebuild_BuildsEveryWeekWithTraining_AndSaysHowFarItIs(string engine)
    {
        await using var database = await TestDatabases.CreateAsync(engine);
        Assert.Equal(0, (await CliProcess.RunAsync("demo", "--db", database.DbArgument)).ExitCode);

        var rebuilt = await CliProcess.RunAsync("rollups", "rebuild", "--json", "--db", database.DbArgument);
        var forPeople = await CliProcess.RunAsync("rollups", "rebuild", "--db", database.DbArgument);

        Assert.Equal(0, rebuilt.ExitCode);
        var weeks = rebuilt.Json.GetProperty("weeks").GetInt32();
        Assert.InRange(weeks, 50, 54);
        Assert.Equal(1, rebuilt.Json.GetProperty("runners").GetInt32());
        Assert.Contains($"rollups: runner 1 of 1 (Runner): {weeks} of {weeks} weeks", rebuilt.Stderr, StringComparison.Ordinal);
        await using (var db = database.CreateContext())
        {
            Assert.Equal(weeks, await db.WeekRollups.CountAsync());
            Assert.Equal(1, await db.RollupStates.CountAsync());
            Assert.False(await db.RollupMarks.AnyAsync(), "the demo's marks were consumed by the rebuild");
        }

        Assert.Equal(0, forPeople.ExitCode);
        Assert.Contains($"Rollups rebuilt for 1 runner: {weeks} weeks with training.", forPeople.Stdout, StringComparison.Ordinal);
    }
}
