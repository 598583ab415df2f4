using RunStrong.Features.Common;
using RunStrong.Features.Predictions;
using RunStrong.Features.Training;
using RunStrong.TestSupport;

namespace RunStrong.Features.Tests.Predictions;

public class PredictTests
{
    public static TheoryData<string> Engines => TestDatabases.Engines;

    private static readonly TimeProvider Clock = TestClock.At(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Compute_5kIn20_MatchesTheDomainVectorsForEveryModel()
    {
        var response = Predict.Compute(new Predict.Request("5k=20:00"));

        Assert.Equal(49.81, response.Result.Vdot);
        Assert.Equal(["1k", "1mi", "5k", "10k", "half", "marathon"], response.Rows.Select(r => r.Distance));
        string Raw(string model, double metres) =>
            Domain.Prediction.RaceTime.FromSeconds(response.Result.Predictions.Single(p => p.Model == model && p.DistanceMeters == metres).Seconds!.Value).ToString();
        Assert.Equal(("41:42", "1:32:00", "3:11:49"), (Raw("riegel", 10000), Raw("riegel", 21097.5), Raw("riegel", 42195)));
        Assert.Equal(("41:40", "1:31:51", "3:15:11"), (Raw("cameron", 10000), Raw("cameron", 21097.5), Raw("cameron", 42195)));
        Assert.Contains(Domain.Prediction.RacePredictor.MarathonCaveat, response.Rows.Single(r => r.Distance == "marathon").Notes);
    }

    [Theory]
    [InlineData("5k=00:00", null, "from", "from: '00:00' is no time at all: a time must be more than 0:00")]
    [InlineData("ultra=3:00:00", null, "from", "from: 'ultra' is not a distance I know")]
    [InlineData("5k 20:00", null, "from", "from: '5k 20:00' is not a result: write DISTANCE=TIME")]
    [InlineData("5k=20:00", "moon", "to", "to: 'moon' is not a distance I know")]
    public void Compute_BadInput_NamesTheField(string from, string? to, string field, string message)
    {
        var error = Assert.Throws<UserInputException>(() => Predict.Compute(new Predict.Request(from, to)));

        Assert.Equal(field, error.Field);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("5k=12:00", "from: 5k in 12:00 is faster than the world record for the distance (12:35): check the time and the distance")]
    [InlineData("100m=0:12", "from: 100m in 0:12 is too short to predict races from: the models start from results of 1500 m and 3.5 minutes or more")]
    public void Compute_AResultNoModelStartsFrom_IsRefusedNamingFrom(string from, string message)
    {
        var error = Assert.Throws<UserInputException>(() => Predict.Compute(new Predict.Request(from, "marathon")));

        Assert.Equal("from", error.Field);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_VdotOutsideDanielsTables_ShowsNoVdotTime_AndSaysWhy()
    {
        var response = Predict.Compute(new Predict.Request("5k=2:00:00"));

        Assert.False(response.VdotIsCovered);
        Assert.All(response.Rows, r => Assert.Equal("—", r.Vdot));
        Assert.All(response.Rows, r => Assert.Contains(r.Notes, n => n.StartsWith("No VDOT prediction: 5k in 2:00:00 gives a VDOT of 3.8", StringComparison.Ordinal)));
        Assert.All(response.Result.Predictions.Where(p => p.Model == "vdot"), p => Assert.Null(p.Seconds));
        Assert.All(response.Result.Predictions.Where(p => p.Model != "vdot"), p => Assert.NotNull(p.Seconds));
    }

    [Fact]
    public void Compute_NoTimeShownIsFasterThanTheTargetsWorldRecord()
    {
        // 3:46 for a mile is possible; Riegel's 1.06 takes it to a 2:00:09 marathon, faster than Kiptum's 2:00:35.
        var response = Predict.Compute(new Predict.Request("1mi=3:46"));

        foreach (var p in response.Result.Predictions.Where(p => p.Seconds is not null))
        {
            Assert.True(p.Seconds >= Domain.Activities.Metrics.Plausibility.WorldRecordSeconds(p.DistanceMeters), $"{p.Model} {p.DistanceMeters} m in {p.Seconds} s");
        }

        var marathon = response.Rows.Single(r => r.Distance == "marathon");
        Assert.Equal("—", marathon.Riegel);
        Assert.Contains("No Riegel prediction for the marathon: it would be faster than the world record (2:00:35).", marathon.Notes);
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task FromStoredRuns_UsesTheBestRecentRace_AndTheTrendHasOneRowPerMonth(string engine)
    {
        await using var database = await TestDatabases.CreateAsync(engine);
        await using var db = database.CreateContext();
        foreach (var (date, distance, time) in new[] { (new DateOnly(2026, 9, 6), "5k", "21:00"), (new DateOnly(2026, 10, 4), "10k", "43:00"), (new DateOnly(2026, 11, 8), "5k", "20:00"), (new DateOnly(2026, 11, 22), "5k", "20:30") })
        {
            await LogRun.HandleAsync(db, LocalRunner.Instance, Clock, new LogRun.Request { Date = date, Distance = distance, Time = time, Type = "race" });
        }

        await LogRun.HandleAsync(db, LocalRunner.Instance, Clock, new LogRun.Request { Date = new DateOnly(2026, 11, 23), Distance = "5k", Time = "18:00", Type = "easy" });

        var response = await Predict.HandleAsync(db, LocalRunner.Instance, Clock, new Predict.Request(To: "10k"));
        var trend = await PredictionTrend.HandleAsync(db, LocalRunner.Instance);

        Assert.Equal(("5k", "20:00", new DateOnly(2026, 11, 8)), (response.FromName, response.FromTime, response.SourceDate));
        Assert.Equal([9, 10, 11], trend.Select(m => m.Month));
        Assert.Equal(49.81, trend[^1].Vdot);
        Assert.Equal(1200, trend[^1].BestSeconds);
    }

    [Fact]
    public async Task FromStoredRuns_WithNone_SaysWhatToEnter()
    {
        await using var database = await TestDatabases.CreateAsync("sqlite");
        await using var db = database.CreateContext();

        var error = await Assert.ThrowsAsync<UserInputException>(() => Predict.HandleAsync(db, LocalRunner.Instance, Clock, new Predict.Request()));

        Assert.Contains("enter a recent race or time trial, such as 5k=20:00", error.Message, StringComparison.Ordinal);
    }
}
