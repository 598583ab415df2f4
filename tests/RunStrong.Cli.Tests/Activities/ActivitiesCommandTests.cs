using RunStrong.Cli.Tests.Infrastructure;
using RunStrong.TestSupport;

namespace RunStrong.Cli.Tests.Activities;

/// <summary>runstrong activities on a real SQLite file: pages a script can follow, and runs logged by hand as they were typed.</summary>
public class ActivitiesCommandTests
{
    private static string Day(int daysAgo) => TestClock.Iso(TestClock.Today.AddDays(-daysAgo));

    [Fact]
    public async Task ActivitiesJson_CarriesTheNextPage_AndAScriptFollowingItSeesEveryActivityOnce()
    {
        await using var db = TestDatabases.CreateSqlite();
        for (var n = 1; n <= 5; n++)
        {
            Assert.Equal(0, (await CliProcess.RunAsync("log", "run", "--db", db.DbArgument, "--date", Day(n), "--distance", "5k", "--time", "25:00")).ExitCode);
        }

        var ids = new List<long>();
        var firsts = new List<int>();
        var nexts = new List<string?>();
        string[] options = ["--limit", "2"];
        for (var page = 0; page < 5; page++)
        {
            var list = await CliProcess.RunAsync(["activities", "--json", "--db", db.DbArgument, .. options]);
            Assert.Equal(0, list.ExitCode);
            ids.AddRange(list.Json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()));
            firsts.Add(list.Json.GetProperty("first").GetInt32());
            var next = list.Json.GetProperty("next").GetString();
            nexts.Add(next);
            if (next is null)
            {
                Assert.Equal(System.Text.Json.JsonValueKind.Null, list.Json.GetProperty("nextBefore").ValueKind);
                Assert.Equal($"--after {Day(5)} --limit 2", list.Json.GetProperty("newer").GetString());
                break;
            }

            Assert.Equal(list.Json.GetProperty("nextBefore").GetString(), next.Split(' ')[1]);
            options = next.Split(' ');
        }

        Assert.Equal([$"--before {Day(2)} --limit 2", $"--before {Day(4)} --limit 2", null], nexts);
        Assert.Equal([1, 3, 5], firsts);
        Assert.Equal(5, ids.Distinct().Count());

        var numbered = await CliProcess.RunAsync("activities", "--json", "--page", "1", "--page-size", "2", "--db", db.DbArgument);
        Assert.Equal(("--page 2 --page-size 2", 3), (numbered.Json.GetProperty("next").GetString(), numbered.Json.GetProperty("pages").GetInt32()));
    }

    [Fact]
    public async Task ActivitiesTable_RunLoggedByHand_ShowsItsDayAndPace_NoTimeOfDayOrClimb_AndHowToSeeOlder()
    {
        await using var db = TestDatabases.CreateSqlite();
        Assert.Equal(0, (await CliProcess.RunAsync("log", "run", "--db", db.DbArgument, "--date", Day(2), "--distance", "8k", "--time", "40:00")).ExitCode);
        Assert.Equal(0, (await CliProcess.RunAsync("log", "run", "--db", db.DbArgument, "--date", Day(3), "--distance", "5k", "--time", "25:00")).ExitCode);

        var table = await CliProcess.RunInTerminalAsync(80, "activities", "--limit", "1", "--db", db.DbArgument);

        Assert.Equal(0, table.ExitCode);
        Assert.Contains($"{Day(2)} (by hand)", table.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("12:00", table.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("0 m", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("5:00 /km", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("Activities 1–1 of 2", table.Stdout, StringComparison.Ordinal);
        Assert.Contains($"Older: runstrong activities --before {Day(2)} --limit 1", table.Stdout, StringComparison.Ordinal);
        Assert.All(table.Stdout.Split('\n'), line => Assert.True(line.TrimEnd().Length <= 80, $"wider than 80 columns: {line}"));
    }
}
