using System.Globalization;
using RunStrong.Domain.Units;
using RunStrong.Features.Activities;
using RunStrong.Features.Common;
using RunStrong.Features.Settings;
using RunStrong.Features.Training;
using RunStrong.TestSupport;

namespace RunStrong.Features.Tests.Activities;

/// <summary>A run logged by hand read back as an activity: what was typed in, and nothing a file would have measured.</summary>
public sealed class HandLoggedRunTests
{
    public static TheoryData<string> Engines => TestDatabases.Engines;

    private static readonly DateOnly Day = TestClock.Today.AddDays(-2);

    private static string DayText => Day.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture);

    [Theory, MemberData(nameof(Engines))]
    public async Task GetActivity_RunLoggedByHand_HasItsPaceAndDay_AndNoMeasuredFigures(string engine)
    {
        await using var database = await TestDatabases.CreateAsync(engine);
        await using var db = database.CreateContext();
        await RunnerSettings.UpdatePreferencesAsync(db, LocalRunner.Instance, new RunnerSettings.PreferencesRequest(null, null, "America/Denver"));
        var run = await LogRun.HandleAsync(db, LocalRunner.Instance, TestClock.Create(), new LogRun.Request { Date = Day, Distance = "8k", Time = "40:00" });

        var km = await GetActivity.HandleAsync(db, LocalRunner.Instance, new GetActivity.Request(run.Id, IncludeSeries: true));
        var miles = await GetActivity.HandleAsync(db, LocalRunner.Instance, new GetActivity.Request(run.Id, Unit: DistanceUnit.Miles));

        Assert.True(km.LoggedByHand);
        Assert.Equal(("5:00 /km", "8:03 /mi"), (km.PaceText, miles.PaceText));
        Assert.Equal(300, km.AveragePaceSecondsPerKm!.Value, 6);
        Assert.Equal(DayText, km.StartText);
        Assert.Equal("entered", km.StartTimeSource);
        Assert.Equal(Day, km.Date);
        Assert.Null(km.AscentMeters);
        Assert.Null(km.DescentMeters);
        Assert.Null(km.HillyMinutes);
        Assert.Null(km.FileName);
        Assert.Empty(km.Splits);
        Assert.Empty(km.Laps);
        Assert.Empty(km.BestEfforts);
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task ListActivities_RunLoggedByHand_ShowsItsDayAndPace_AndNoClimb(string engine)
    {
        await using var database = await TestDatabases.CreateAsync(engine);
        await using var db = database.CreateContext();
        await LogRun.HandleAsync(db, LocalRunner.Instance, TestClock.Create(), new LogRun.Request { Date = Day, Distance = "8k", Time = "40:00" });

        var item = Assert.Single((await ListActivities.HandleAsync(db, LocalRunner.Instance, new ListActivities.Request())).Items);

        Assert.Equal((DayText, "8.00 km", "5:00 /km"), (item.StartText, item.DistanceText, item.PaceText));
        Assert.Null(item.AscentMeters);
        Assert.False(item.HasRecordedStart);
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task GetActivityFile_RunLoggedByHand_IsNotFound_SayingItHasNoFile(string engine)
    {
        await using var database = await TestDatabases.CreateAsync(engine);
        await using var db = database.CreateContext();
        var run = await LogRun.HandleAsync(db, LocalRunner.Instance, TestClock.Create(), new LogRun.Request { Date = Day, Distance = "8k", Time = "40:00" });

        var byHand = await Assert.ThrowsAsync<UserInputException>(() => GetActivityFile.HandleAsync(db, LocalRunner.Instance, run.Id));
        var missing = await Assert.ThrowsAsync<UserInputException>(() => GetActivityFile.HandleAsync(db, LocalRunner.Instance, run.Id + 1000));

        Assert.True(byHand.NotFound);
        Assert.Equal($"activity {run.Id} has no original file: it was logged by hand", byHand.Message);
        Assert.True(missing.NotFound);
        Assert.Equal($"activity {run.Id + 1000}: no such activity", missing.Message);
    }
}
