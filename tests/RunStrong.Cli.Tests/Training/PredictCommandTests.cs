using System.Text.Json;
using RunStrong.Cli.Tests.Infrastructure;
using RunStrong.TestSupport;

namespace RunStrong.Cli.Tests.Training;

public class PredictCommandTests
{
    private static string Clock(double seconds)
    {
        var whole = (long)Math.Round(seconds, MidpointRounding.AwayFromZero);
        return whole >= 3600 ? $"{whole / 3600}:{whole % 3600 / 60:00}:{whole % 60:00}" : $"{whole / 60}:{whole % 60:00}";
    }

    [Fact]
    public async Task Predict_5kIn20_Json_HasTheDocumentedShape_AndTheDomainVectors()
    {
        var result = await CliProcess.RunAsync("predict", "--from", "5k=20:00", "--json");

        Assert.Equal(0, result.ExitCode);
        var json = result.Json;
        Assert.Equal(["from", "vdot", "predictions"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(5000, json.GetProperty("from").GetProperty("distanceMeters").GetDouble());
        Assert.Equal(1200, json.GetProperty("from").GetProperty("seconds").GetDouble());
        Assert.Equal(49.81, json.GetProperty("vdot").GetDouble());
        var predictions = json.GetProperty("predictions").EnumerateArray().ToArray();
        Assert.Equal(6 * 3, predictions.Length);
        Assert.Equal([1000, 1609.344, 5000, 10000, 21097.5, 42195], predictions.Select(p => p.GetProperty("distanceMeters").GetDouble()).Distinct());
        Assert.All(predictions, p => Assert.Contains(p.GetProperty("model").GetString(), new[] { "riegel", "vdot", "cameron" }));
        string Time(string model, double metres) => Clock(predictions.Single(p =>
            p.GetProperty("model").GetString() == model && p.GetProperty("distanceMeters").GetDouble() == metres).GetProperty("seconds").GetDouble());
        // domain.md §5: Riegel and Cameron vectors from 5 km in 20:00; VDOT 49.81 lies between the table's rows 40 and 50.
        Assert.Equal(("41:42", "1:32:00", "3:11:49"), (Time("riegel", 10000), Time("riegel", 21097.5), Time("riegel", 42195)));
        Assert.Equal(("41:40", "1:31:51", "3:15:11"), (Time("cameron", 10000), Time("cameron", 21097.5), Time("cameron", 42195)));
        Assert.Equal("20:00", Time("vdot", 5000));
    }

    [Fact]
    public async Task Predict_WithTo_PredictsOnlyThatDistance()
    {
        var result = await CliProcess.RunAsync("predict", "--from", "half=1:32:00", "--to", "marathon", "--riegel-exponent", "1.15", "--json");

        Assert.Equal(0, result.ExitCode);
        var predictions = result.Json.GetProperty("predictions").EnumerateArray().ToArray();
        Assert.Equal(["riegel", "vdot", "cameron"], predictions.Select(p => p.GetProperty("model").GetString()));
        Assert.All(predictions, p => Assert.Equal(42195, p.GetProperty("distanceMeters").GetDouble()));
        Assert.Equal("3:24:10", Clock(predictions[0].GetProperty("seconds").GetDouble()));
    }

    [Fact]
    public async Task Predict_Table_ShowsTheThreeModelsAndTheMarathonCaveat()
    {
        var result = await CliProcess.RunAsync("predict", "--from", "10k=45:00");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Riegel", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("VDOT", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Cameron", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("marathon", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Vickers & Vertosick 2016", result.Stdout.Replace("\n", " ", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("5k=00:00", "runstrong: from: '00:00' is no time at all")]
    [InlineData("5k=fast", "runstrong: from: 'fast' is not a time")]
    [InlineData("7furlongs=50:00", "runstrong: from: '7furlongs' is not a distance I know")]
    [InlineData("5k", "runstrong: from: '5k' is not a result: write DISTANCE=TIME")]
    [InlineData("5k=12:00", "runstrong: from: 5k in 12:00 is faster than the world record for the distance (12:35): check the time and the distance")]
    [InlineData("100m=0:12", "runstrong: from: 100m in 0:12 is too short to predict races from: the models start from results of 1500 m")]
    public async Task Predict_BadInput_ExitsOneWithAMessage(string from, string message)
    {
        var result = await CliProcess.RunAsync("predict", "--from", from);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith(message, result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task Predict_VdotOutsideDanielsTables_ShowsNoVdotTime_AndSaysWhy()
    {
        var result = await CliProcess.RunAsync("predict", "--from", "5k=2:00:00", "--to", "marathon");

        Assert.Equal(0, result.ExitCode);
        var stdout = result.Stdout.Replace("\n", " ", StringComparison.Ordinal);
        Assert.Contains("VDOT 3.8 (outside Daniels' tables, 30–85)", stdout, StringComparison.Ordinal);
        var row = result.Stdout.Split('\n').Single(l => l.TrimStart().StartsWith("marathon", StringComparison.Ordinal));
        Assert.Contains("—", row, StringComparison.Ordinal);
        Assert.Contains("No VDOT prediction: 5k in 2:00:00 gives a VDOT of 3.8", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Predict_Json_ModelFasterThanTheWorldRecord_HasNoSeconds_AndSaysWhy()
    {
        // A 3:46 mile is possible, but Riegel takes it to a marathon faster than 2:00:35.
        var result = await CliProcess.RunAsync("predict", "--from", "1mi=3:46", "--to", "marathon", "--json");

        Assert.Equal(0, result.ExitCode);
        var riegel = result.Json.GetProperty("predictions").EnumerateArray().Single(p => p.GetProperty("model").GetString() == "riegel");
        Assert.Equal(JsonValueKind.Null, riegel.GetProperty("seconds").ValueKind);
        Assert.Equal("No Riegel prediction for the marathon: it would be faster than the world record (2:00:35).", riegel.GetProperty("leftOut").GetString());
        Assert.All(result.Json.GetProperty("predictions").EnumerateArray().Where(p => p.GetProperty("seconds").ValueKind == JsonValueKind.Number),
            p => Assert.True(p.GetProperty("seconds").GetDouble() >= 7235));
    }

    [Fact]
    public async Task Predict_UnknownTarget_ExitsOne()
    {
        var result = await CliProcess.RunAsync("predict", "--from", "5k=20:00", "--to", "ultra");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("runstrong: to: 'ultra' is not a distance I know", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Predict_WithoutFrom_UsesTheBestRaceInTheStoredRuns()
    {
        await using var db = TestDatabases.CreateSqlite();
        var today = TestClock.Iso(TestClock.Today);
        var logged = await CliProcess.RunAsync("log", "run", "--db", db.DbArgument, "--date", today, "--distance", "5k", "--time", "20:00", "--type", "race");
        Assert.Equal(0, logged.ExitCode);

        var result = await CliProcess.RunAsync("predict", "--db", db.DbArgument, "--to", "10k", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(49.81, result.Json.GetProperty("vdot").GetDouble());
        Assert.Equal(JsonValueKind.Array, result.Json.GetProperty("predictions").ValueKind);
    }

    [Fact]
    public async Task Predict_WithoutFrom_LeavesOutAStoredRaceFasterThanTheWorldRecord()
    {
        // Stored before logging refused such runs (a typo: 12:00 for 21:00), straight into the table.
        await using var db = TestDatabases.CreateSqlite();
        var today = TestClock.Iso(TestClock.Today);
        Assert.Equal(0, (await CliProcess.RunAsync("log", "run", "--db", db.DbArgument, "--date", today, "--distance", "5k", "--time", "20:00", "--type", "race")).ExitCode);
        await using (var context = db.CreateContext())
        {
            var row = context.Activities.Single();
            context.Activities.Add(new RunStrong.Data.Entities.StoredActivity
            {
                OwnerId = row.OwnerId, Format = "manual", Sport = "running", StartTime = row.StartTime, LocalDate = row.LocalDate, DistanceMeters = 5000,
                ElapsedSeconds = 720, MovingSeconds = 720, ContentHash = "typo", SourcePath = "manual entry", ImportedAt = row.ImportedAt, RunType = "race",
                SummaryJson = row.SummaryJson.Replace("1200", "720", StringComparison.Ordinal),
            });
            await context.SaveChangesAsync();
        }

        var result = await CliProcess.RunAsync("predict", "--db", db.DbArgument, "--to", "marathon");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("From 5k in 20:00", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("VDOT 49.8", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Predict_WithoutFrom_AndOnlyARaceOverAYearOld_ExitsOneSayingHowOldItIs()
    {
        await using var db = TestDatabases.CreateSqlite();
        var day = TestClock.Today.AddYears(-8);
        Assert.Equal(0, (await CliProcess.RunAsync("log", "run", "--db", db.DbArgument, "--date", TestClock.Iso(day), "--distance", "1mi", "--time", "8:56", "--type", "race")).ExitCode);

        var result = await CliProcess.RunAsync("predict", "--db", db.DbArgument);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"your newest, 1mi in 8:56 on {TestClock.Iso(day)}, is 8 years old, and your fitness has changed since; enter a recent race or time trial", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("From 1mi", result.Stdout, StringComparison.Ordinal);
    }
}
