using RunStrong.Features.Catalogue;
using RunStrong.Features.Common;
using RunStrong.Features.Dashboard;
using RunStrong.Features.Settings;
using RunStrong.TestSupport;
using static RunStrong.Features.Tests.Dashboard.DashboardData;

namespace RunStrong.Features.Tests.Settings;

/// <summary>Heart-rate settings and the Banister TRIMP they unlock on the dashboard, on both engines.</summary>
public class RunnerSettingsTests
{
    private static readonly DateOnly Today = new(2026, 4, 1);
    private static readonly DateOnly LastWeek = new(2026, 3, 23);
    private static readonly Guid Me = LocalRunner.Instance.RunnerId;

    public static TheoryData<string> Engines => TestDatabases.Engines;

    [Theory, MemberData(nameof(Engines))]
    public async Task Trimp_IsTheSumOverTheWeeksRunsWithHeartRate_OnceHeartRatesAreGiven(string engine)
    {
        await using var database = await TestDatabases.CreateAsync(engine);
        await using (var db = database.CreateContext())
        {
            // 50 + 45 + 90 minutes at 150 bpm last week, 20 minutes this week; every Run() records 150 bpm.
            db.Activities.AddRange(
                Run(Me, new DateOnly(2026, 3, 24), 10, 50, "easy", 4),
                Run(Me, new DateOnly(2026, 3, 26), 8, 45, "easy", 5),
                Run(Me, new DateOnly(2026, 3, 29), 16, 90, "long", 5),
                Run(Me, new DateOnly(2026, 3, 31), 4, 20, "easy", 3));
            await db.SaveChangesAsync();
        }

        var before = await DashboardAsync(database);
        Assert.False(before.Trimp.Configured);
        Assert.Empty(before.Trimp.Weeks);
        Assert.Contains("Settings", before.Trimp.Note, StringComparison.Ordinal);

        await using (var db = database.CreateContext())
        {
            await RunnerSettings.UpdateAsync(db, LocalRunner.Instance, new RunnerSettings.Request(50, 190, "men"));
        }

        var after = await DashboardAsync(database);

        // HRr = (150 − 50) / (190 − 50) = 0.7143; TRIMP per minute = 0.7143 · 0.64 · e^(1.92 · 0.7143) = 1.8016 (Banister 1991).
        Assert.True(after.Trimp.Configured);
        var last = after.Trimp.Weeks.Single(w => w.WeekStart == LastWeek);
        Assert.Equal(333.3, last.Trimp, 1);
        Assert.Equal(3, last.Runs);
        Assert.Equal(36.0, after.Trimp.Weeks[^1].Trimp, 1);
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task Update_StoresAndReadsBack_AndAllNullClears(string engine)
    {
        await using var database = await TestDatabases.CreateAsync(engine);
        await using var db = database.CreateContext();

        await RunnerSettings.UpdateAsync(db, LocalRunner.Instance, new RunnerSettings.Request(48, 188, "women"));
        Assert.Equal(new HeartRateSettings(48, 188, Domain.Load.TrimpWeighting.Women), await RunnerSettings.GetAsync(db, LocalRunner.Instance));

        await RunnerSettings.UpdateAsync(db, LocalRunner.Instance, new RunnerSettings.Request(null, null, null));
        Assert.Equal(HeartRateSettings.None, await RunnerSettings.GetAsync(db, LocalRunner.Instance));
    }

    [Theory]
    [InlineData(10, 190, "men", "restingHeartRate", "between 20 and 120")]
    [InlineData(50, 300, "men", "maxHeartRate", "between 100 and 250")]
    [InlineData(120, 110, "men", "maxHeartRate", "must be above the resting heart rate (120)")]
    [InlineData(50, 190, "male", "trimpWeighting", "men or women, got 'male'")]
    public async Task Update_BadValue_IsRefusedNamingTheField_AndKeepsWhatWasStored(int resting, int max, string weighting, string field, string message)
    {
        await using var database = await TestDatabases.CreateAsync("sqlite");
        await using var db = database.CreateContext();
        await RunnerSettings.UpdateAsync(db, LocalRunner.Instance, new RunnerSettings.Request(55, 185, "men"));

        var error = await Assert.ThrowsAsync<UserInputException>(() =>
            RunnerSettings.UpdateAsync(db, LocalRunner.Instance, new RunnerSettings.Request(resting, max, weighting)));

        Assert.Equal(field, error.Field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(new HeartRateSettings(55, 185, Domain.Load.TrimpWeighting.Men), await RunnerSettings.GetAsync(db, LocalRunner.Instance));
    }

    private static async Task<DashboardView> DashboardAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        return await GetDashboard.HandleAsync(db, new ExerciseCatalogue(db), LocalRunner.Instance, TestClock.At(Today), new GetDashboard.Request(Weeks: 2));
    }
}
