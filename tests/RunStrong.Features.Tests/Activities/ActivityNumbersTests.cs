using RunStrong.Domain.Units;
using RunStrong.Features.Activities;
using RunStrong.Features.Common;
using RunStrong.TestSupport;
using static RunStrong.Features.Activities.ImportActivities;

namespace RunStrong.Features.Tests.Activities;

/// <summary>Importing and reading back the real files behind issue 14, on SQLite and PostgreSQL.</summary>
public sealed class ActivityNumbersTests
{
    private static readonly string Truncated = Fixtures.Path("fit", "dtcooper__python-fitparse__tests__files__activity-unexpected-eof.fit");
    private static readonly string NoTimes = Fixtures.Path("gpx", "GoldenCheetah__GoldenCheetah__test__rides__A_ride_mapped_on_11_22_2011.gpx");
    private static readonly string MetadataDated = Fixtures.Path("gpx", "tkrajina__gpxpy__test_files__Mojstrovka.gpx");
    private static readonly string FenixRun = Fixtures.Path("fit", "dtcooper__python-fitparse__tests__files__activity-small-fenix2-run.fit");
    private static readonly string TrailRun = Fixtures.Path("fit", "sports-alliance__sports-lib__src__specs__fixtures__runs__fit__6910052863.fit");

    public static TheoryData<string> Engines => TestDatabases.Engines;

    [Theory, MemberData(nameof(Engines))]
    public async Task Import_TruncatedFit_IsRefusedWithItsReason_NotStored(string engine)
    {
        await using var db = await TestDatabases.CreateAsync(engine);

        var report = await ImportAsync(db, Options.None, Truncated);

        var result = Assert.Single(report.Files);
        Assert.Equal(FileStatus.Failed, result.Status);
        Assert.Equal("dtcooper__python-fitparse__tests__files__activity-unexpected-eof.fit: too short to be an activity: 14 s and 6 m (RunStrong keeps activities of at least a minute or 100 m)", result.Error);
        Assert.Contains(result.Warnings, w => w.Contains("file ends at byte 768", StringComparison.Ordinal));
        Assert.Equal(0, await CountAsync(db));
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task Import_GpxWithoutTimesOrDate_IsRefusedAskingForTheDay_AndWithADayIsStoredOnIt(string engine)
    {
        await using var db = await TestDatabases.CreateAsync(engine);

        var refused = Assert.Single((await ImportAsync(db, Options.None, NoTimes)).Files);
        var imported = Assert.Single((await ImportAsync(db, new Options(new DateOnly(2011, 11, 22)), NoTimes)).Files);

        Assert.Equal(FileStatus.Failed, refused.Status);
        Assert.Equal(
            "GoldenCheetah__GoldenCheetah__test__rides__A_ride_mapped_on_11_22_2011.gpx: no times in this file, and no date: give the day it was recorded (runstrong import --date YYYY-MM-DD, or the date on the upload page)",
            refused.Error);
        Assert.Equal(FileStatus.Imported, imported.Status);
        Assert.Equal(new DateTime(2011, 11, 22, 0, 0, 0, DateTimeKind.Utc), imported.StartTime);

        await using var context = db.CreateContext();
        var detail = await GetActivity.HandleAsync(context, LocalRunner.Instance, new GetActivity.Request(imported.ActivityId!.Value));
        Assert.False(detail.HasTimes);
        Assert.Equal("entered", detail.StartTimeSource);
        Assert.Equal(0, detail.MovingSeconds);
        Assert.Null(detail.AveragePaceSecondsPerKm);
        Assert.InRange(detail.DistanceMeters, 96000, 96600);
        Assert.Contains(detail.Notes, n => n.Code == "no-times");
        Assert.Equal("Tue 22 Nov 2011", detail.StartText);
        var listed = Assert.Single((await ListActivities.HandleAsync(context, LocalRunner.Instance, new ListActivities.Request())).Items);
        Assert.Equal("Tue 22 Nov 2011", listed.StartText);
        Assert.Equal(97, detail.Splits.Count);
        Assert.All(detail.Splits, s => Assert.Null(s.PaceSecondsPerKm));
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task Import_GpxDatedByItsMetadata_KeepsThatDay_UnlessTheRunnerGivesAnother(string engine)
    {
        await using var db = await TestDatabases.CreateAsync(engine);

        var byFile = Assert.Single((await ImportAsync(db, Options.None, MetadataDated)).Files);

        Assert.Equal(FileStatus.Imported, byFile.Status);
        Assert.Equal(new DateTime(2010, 12, 14, 6, 17, 4, DateTimeKind.Utc), byFile.StartTime);
        await using var context = db.CreateContext();
        var id = byFile.ActivityId!.Value;
        Assert.Equal("file-metadata", (await GetActivity.HandleAsync(context, LocalRunner.Instance, new GetActivity.Request(id))).StartTimeSource);

        // The runner confirms another day on the activity page.
        await SetActivityDate.HandleAsync(context, LocalRunner.Instance, TestClock.Create(), new SetActivityDate.Request(id, new DateOnly(2010, 12, 12)));
        var changed = await GetActivity.HandleAsync(context, LocalRunner.Instance, new GetActivity.Request(id));
        Assert.Equal(new DateTime(2010, 12, 12, 0, 0, 0, DateTimeKind.Utc), changed.StartTime);
        Assert.Equal("entered", changed.StartTimeSource);
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task SetActivityDate_OnARecordedRun_KeepsItsTimeOfDay_AndRefusesADayAfterToday(string engine)
    {
        await using var db = await TestDatabases.CreateAsync(engine);
        var id = Assert.Single((await ImportAsync(db, Options.None, FenixRun)).Files).ActivityId!.Value;
        await using var context = db.CreateContext();
        var before = await GetActivity.HandleAsync(context, LocalRunner.Instance, new GetActivity.Request(id));

        await SetActivityDate.HandleAsync(context, LocalRunner.Instance, TestClock.Create(), new SetActivityDate.Request(id, before.Date.AddDays(-1)));
        var moved = await GetActivity.HandleAsync(context, LocalRunner.Instance, new GetActivity.Request(id));
        var future = await Assert.ThrowsAsync<UserInputException>(() =>
            SetActivityDate.HandleAsync(context, LocalRunner.Instance, TestClock.Create(), new SetActivityDate.Request(id, TestClock.Today.AddDays(1))));
        var sameRuleWhenCorrected = await Assert.ThrowsAsync<UserInputException>(() =>
            EditActivity.HandleAsync(context, LocalRunner.Instance, TestClock.Create(), id, new EditActivity.Change(Date: TestClock.Today.AddDays(1))));

        Assert.Equal(before.StartTime.AddDays(-1), moved.StartTime);
        Assert.Equal(before.Date.AddDays(-1), moved.Date);
        Assert.Equal("recorded", moved.StartTimeSource);
        Assert.Equal("date", future.Field);
        Assert.Equal($"date: {TestClock.Today.AddDays(1):yyyy-MM-dd} is not a day the activity can have been on (1990-01-01 to today, {TestClock.Today:yyyy-MM-dd})", future.Message);
        Assert.Equal(future.Message, sameRuleWhenCorrected.Message);
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task GetActivity_CarriesSplitsInTheRunnersUnit_LapsAndTheRoute(string engine)
    {
        await using var db = await TestDatabases.CreateAsync(engine);
        var id = Assert.Single((await ImportAsync(db, Options.None, FenixRun)).Files).ActivityId!.Value;
        await using var context = db.CreateContext();

        var km = await GetActivity.HandleAsync(context, LocalRunner.Instance, new GetActivity.Request(id, IncludeSeries: true));
        var miles = await GetActivity.HandleAsync(context, LocalRunner.Instance, new GetActivity.Request(id, Unit: DistanceUnit.Miles));

        Assert.Equal("km", km.Unit);
        Assert.Equal(9, km.Splits.Count);
        Assert.Equal(1000, km.Splits[0].DistanceMeters);
        Assert.Equal("mi", miles.Unit);
        Assert.Equal(6, miles.Splits.Count);
        Assert.Equal(1609.344, miles.Splits[0].DistanceMeters, 1e-9);
        Assert.Equal(km.Splits.Sum(s => s.DistanceMeters), miles.Splits.Sum(s => s.DistanceMeters), 0.01);
        Assert.Equal(4, km.Laps.Count);
        Assert.All(km.Laps, l => Assert.InRange(l.PaceSecondsPerKm!.Value, 4 * 60, 8 * 60));
        Assert.NotEmpty(Assert.Single(km.Route!));
        Assert.Null(miles.Route);
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task Import_TrailRun_StoresItsNotesAndNoHillSprints(string engine)
    {
        await using var db = await TestDatabases.CreateAsync(engine);
        var id = Assert.Single((await ImportAsync(db, Options.None, TrailRun)).Files).ActivityId!.Value;
        await using var context = db.CreateContext();

        var detail = await GetActivity.HandleAsync(context, LocalRunner.Instance, new GetActivity.Request(id));

        Assert.Empty(detail.HillSprints);
        Assert.InRange(detail.AverageGradeAdjustedPaceSecondsPerKm!.Value, 6 * 60, 8 * 60 + 30);
        Assert.Contains(detail.Notes, n => n.Code == "grade-clamped");
    }

    private static async Task<Report> ImportAsync(TestDatabase db, Options options, params string[] paths)
    {
        await using var context = db.CreateContext();
        return await CollectAsync(FromPathsAsync(context, LocalRunner.Instance, TestClock.Create(), paths, options));
    }

    private static async Task<int> CountAsync(TestDatabase db)
    {
        await using var context = db.CreateContext();
        return context.Activities.Count();
    }
}
