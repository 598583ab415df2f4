using RunStrong.Data.Entities;
using RunStrong.Features.Catalogue;
using RunStrong.Features.Common;
using RunStrong.Features.Dashboard;
using RunStrong.TestSupport;
using static RunStrong.Features.Tests.Dashboard.DashboardData;

namespace RunStrong.Features.Tests.Dashboard;

/// <summary>The dashboard's numbers on a small hand-written log, on both engines.</summary>
public class GetDashboardTests
{
    // A Wednesday; this week started on Monday 30 March, the week before on Monday 23 March.
    private static readonly DateOnly Today = new(2026, 4, 1);
    private static readonly DateOnly ThisWeek = new(2026, 3, 30);
    private static readonly DateOnly LastWeek = new(2026, 3, 23);
    private static readonly Guid Me = LocalRunner.Instance.RunnerId;

    public static TheoryData<string> Engines => TestDatabases.Engines;

    private static async Task<DashboardView> DashboardAsync(TestDatabase database, int weeks = 4)
    {
        await using var db = database.CreateContext();
        return await GetDashboard.HandleAsync(db, new ExerciseCatalogue(db), LocalRunner.Instance, TestClock.At(Today), new GetDashboard.Request(Weeks: weeks));
    }

    private static async Task SeedAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var other = await AddOtherRunnerAsync(db);
        db.Activities.AddRange(
            Run(Me, new DateOnly(2026, 3, 24), 10, 50, "easy", 4),
            Run(Me, new DateOnly(2026, 3, 26), 8, 45, "hills", 6, HillSprints(6)),
            Run(Me, new DateOnly(2026, 3, 29), 16, 90, "long", 5, Hilly(20)),
            Run(Me, new DateOnly(2026, 3, 31), 5, 20, "race", 9, FiveKRace(1200)),
            Run(Me, new DateOnly(2026, 3, 25), 20, 40, "easy", 5, sport: "cycling"),
            Run(other, new DateOnly(2026, 3, 24), 30, 150, "long", 6));
        db.StrengthSessions.Add(HipSession(Me, new DateOnly(2026, 3, 25)));
        db.StrengthSessions.Add(HipSession(other, new DateOnly(2026, 3, 25)));
        db.SorenessCheckIns.AddRange(
            Sore(Me, new DateOnly(2026, 3, 20), "calves", 5),
            Sore(Me, new DateOnly(2026, 3, 27), "calves", 4),
            Sore(Me, new DateOnly(2026, 3, 31), "calves", 6),
            Sore(Me, new DateOnly(2026, 3, 31), "calves", 3),
            Sore(other, new DateOnly(2026, 3, 31), "knees", 9));
        db.Plans.Add(new PlanRecord
        {
            OwnerId = Me,
            Name = "Spring plan",
            ProfileJson = """{"week": {"tue": "quality", "thu": "easy", "sun": "long"}, "weeks": 8}""",
            StartDate = LastWeek,
            CalendarToken = Guid.NewGuid().ToString("N"),
        });
        await db.SaveChangesAsync();
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task WeeklyRunning_IsTheSumOfThatWeeksRuns_OnlyMineAndOnlyRunning(string engine)
    {
        await using var database = await TestDatabases.CreateAsync(engine);
        await SeedAsync(database);

        var view = await DashboardAsync(database);

        Assert.Equal([LastWeek.AddDays(-14), LastWeek.AddDays(-7), LastWeek, ThisWeek], view.Weeks);
        var last = view.RunningVolume.Single(w => w.WeekStart == LastWeek);
        Assert.Equal(34000, last.DistanceMetres);
        Assert.Equal(34, last.DistanceKm);
        Assert.Equal(185, last.Minutes);
        Assert.Equal(3, last.Runs);
        Assert.Equal(5000, view.RunningVolume.Single(w => w.WeekStart == ThisWeek).DistanceMetres);
        Assert.Equal(0, view.RunningVolume[0].DistanceMetres);
        Assert.Equal([0, 0, 1, 0], view.StrengthSessions.Select(w => w.Count));
        Assert.True(view.HasData);
        Assert.False(view.HasDemoData);
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task MuscleSets_CountPrimaryOneSecondaryHalf_AndHillsForTheGluteusMaximus(string engine)
    {
        await using var database = await TestDatabases.CreateAsync(engine);
        await SeedAsync(database);

        var view = await DashboardAsync(database);

        Assert.Equal(["gluteus-maximus", "gluteus-medius", "gluteus-minimus", "hamstrings", "quadriceps", "calves"], view.MuscleSets.Muscles);
        // Hip thrust 3 sets (gluteus maximus 1; hamstrings, medius, quadriceps 0.5), side-lying abduction 2 sets (medius,
        // minimus 1), a hill-sprint session (3) and 20 hilly minutes (4) for the gluteus maximus.
        Assert.Equal([10, 3.5, 2, 1.5, 1.5, 0], view.MuscleSets.Weeks.Single(w => w.WeekStart == LastWeek).Sets);
        Assert.Equal([0, 0, 0, 0, 0, 0], view.MuscleSets.Weeks.Single(w => w.WeekStart == ThisWeek).Sets);
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task MuscleSets_HillSprintsLoggedAsSets_CountAsOneHillSession_InTheRollupsAsInTheLog(string engine)
    {
        await using var database = await TestDatabases.CreateAsync(engine);
        await using (var db = database.CreateContext())
        {
            db.StrengthSessions.Add(new StrengthSessionRecord
            {
                OwnerId = Me,
                Date = LastWeek.AddDays(1),
                Sets = Enumerable.Range(0, 10).Select(i => Set(Me, i, "hill-sprints", "8-seconds", 1, null)).ToList(),
            });
            await db.SaveChangesAsync();
        }

        var rolledUp = await DashboardAsync(database); // last week comes from its rollup, this week from the log
        DashboardView recomputed;
        await using (var db = database.CreateContext())
        {
            recomputed = await GetDashboard.RecomputeAsync(db, new ExerciseCatalogue(db), LocalRunner.Instance, TestClock.At(Today), new GetDashboard.Request(Weeks: 4));
        }

        // Hill sprints: gluteus maximus, hamstrings and calves primary, quadriceps secondary; ten sprints are three sets.
        Assert.Equal([3, 0, 0, 3, 1.5, 3], rolledUp.MuscleSets.Weeks.Single(w => w.WeekStart == LastWeek).Sets);
        Assert.Equal(recomputed.MuscleSets.Weeks.Select(w => w.Sets), rolledUp.MuscleSets.Weeks.Select(w => w.Sets));
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task Load_RunsAndSessionsWithoutAnRpe_AreCountedAndSaid_NotTakenForRest(string engine)
    {
        // A watch's runs come without an RPE: a week of them once showed as a week of rest, with nothing said.
        await using var database = await TestDatabases.CreateAsync(engine);
        await SeedAsync(database);
        await using (var db = database.CreateContext())
        {
            var unrated = Run(Me, new DateOnly(2026, 3, 28), 12, 60, "easy", 1);
            unrated.Rpe = null;
            var noRpe = HipSession(Me, new DateOnly(2026, 3, 27));
            noRpe.SessionRpe = null;
            db.Activities.Add(unrated);
            db.StrengthSessions.Add(noRpe);
            await db.SaveChangesAsync();
        }

        var view = await DashboardAsync(database);
        DashboardView recomputed;
        await using (var db = database.CreateContext())
        {
            recomputed = await GetDashboard.RecomputeAsync(db, new ExerciseCatalogue(db), LocalRunner.Instance, TestClock.At(Today), new GetDashboard.Request(Weeks: 4));
        }

        foreach (var load in new[] { view.Load.Single(w => w.WeekStart == LastWeek), recomputed.Load.Single(w => w.WeekStart == LastWeek) })
        {
            Assert.Equal(1160, load.Total); // as before: they add nothing
            Assert.Equal(2, load.Unrated);
            Assert.StartsWith("1 run and 1 strength session without an RPE add nothing to this week's load, so it is lower than the training was", load.Note, StringComparison.Ordinal);
        }

        Assert.Equal(0, view.Load.Single(w => w.WeekStart == ThisWeek).Unrated);
    }

    /// <summary>
    /// A new runner's first run: no acute:chronic ratio out of one run and weeks of nothing before it (it was 3.62), and
    /// the card says when it comes; the averages start on the first day of training.
    /// </summary>
    [Theory, MemberData(nameof(Engines))]
    public async Task AcuteChronic_ForANewRunner_HasNoRatioBefore28DaysOfTraining(string engine)
    {
        await using var database = await TestDatabases.CreateAsync(engine);
        await using (var db = database.CreateContext())
        {
            await Features.Training.LogRun.HandleAsync(db, LocalRunner.Instance, TestClock.At(Today),
                new Features.Training.LogRun.Request { Date = Today.AddDays(-1), Distance = "5k", Time = "30:00", Rpe = 5 });
        }

        var view = await DashboardAsync(database);

        Assert.Equal(view.Weeks.Count * 7 - 4, view.AcuteChronic.Days.Count);
        Assert.All(view.AcuteChronic.Days, d => Assert.Null(d.Ratio));
        var run = view.AcuteChronic.Days.Single(d => d.Date == Today.AddDays(-1));
        // Foster: 30 minutes at RPE 5 is 150; both averages start at the first day's load.
        Assert.Equal((150.0, 150.0, 150.0), (run.Load, run.Acute, run.Chronic));
        Assert.StartsWith("Your ratio appears after 28 days of training: your first day here is 31 Mar 2026.", view.AcuteChronic.Caveat, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task LoadOneRepMaxPredictionAndLongRun_FromTheStoredRows(string engine)
    {
        await using var database = await TestDatabases.CreateAsync(engine);
        await SeedAsync(database);

        var view = await DashboardAsync(database);

        var load = view.Load.Single(w => w.WeekStart == LastWeek);
        Assert.Equal(200 + 270 + 450, load.RunLoad);
        Assert.Equal(240, load.StrengthLoad);
        Assert.Equal(1160, load.Total);
        // Daily loads Mon–Sun 0, 200, 240, 270, 0, 0, 450: mean 165.71, population SD 160.70.
        Assert.Equal(1.03, load.Monotony);
        Assert.Equal(1196, load.Strain);
        Assert.Equal(180, view.Load.Single(w => w.WeekStart == ThisWeek).Total);
        Assert.Equal(view.Weeks.Count * 7 - 4, view.AcuteChronic.Days.Count);
        Assert.Contains("disputed", view.AcuteChronic.Caveat, StringComparison.Ordinal);

        Assert.All(view.Load, w => Assert.Equal(0, w.Unrated));

        var lift = Assert.Single(view.OneRepMaxTrends);
        Assert.Equal("Barbell hip thrust", lift.Name);
        Assert.Equal(116.7, Assert.Single(lift.Points).Kilograms);

        var month = Assert.Single(view.PredictionTrend);
        Assert.Equal("2026-03", month.Month);
        Assert.Equal("20:00", month.FiveK);
        Assert.Equal(49.8, month.Vdot);

        var spike = Assert.Single(view.LongRunWarnings);
        Assert.Equal(new DateOnly(2026, 3, 29), spike.Date);
        Assert.Equal(60, spike.IncreasePercent);
        Assert.False(spike.Planned);
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task PredictionTrend_IsTheSameMonthsAndTimesAsThePredictionsPage(string engine)
    {
        await using var database = await TestDatabases.CreateAsync(engine);
        await using (var db = database.CreateContext())
        {
            var clock = TestClock.At(Today);
            // January: only a mile (the dashboard once counted 5 km and more). February: only a 10k in 1:10:00, VDOT 27,
            // below Daniels' tables: Riegel's times, flagged (decision 0036). March: a 5k in 20:00.
            foreach (var (date, distance, time) in new[] { (new DateOnly(2026, 1, 10), "1mi", "6:00"), (new DateOnly(2026, 2, 14), "10k", "1:10:00"), (new DateOnly(2026, 3, 7), "5k", "20:00") })
            {
                await RunStrong.Features.Training.LogRun.HandleAsync(db, LocalRunner.Instance, clock, new RunStrong.Features.Training.LogRun.Request { Date = date, Distance = distance, Time = time, Type = "race" });
            }
        }

        var view = await DashboardAsync(database);
        IReadOnlyList<RunStrong.Features.Predictions.PredictionTrend.MonthForm> page;
        await using (var db = database.CreateContext())
        {
            page = await RunStrong.Features.Predictions.PredictionTrend.HandleAsync(db, LocalRunner.Instance);
        }

        Assert.Equal(["2026-01", "2026-02", "2026-03"], view.PredictionTrend.Select(m => m.Month));
        Assert.Equal(["daniels-gilbert", "riegel", "daniels-gilbert"], view.PredictionTrend.Select(m => m.Model));
        Assert.Equal([false, true, false], page.Select(m => m.FromRiegel));
        Assert.Equal("1:10:00", view.PredictionTrend[1].TenK); // Riegel back to its own distance
        Assert.Equal("33:35", view.PredictionTrend[1].FiveK); // 70:00 × (1/2)^1.06 = 33:34.4, shown to 5 s
        Assert.Equal(page.Select(m => $"{m.Year:0000}-{m.Month:00}"), view.PredictionTrend.Select(m => m.Month));
        // What a runner reads: the same predicted 5 km and 10 km for each month on both pages.
        static string Shown(double seconds) => Domain.Prediction.RacePredictor.Format(Domain.Prediction.RaceTime.FromSeconds(seconds), TimeSpan.FromSeconds(5));
        Assert.Equal(page.Select(m => (Shown(m.FiveKSeconds), Shown(m.TenKSeconds))), view.PredictionTrend.Select(m => (m.FiveK, m.TenK)));
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task SorenessMapAndSuggestions(string engine)
    {
        await using var database = await TestDatabases.CreateAsync(engine);
        await SeedAsync(database);

        var view = await DashboardAsync(database);

        var calves = view.Soreness.Scores[view.Soreness.Areas.ToList().IndexOf("calves")];
        Assert.Equal([null, 5, 4, 6], calves);
        Assert.All(view.Soreness.Scores[view.Soreness.Areas.ToList().IndexOf("knees")], s => Assert.Null(s));

        var suggestion = Assert.Single(view.Suggestions, s => s.Kind == "add-hip-extension-work");
        Assert.Contains("only 10 sets of hip-extension work", suggestion.Reason, StringComparison.Ordinal);
        Assert.StartsWith("Try", suggestion.Text, StringComparison.Ordinal);
        Assert.Contains("physiotherapist or doctor", view.ProfessionalNote, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task ThisWeek_ComesFromTheNewestPlan_WithWhatIsDone(string engine)
    {
        await using var database = await TestDatabases.CreateAsync(engine);
        await SeedAsync(database);

        var view = await DashboardAsync(database);

        var week = view.ThisWeek!;
        Assert.Equal("Spring plan", week.PlanName);
        Assert.Equal(2, week.WeekIndex);
        Assert.Equal(7, week.Days.Count);
        var tuesday = week.Days.Single(d => d.Date == new DateOnly(2026, 3, 31));
        Assert.Equal("quality", tuesday.PlannedRun);
        Assert.True(tuesday.RunDone);
        Assert.Equal(5, tuesday.RunKm);
        var thursday = week.Days.Single(d => d.Date == new DateOnly(2026, 4, 2));
        Assert.False(thursday.RunDone);
        Assert.Contains(week.Days.SelectMany(d => d.Sessions), s => s.Kind == "strength" && s.Done == false);
    }

    [Fact]
    public async Task EmptyInstall_HasNoData_AndSaysWhereThePlanComesFrom()
    {
        await using var database = await TestDatabases.CreateAsync("sqlite");

        var view = await DashboardAsync(database);

        Assert.False(view.HasData);
        Assert.Null(view.ThisWeek);
        Assert.Contains("Plan page", view.ThisWeekNote, StringComparison.Ordinal);
        Assert.All(view.RunningVolume, w => Assert.Equal(0, w.DistanceMetres));
        Assert.Empty(view.Suggestions);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(105)]
    public async Task Weeks_OutOfRange_IsRejectedNamingTheField(int weeks)
    {
        await using var database = await TestDatabases.CreateAsync("sqlite");

        var error = await Assert.ThrowsAsync<UserInputException>(() => DashboardAsync(database, weeks));

        Assert.Equal("weeks", error.Field);
        Assert.Contains($"got {weeks}", error.Message, StringComparison.Ordinal);
    }
}
