using RunStrong.Features.Catalogue;
using RunStrong.Features.Common;
using RunStrong.Features.Dashboard;
using RunStrong.Features.Plans;
using RunStrong.Features.Predictions;
using RunStrong.Features.Training;
using RunStrong.TestSupport;

namespace RunStrong.Features.Tests.Predictions;

/// <summary>
/// One rule for what predictions from stored data start from (docs/decisions/0039): a result of the last 12 months, from a
/// stored run or else the plan's profile; an older effort is named with its age, never turned into today's predictions.
/// </summary>
public sealed class RecentStartTests
{
    public static TheoryData<string> Engines => TestDatabases.Engines;

    /// <summary>The runner's today: 30 Nov 2026. The last 12 months start on 1 Dec 2025.</summary>
    private static readonly TimeProvider Clock = TestClock.At(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));

    private static string TenKProfile(string results) => $$"""
        {"experience": "some", "equipment": ["none", "loop-band"], "locations": ["home"], "week": {"tue": "quality", "wed": "easy", "thu": "easy", "sat": "easy", "sun": "long"},
         "race": {"distance": "10k", "date": "2027-02-28", "name": "Gym 10k"}, "start": "2026-12-07", "results": [{{results}}]}
        """;

    private static async Task LogRaceAsync(Data.RunStrongDbContext db, DateOnly date, string distance, string time) =>
        await LogRun.HandleAsync(db, LocalRunner.Instance, Clock, new LogRun.Request { Date = date, Distance = distance, Time = time, Type = "race" });

    [Theory, MemberData(nameof(Engines))]
    public async Task AnEffortEightYearsOld_GivesNoPrediction_ButSaysHowOldItIs_AsTheDashboardGivesNoTrend(string engine)
    {
        await using var database = await TestDatabases.CreateAsync(engine);
        await using var db = database.CreateContext();
        await LogRaceAsync(db, new DateOnly(2018, 4, 23), "1mi", "8:56");

        var starting = await Predict.StartAsync(db, LocalRunner.Instance, Clock);
        var error = await Assert.ThrowsAsync<UserInputException>(() => Predict.HandleAsync(db, LocalRunner.Instance, Clock, new Predict.Request()));
        var dashboard = await GetDashboard.HandleAsync(db, new ExerciseCatalogue(db), LocalRunner.Instance, Clock, new GetDashboard.Request());

        Assert.Null(starting.Start);
        Assert.Equal("from", error.Field);
        Assert.Equal(
            "from: no result given, and no road run or race in the last 12 months has a best effort of a mile or more, nor has your plan a result that recent: "
            + "your newest, 1mi in 8:56 on 2018-04-23, is 8 years old, and your fitness has changed since; enter a recent race or time trial, such as 5k=20:00",
            error.Message);
        Assert.Empty(dashboard.PredictionTrend);
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task TheNewestMonthInTheLast12Months_StillStarts_ButOneMonthOlderDoesNot(string engine)
    {
        await using var database = await TestDatabases.CreateAsync(engine);
        await using var db = database.CreateContext();
        await LogRaceAsync(db, new DateOnly(2025, 11, 30), "5k", "19:00");
        await LogRaceAsync(db, new DateOnly(2025, 12, 1), "5k", "24:00");

        var response = await Predict.HandleAsync(db, LocalRunner.Instance, Clock, new Predict.Request(To: "10k"));
        var dashboard = await GetDashboard.HandleAsync(db, new ExerciseCatalogue(db), LocalRunner.Instance, Clock, new GetDashboard.Request());

        // The faster 19:00 is a day older than the window: the dashboard's trend and the predictions both start from 24:00.
        Assert.Equal(("5k", "24:00", "best effort of a stored run", new DateOnly(2025, 12, 1)), (response.FromName, response.FromTime, response.Source, response.SourceDate));
        Assert.Equal("2025-12", Assert.Single(dashboard.PredictionTrend).Month);
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task WithNoRecentRun_TheGoalRaceStartsFromThePlansResult_AndAgreesWithItsRaceDay(string engine)
    {
        await using var database = await TestDatabases.CreateAsync(engine);
        await using var db = database.CreateContext();
        await LogRaceAsync(db, new DateOnly(2017, 3, 19), "1mi", "10:47");
        var plan = await CreatePlan.HandleAsync(db, LocalRunner.Instance, Clock,
            new CreatePlan.Request("Gym 10k plan", TenKProfile("""{"distance": "5k", "time": "22:00", "date": "2026-10-10"}""")));

        var response = await Predict.HandleAsync(db, LocalRunner.Instance, Clock, new Predict.Request());
        var goal = await Predict.GoalAsync(db, LocalRunner.Instance, response);
        var stored = await GetPlan.HandleAsync(db, new ExerciseCatalogue(db), LocalRunner.Instance, Clock, plan.Id);
        var raceDay = stored.Plan.Days.Single(d => d.Date == new DateOnly(2027, 2, 28)).Run!;

        Assert.Equal(("5k", "22:00", "a result entered in your plan \u201cGym 10k plan\u201d", new DateOnly(2026, 10, 10)),
            (response.FromName, response.FromTime, response.Source, response.SourceDate));
        Assert.NotNull(goal);
        Assert.Equal("45:35", raceDay.Target!.FinishTime);
        Assert.Equal(raceDay.Target.FinishTime, goal.Predicted);
        Assert.Equal(3, goal.Models);
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task ARecentStoredRun_ComesBeforeThePlansResult(string engine)
    {
        await using var database = await TestDatabases.CreateAsync(engine);
        await using var db = database.CreateContext();
        await LogRaceAsync(db, new DateOnly(2026, 11, 8), "10k", "50:00");
        await CreatePlan.HandleAsync(db, LocalRunner.Instance, Clock,
            new CreatePlan.Request("Gym 10k plan", TenKProfile("""{"distance": "5k", "time": "22:00", "date": "2026-10-10"}""")));

        var response = await Predict.HandleAsync(db, LocalRunner.Instance, Clock, new Predict.Request());

        Assert.Equal(("10k", "50:00", "best effort of a stored run"), (response.FromName, response.FromTime, response.Source));
    }

    [Theory]
    [InlineData("""{"distance": "5k", "time": "22:00", "date": "2025-11-30"}""")] // a day older than the 12 months
    [InlineData("""{"distance": "5k", "time": "12:00", "date": "2026-10-10"}""")] // faster than the world record: a typo
    public async Task APlansResultThatIsOldOrImpossible_StartsNothing(string result)
    {
        await using var database = await TestDatabases.CreateAsync("sqlite");
        await using var db = database.CreateContext();
        await CreatePlan.HandleAsync(db, LocalRunner.Instance, Clock, new CreatePlan.Request("Gym 10k plan", TenKProfile(result)));

        var starting = await Predict.StartAsync(db, LocalRunner.Instance, Clock);

        Assert.Null(starting.Start);
        Assert.Null(starting.Newest);
        Assert.StartsWith("no stored road run or race has a best effort of a mile or more", starting.Missing, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APlansUndatedResult_CountsFromThePlansStart()
    {
        await using var database = await TestDatabases.CreateAsync("sqlite");
        await using var db = database.CreateContext();
        await CreatePlan.HandleAsync(db, LocalRunner.Instance, Clock, new CreatePlan.Request("Gym 10k plan", TenKProfile("""{"distance": "5k", "time": "22:00"}""")));

        var response = await Predict.HandleAsync(db, LocalRunner.Instance, Clock, new Predict.Request());

        Assert.Equal(("5k", "22:00", null), (response.FromName, response.FromTime, response.SourceDate));
        Assert.Equal("a result entered in your plan \u201cGym 10k plan\u201d", response.Source);
    }

    [Fact]
    public async Task AGoalRaceTheVdotModelLeavesOut_SaysTwoModelsGaveAFigure()
    {
        await using var database = await TestDatabases.CreateAsync("sqlite");
        await using var db = database.CreateContext();
        await CreatePlan.HandleAsync(db, LocalRunner.Instance, Clock, new CreatePlan.Request("Gym 10k plan", TenKProfile("")));

        // A 5 km in 40:00 is a VDOT of about 23, below Daniels' tables: Riegel and Cameron answer, VDOT does not.
        var goal = await Predict.GoalAsync(db, LocalRunner.Instance, Predict.Compute(new Predict.Request("5k=40:00")));

        Assert.NotNull(goal);
        Assert.Equal(2, goal.Models);
    }

    [Theory]
    [InlineData("2026-11-18", "12 days")]
    [InlineData("2026-04-30", "7 months")]
    [InlineData("2025-11-30", "12 months")]
    [InlineData("2018-04-23", "8 years")]
    public void Age_SaysHowLongAgoInWholeUnits(string date, string age) =>
        Assert.Equal(age, Predict.Age(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), new DateOnly(2026, 11, 30)));
}
