using RunStrong.Cli.Tests.Infrastructure;
using RunStrong.TestSupport;

namespace RunStrong.Cli.Tests.Catalogue;

public class ExercisesCommandTests
{
    [Fact]
    public async Task Exercises_Json_ListsTheCatalogueWithTheDocumentedFields()
    {
        await using var db = TestDatabases.CreateSqlite();

        var result = await CliProcess.RunAsync("exercises", "--json", "--db", db.DbArgument);

        Assert.Equal(0, result.ExitCode);
        var exercises = result.Json.EnumerateArray().ToArray();
        Assert.True(exercises.Length >= 28, $"got {exercises.Length} exercises");
        var split = exercises.Single(e => e.GetProperty("slug").GetString() == "bulgarian-split-squat");
        foreach (var field in new[] { "slug", "name", "primaryMuscles", "secondaryMuscles", "jointActions", "equipment", "locations", "level", "progression" })
        {
            Assert.True(split.TryGetProperty(field, out _), $"bulgarian-split-squat lacks '{field}'");
        }

        Assert.Contains("gluteus-maximus", split.GetProperty("primaryMuscles").EnumerateArray().Select(m => m.GetString()));
        Assert.True(split.GetProperty("progression").GetArrayLength() >= 2);
        Assert.All(split.GetProperty("progression").EnumerateArray(), v => Assert.Equal(System.Text.Json.JsonValueKind.String, v.ValueKind));
    }

    [Fact]
    public async Task Exercises_Filters_NarrowTheList()
    {
        await using var db = TestDatabases.CreateSqlite();

        var all = await CliProcess.RunAsync("exercises", "--json", "--db", db.DbArgument);
        var gym = await CliProcess.RunAsync("exercises", "--json", "--location", "outdoors", "--muscle", "gluteus-maximus", "--db", db.DbArgument);

        Assert.Equal(0, gym.ExitCode);
        var outdoors = gym.Json.EnumerateArray().ToArray();
        Assert.InRange(outdoors.Length, 1, all.Json.GetArrayLength() - 1);
        Assert.Contains(outdoors, e => e.GetProperty("slug").GetString() == "hill-sprints");
        Assert.All(outdoors, e => Assert.Contains("outdoors", e.GetProperty("locations").EnumerateArray().Select(l => l.GetString())));
    }

    [Fact]
    public async Task Exercises_Table_IsReadableByPeople()
    {
        await using var db = TestDatabases.CreateSqlite();

        var result = await CliProcess.RunInTerminalAsync(80, "exercises", "--equipment", "loop-band", "--db", db.DbArgument);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("fire-hydrant", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Main muscles", result.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"\d+ exercises", result.Stdout);
        Assert.DoesNotContain("\u001b[", result.Stdout, StringComparison.Ordinal);
        Assert.All(result.Stdout.Split('\n'), line => Assert.True(line.TrimEnd().Length <= 80, $"wider than 80 columns: '{line}'"));
        Assert.Contains(result.Stdout.Split('\n'), line => line.Trim().StartsWith("fire-hydrant ", StringComparison.Ordinal) || line.Trim() == "fire-hydrant");
    }

    [Fact]
    public async Task Exercises_UnknownMuscle_ExitsOneWithOneLineNamingIt()
    {
        await using var db = TestDatabases.CreateSqlite();

        var result = await CliProcess.RunAsync("exercises", "--muscle", "biceps", "--db", db.DbArgument);

        Assert.Equal(1, result.ExitCode);
        Assert.Empty(result.Stdout);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("muscle: unknown value 'biceps'", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExercisesShow_UnknownSlug_ExitsOne()
    {
        await using var db = TestDatabases.CreateSqlite();

        var result = await CliProcess.RunAsync("exercises", "show", "moon-walk", "--db", db.DbArgument);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no exercise with slug 'moon-walk'", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExercisesShow_HipThrust_PrintsTheLadderInOrder()
    {
        await using var db = TestDatabases.CreateSqlite();

        var result = await CliProcess.RunAsync("exercises", "show", "hip-thrust", "--db", db.DbArgument);

        Assert.Equal(0, result.ExitCode);
        var band = result.Stdout.IndexOf("loop-band", StringComparison.Ordinal);
        var barbell = result.Stdout.IndexOf("barbell", StringComparison.Ordinal);
        Assert.True(band > 0 && barbell > band, result.Stdout);
    }

    [Fact]
    public async Task Exercises_OnPostgres_UsesTheServerGivenByDb()
    {
        await using var db = await TestDatabases.CreatePostgresAsync();

        var result = await CliProcess.RunAsync("exercises", "--json", "--muscle", "calves", "--db", db.DbArgument);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(result.Json.EnumerateArray(), e => e.GetProperty("slug").GetString() == "calf-raise");
    }

    [Fact]
    public async Task Db_UnreachablePostgres_ExitsOneWithAMessage()
    {
        var result = await CliProcess.RunAsync("exercises", "--db", "Host=127.0.0.1;Port=1;Database=nothing;Username=x;Timeout=2");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("cannot use the PostgreSQL database", result.Stderr, StringComparison.Ordinal);
    }
}
