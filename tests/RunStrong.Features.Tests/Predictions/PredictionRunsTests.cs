using Microsoft.EntityFrameworkCore;
using RunStrong.Features.Activities;
using RunStrong.Features.Common;
using RunStrong.Features.Predictions;
using RunStrong.TestSupport;

namespace RunStrong.Features.Tests.Predictions;

/// <summary>Predictions start from road runs and races only, and name the goal race of the current plan (real files).</summary>
public sealed class PredictionRunsTests
{
    private static readonly string RoadRun = Fixtures.Path("fit", "sports-alliance__sports-lib__src__specs__fixtures__runs__fit__6916663933.fit");
    private static readonly string Treadmill = Fixtures.Path("fit", "sports-alliance__sports-lib__src__specs__fixtures__runs__fit__6860622783.fit");
    private static readonly string TrailRun = Fixtures.Path("fit", "sports-alliance__sports-lib__src__specs__fixtures__runs__fit__6910052863.fit");
    private static readonly string MountainRun = Fixtures.Path("gpx", "sports-alliance__sports-lib__src__specs__fixtures__runs__gpx__6037744996.gpx");

    /// <summary>Two weeks after the road run of 14 Mar 2020: all four runs fall in the 90 days predictions look back on.</summary>
    private static readonly TimeProvider Clock = TestClock.At(new DateTimeOffset(2020, 3, 28, 9, 0, 0, TimeSpan.Zero));

    public static TheoryData<string> Engines => TestDatabases.Engines;

    [Theory, MemberData(nameof(Engines))]
    public async Task FromStoredRuns_OnlyRoadRunsCount_AndWhatIsLeftOutIsCounted(string engine)
    {
        await using var database = await TestDatabases.CreateAsync(engine);
        await using var db = database.CreateContext();
        var report = await ImportActivities.CollectAsync(ImportActivities.FromPathsAsync(db, LocalRunner.Instance, Clock, [RoadRun, Treadmill, TrailRun, MountainRun]));
        Assert.Equal(4, report.Imported);

        var response = await Predict.HandleAsync(db, LocalRunner.Instance, Clock, new Predict.Request());
        var trend = await PredictionTrend.HandleAsync(db, LocalRunner.Instance);

        // The treadmill run's 5 km of 20:30 would win; it is not a road run (its distance is the device's estimate).
        Assert.Equal(new DateOnly(2020, 3, 14), response.SourceDate);
        Assert.Equal(
            new Dictionary<string, int> { ["a treadmill run"] = 1, ["a trail run"] = 1, ["climbs more than 25 m a km"] = 1 },
            response.LeftOut.OrderBy(p => p.Key).ToDictionary());
        Assert.Equal([(2020, 3)], trend.Select(m => (m.Year, m.Month)));
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task GoalRace_OfTheNewestPlan_IsPredictedWithThePaceItNeeds(string engine)
    {
        await using var database = await TestDatabases.CreateAsync(engine);
        var start = TestClock.Today;
        await TrainingPlans.SeedAsync(database, start, "Spring plan",
            TrainingPlans.RaceProfileJson(start, "half", start.AddDays(70), "City Half Marathon"));
        await using var db = database.CreateContext();

        var response = Predict.Compute(new Predict.Request("10k=45:00"));
        var goal = await Predict.GoalAsync(db, LocalRunner.Instance, response);

        Assert.NotNull(goal);
        Assert.Equal("City Half Marathon", goal.Name);
        Assert.Equal(21097.5, goal.DistanceMeters);
        Assert.Equal(start.AddDays(70), goal.Date);
        var half = response.Rows.Single(r => r.Distance == "half");
        Assert.Equal(half.Vdot, goal.Predicted);
        Assert.Equal(goal.Seconds / 21.0975, goal.PaceSecondsPerKm, 0.01);
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task FromStoredRuns_ARaceEnteredByHandFasterThanTheWorldRecord_IsLeftOutLikeAnImport(string engine)
    {
        await using var database = await TestDatabases.CreateAsync(engine);
        await using var db = database.CreateContext();
        var today = TestClock.Today;
        var clock = TestClock.Create();
        await RunStrong.Features.Training.LogRun.HandleAsync(db, LocalRunner.Instance, clock, new RunStrong.Features.Training.LogRun.Request { Date = today.AddDays(-3), Distance = "5k", Time = "21:00", Type = "race" });
        // A typo (12:00 for 21:00) stored before logging refused it: a manual row whose best effort beats the 12:35 world record.
        var typo = await RunStrong.Features.Training.LogRun.HandleAsync(db, LocalRunner.Instance, clock, new RunStrong.Features.Training.LogRun.Request { Date = today.AddDays(-2), Distance = "5k", Time = "22:00", Type = "race" });
        var row = await db.Activities.AsTracking().SingleAsync(a => a.Id == typo.Id);
        row.ElapsedSeconds = row.MovingSeconds = 720;
        row.SummaryJson = (StoredSummary.Read(row.SummaryJson) with { BestEfforts = [new Domain.Activities.Metrics.BestEffort(5000, 720)] }).ToJson();
        await db.SaveChangesAsync();

        var response = await Predict.HandleAsync(db, LocalRunner.Instance, clock, new Predict.Request(To: "marathon"));
        var trend = await PredictionTrend.RecomputeAsync(db, LocalRunner.Instance);

        Assert.Equal(("5k", "21:00"), (response.FromName, response.FromTime));
        Assert.Equal(new Dictionary<string, int> { ["holds a figure nobody can run"] = 1 }, response.LeftOut);
        Assert.Equal(1260, Assert.Single(trend).BestSeconds);
    }

    [Fact]
    public async Task GoalRace_WithoutAPlan_IsNone()
    {
        await using var database = await TestDatabases.CreateAsync("sqlite");
        await using var db = database.CreateContext();

        Assert.Null(await Predict.GoalAsync(db, LocalRunner.Instance, Predict.Compute(new Predict.Request("5k=20:00"))));
    }
}
