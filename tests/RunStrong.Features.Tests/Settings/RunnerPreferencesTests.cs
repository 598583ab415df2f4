using Microsoft.EntityFrameworkCore;
using RunStrong.Features.Activities;
using RunStrong.Features.Common;
using RunStrong.Features.Portability;
using RunStrong.Features.Settings;
using RunStrong.Features.Training;
using RunStrong.TestSupport;

namespace RunStrong.Features.Tests.Settings;

/// <summary>Issue 13: the runner's units and time zone decide what "today" is and which day each activity is on.</summary>
public class RunnerPreferencesTests
{
    /// <summary>A real ride that started at 01:17 UTC on 31 August 2009: 19:17 the evening before in Denver (MDT, UTC−6).</summary>
    private static readonly string EveningRide = Fixtures.Path("tcx", "GoldenCheetah__GoldenCheetah__test__rides__2009_08_30_21_17_25.tcx");

    /// <summary>A real run that started at 20:40 UTC on Christmas Day 2020: 05:40 on 26 December in Tokyo (UTC+9).</summary>
    private static readonly string ChristmasRun = Fixtures.Path("gpx", "sports-alliance__sports-lib__src__specs__fixtures__runs__gpx__6037744996.gpx");

    public static TheoryData<string> Engines => TestDatabases.Engines;

    [Theory, MemberData(nameof(Engines))]
    public async Task AnActivityLate_InTheRunnersEvening_LandsOnTheRunnersDay_AndMovesWithTheZone(string engine)
    {
        await using var database = await TestDatabases.CreateAsync(engine);
        await using var db = database.CreateContext();
        await RunnerSettings.UpdatePreferencesAsync(db, LocalRunner.Instance, new RunnerSettings.PreferencesRequest(null, null, "America/Denver"));

        var report = await ImportActivities.CollectAsync(ImportActivities.FromPathsAsync(db, LocalRunner.Instance, TestClock.Create(), [EveningRide, ChristmasRun]));
        var typedIn = await LogRun.HandleAsync(db, LocalRunner.Instance, TestClock.Create(), new LogRun.Request { Date = new DateOnly(2009, 8, 31), Distance = "5k", Time = "25:00" });

        Assert.Equal(2, report.Imported);
        Assert.Equal(new DateTime(2009, 8, 31, 1, 17, 26), (await RideAsync(db)).StartTime);
        Assert.Equal(new DateOnly(2009, 8, 30), (await RideAsync(db)).LocalDate);
        Assert.Equal(new DateOnly(2020, 12, 25), (await RunAsync(db)).LocalDate);
        Assert.Equal(new DateOnly(2009, 8, 31), typedIn.Date);

        // In UTC the ride is on the 31st; in Tokyo the Christmas run is on Boxing Day. The run typed in for the 31st
        // stays on the 31st whatever the zone: it was logged for that day.
        await RunnerSettings.UpdatePreferencesAsync(db, LocalRunner.Instance, new RunnerSettings.PreferencesRequest(null, null, "UTC"));
        Assert.Equal(new DateOnly(2009, 8, 31), (await RideAsync(db)).LocalDate);
        Assert.Equal(new DateOnly(2009, 8, 31), (await db.Activities.AsNoTracking().SingleAsync(a => a.Format == "manual")).LocalDate);

        await RunnerSettings.UpdatePreferencesAsync(db, LocalRunner.Instance, new RunnerSettings.PreferencesRequest(null, null, "Asia/Tokyo"));
        Assert.Equal(new DateOnly(2020, 12, 26), (await RunAsync(db)).LocalDate);
        Assert.Equal(new DateOnly(2009, 8, 31), (await RideAsync(db)).LocalDate);
        Assert.Equal(new DateOnly(2009, 8, 31), (await db.Activities.AsNoTracking().SingleAsync(a => a.Format == "manual")).LocalDate);
    }

    private static Task<Data.Entities.StoredActivity> RideAsync(Data.RunStrongDbContext db) =>
        db.Activities.AsNoTracking().SingleAsync(a => a.Format == "tcx");

    private static Task<Data.Entities.StoredActivity> RunAsync(Data.RunStrongDbContext db) =>
        db.Activities.AsNoTracking().SingleAsync(a => a.Format == "gpx");

    [Theory, MemberData(nameof(Engines))]
    public async Task Today_IsTheRunnersDay_InTheirZone(string engine)
    {
        await using var database = await TestDatabases.CreateAsync(engine);
        await using var db = database.CreateContext();
        // 05:00 UTC on the suite's day is still the evening before in Denver, and already the morning in Tokyo.
        var clock = TestClock.At(new DateTimeOffset(TestClock.Today.ToDateTime(new TimeOnly(5, 0)), TimeSpan.Zero));

        await RunnerSettings.UpdatePreferencesAsync(db, LocalRunner.Instance, new RunnerSettings.PreferencesRequest(null, null, "America/Denver"));
        var denver = await LogSoreness.HandleAsync(db, LocalRunner.Instance, clock, new LogSoreness.Request { Area = "calves", Score = 3 });
        await RunnerSettings.UpdatePreferencesAsync(db, LocalRunner.Instance, new RunnerSettings.PreferencesRequest(null, null, "Asia/Tokyo"));
        var tokyo = await LogSoreness.HandleAsync(db, LocalRunner.Instance, clock, new LogSoreness.Request { Area = "knees", Score = 2 });

        Assert.Equal(TestClock.Today.AddDays(-1), denver.Date);
        Assert.Equal(TestClock.Today, tokyo.Date);
    }

    [Theory]
    [InlineData("miles", null, null, "mi", "kg", "UTC")]
    [InlineData("km", "lbs", "Europe/Berlin", "km", "lb", "Europe/Berlin")]
    [InlineData(null, "pounds", " america/denver ", null, null, null)]
    public async Task Update_NormalisesNames_AndKeepsWhatWasNotGiven(string? distance, string? weight, string? zone, string? expectedDistance, string? expectedWeight, string? expectedZone)
    {
        await using var database = await TestDatabases.CreateAsync("sqlite");
        await using var db = database.CreateContext();

        if (expectedZone is null)
        {
            // IANA names are case-sensitive: "america/denver" is not one; nothing is stored.
            var error = await Assert.ThrowsAsync<UserInputException>(() =>
                RunnerSettings.UpdatePreferencesAsync(db, LocalRunner.Instance, new RunnerSettings.PreferencesRequest(distance, weight, zone)));
            Assert.Equal("timeZone", error.Field);
            Assert.Equal("timeZone: 'america/denver' is not an IANA time zone; use a name such as America/Denver or Europe/Berlin", error.Message);
            Assert.Equal(RunnerPreferences.Default, await RunnerPreferences.GetAsync(db, LocalRunner.Instance));
            return;
        }

        var stored = await RunnerSettings.UpdatePreferencesAsync(db, LocalRunner.Instance, new RunnerSettings.PreferencesRequest(distance, weight, zone));
        var read = await RunnerPreferences.GetAsync(db, LocalRunner.Instance);

        Assert.Equal((expectedDistance, expectedWeight, expectedZone), (read.DistanceName, read.WeightName, read.ZoneId));
        Assert.Equal(stored, read);
    }

    [Fact]
    public async Task Update_RefusesUnknownUnits_NamingTheField()
    {
        await using var database = await TestDatabases.CreateAsync("sqlite");
        await using var db = database.CreateContext();

        var distance = await Assert.ThrowsAsync<UserInputException>(() =>
            RunnerSettings.UpdatePreferencesAsync(db, LocalRunner.Instance, new RunnerSettings.PreferencesRequest("furlongs", null, null)));
        var weight = await Assert.ThrowsAsync<UserInputException>(() =>
            RunnerSettings.UpdatePreferencesAsync(db, LocalRunner.Instance, new RunnerSettings.PreferencesRequest(null, "stone", null)));

        Assert.Equal("distanceUnit: 'furlongs' is not a distance unit; expected km or mi", distance.Message);
        Assert.Equal("weightUnit: 'stone' is not a weight unit; expected kg or lb", weight.Message);
    }

    [Fact]
    public void Times_ReadInTheRunnersZone_WithItsAbbreviation()
    {
        var denver = RunnerPreferences.From("mi", "lb", "America/Denver");
        var start = new DateTime(2026, 12, 4, 6, 30, 0, DateTimeKind.Utc);

        Assert.Equal("Thu 3 Dec 2026, 23:30 MST", denver.ShowTime(start));
        Assert.Equal(new DateOnly(2026, 12, 3), denver.DayOf(start));
        Assert.Equal("6.21 mi", denver.ShowDistance(10000));
        Assert.Equal("8:03 /mi", denver.ShowPace(300));
        // Noon on a day in Denver is 19:00 UTC in winter and 18:00 UTC in summer.
        Assert.Equal(new DateTime(2026, 12, 3, 19, 0, 0, DateTimeKind.Utc), denver.ToUtc(new DateOnly(2026, 12, 3), new TimeOnly(12, 0)));
        Assert.Equal(new DateTime(2026, 7, 3, 18, 0, 0, DateTimeKind.Utc), denver.ToUtc(new DateOnly(2026, 7, 3), new TimeOnly(12, 0)));
    }

    [Fact]
    public async Task ExportAndImport_CarryTheUnitsZoneAndEachActivitysDay()
    {
        await using var source = await TestDatabases.CreateAsync("sqlite");
        await using var target = await TestDatabases.CreateAsync("sqlite");
        var zip = Path.Combine(Path.GetTempPath(), "runstrong-tests", Guid.NewGuid().ToString("N") + ".zip");
        Directory.CreateDirectory(Path.GetDirectoryName(zip)!);
        try
        {
            await using (var db = source.CreateContext())
            {
                await RunnerSettings.UpdatePreferencesAsync(db, LocalRunner.Instance, new RunnerSettings.PreferencesRequest("mi", "lb", "America/Denver"));
                await ImportActivities.CollectAsync(ImportActivities.FromPathsAsync(db, LocalRunner.Instance, TestClock.Create(), [EveningRide]));
                await using var file = File.Create(zip);
                await ExportRunnerData.WriteAsync(db, LocalRunner.Instance, TestClock.Create(), file);
            }

            await using (var db = target.CreateContext())
            {
                await using var file = File.OpenRead(zip);
                await ImportRunnerData.HandleAsync(db, LocalRunner.Instance, TestClock.Create(), zip, file);
                var preferences = await RunnerPreferences.GetAsync(db, LocalRunner.Instance);
                Assert.Equal(("mi", "lb", "America/Denver"), (preferences.DistanceName, preferences.WeightName, preferences.ZoneId));
                Assert.Equal(new DateOnly(2009, 8, 30), (await db.Activities.AsNoTracking().SingleAsync()).LocalDate);
            }
        }
        finally
        {
            File.Delete(zip);
        }
    }
}
