using Microsoft.EntityFrameworkCore;
using RunStrong.Data;
using RunStrong.Domain.Planning;
using RunStrong.Features.Catalogue;
using RunStrong.Features.Common;
using RunStrong.Features.Dashboard;
using RunStrong.Features.Plans;
using RunStrong.Features.Training;
using RunStrong.TestSupport;

namespace RunStrong.Features.Tests.Plans;

/// <summary>
/// Issue 12 on real databases: the plan follows what was logged, a new plan starting later leaves the current week with the
/// plan that planned it, and a logged session stays on its day whatever plan holds that day. Every date comes from the
/// suite's clock (any weekday, any day of the month).
/// </summary>
public class CurrentWeekAndLogTests
{
    public static TheoryData<string> Engines => TestDatabases.Engines;

    private static readonly TimeProvider Clock = TestClock.Create();

    private static DateOnly Today => TestClock.Today;

    /// <summary>The Monday before this week: the older plan has run a week already.</summary>
    private static DateOnly LastMonday => TestClock.ThisMonday.AddDays(-7);

    /// <summary>A stored plan for the gym runner of the log tests, created an hour before "now" (older than plans made by the slices).</summary>
    private static async Task<long> SeedOlderPlanAsync(TestDatabase database) => await TrainingPlans.SeedAsync(database, LastMonday, "Base block");

    private static string Day(DateOnly date) => date.ToString("dddd d MMMM", System.Globalization.CultureInfo.InvariantCulture);

    private static SetInput Set(string set, int position, string exercise, string variant) => SetNotation.Parse(set, position, exercise, variant);

    [Theory, MemberData(nameof(Engines))]
    public async Task GetPlan_FromTodayOn_EveryHipThrustFollowsTheLoggedOne_DaysBeforeStayAsPlanned(string engine)
    {
        await using var database = await TestDatabases.CreateAsync(engine);
        var id = await SeedOlderPlanAsync(database);
        await using var db = database.CreateContext();
        // Last Monday (before today, whatever today is): 3 x 12 at 60 kg at RPE 7, the top of 8-12.
        await LogStrengthSession.HandleAsync(db, LocalRunner.Instance, Clock, new LogStrengthSession.Request
        {
            Date = LastMonday,
            Sets = [.. Enumerable.Range(0, 3).Select(i => Set("12x60kg@7", i, "hip-thrust", "barbell-plus-band"))],
        });

        var plan = (await GetPlan.HandleAsync(db, new ExerciseCatalogue(db), LocalRunner.Instance, Clock, id)).Plan;

        var hipThrusts = plan.Weeks.SelectMany(w => w.Days.Select(d => (Week: w, Day: d)))
            .SelectMany(x => x.Day.Sessions.Where(s => s.Kind == SessionKind.Strength)
                .SelectMany(s => s.Exercises.Where(e => e.Slug == "hip-thrust").Select(e => (x.Week, x.Day.Date, Exercise: e))))
            .ToList();
        var future = hipThrusts.Where(h => h.Date >= Today && !h.Week.Deload).ToList();
        Assert.NotEmpty(future);
        Assert.All(future, h =>
        {
            // Double progression: the top of the range on every set -> 5 %, rounded to the bar's 2.5 kg.
            Assert.Equal("62.5kg", h.Exercise.Load);
            Assert.Equal("barbell-plus-band", h.Exercise.Variant);
            Assert.Contains("add 2.5 kg", h.Exercise.FromLog, StringComparison.Ordinal);
            Assert.Contains("3 × 8–12 @ 62.5 kg, RPE 7", PlanText.Dose(h.Exercise), StringComparison.Ordinal);
        });
        // The deload week keeps the load and cuts the volume (Rogerson 2024).
        Assert.All(hipThrusts.Where(h => h.Date >= Today && h.Week.Deload), h => Assert.Equal((6, "deload"), (h.Exercise.Rpe!.Value, h.Exercise.FromLog![..6])));
        // Days before today are what the plan said then: a regular lifter who gave no recent set chooses the load.
        Assert.All(hipThrusts.Where(h => h.Date < Today), h =>
        {
            Assert.Null(h.Exercise.FromLog);
            Assert.Null(h.Exercise.Load);
            Assert.StartsWith("no recent hip thrust set in your profile", h.Exercise.LoadNote, StringComparison.Ordinal);
        });
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task LogPlannedSession_ADoseNoHillHolds_IsRefusedNamingTheField_AndNothingIsStored(string engine)
    {
        await using var database = await TestDatabases.CreateAsync(engine);
        var id = await SeedOlderPlanAsync(database);
        await using var db = database.CreateContext();
        var plan = (await GetPlan.HandleAsync(db, new ExerciseCatalogue(db), LocalRunner.Instance, Clock, id)).Plan;
        var hill = plan.Days.SelectMany(d => d.Sessions.Select((s, i) => (d.Date, Index: i, Session: s))).Last(x => x.Session.Kind == SessionKind.HillSprints && x.Date < Today);
        var key = TrainingPlan.KeyOf(hill.Date, hill.Index);
        var cases = new (int? Reps, int? Seconds, double? Grade, string Field, string Message)[]
        {
            (31, 8, 7, "reps", "reps: hill sprints must be between 0 and 30, got 31"),
            (-1, 8, 7, "reps", "reps: hill sprints must be between 0 and 30, got -1"),
            (6, 2, 7, "seconds", "seconds: seconds a sprint must be between 3 and 60, got 2"),
            (6, 90, null, "seconds", "seconds: seconds a sprint must be between 3 and 60, got 90"),
            (6, 8, 35, "gradePercent", "gradePercent: a hill's grade is between 1 and 30 %, got 35"),
            (6, 8, 0.5, "gradePercent", "gradePercent: a hill's grade is between 1 and 30 %, got 0.5"),
        };
        foreach (var (reps, seconds, grade, field, message) in cases)
        {
            var refused = await Assert.ThrowsAsync<UserInputException>(() => LogPlannedSession.HandleAsync(db, LocalRunner.Instance, Clock, new LogPlannedSession.Request
            {
                PlannedSessionKey = key, Status = "done", Reps = reps, Seconds = seconds, GradePercent = grade,
            }));
            Assert.Equal((field, message), (refused.Field, refused.Message));
        }

        Assert.False(await db.SessionLogs.AnyAsync());

        // The edges are a dose: 30 sprints of 60 s on a 30 % grade.
        var logged = await LogPlannedSession.HandleAsync(db, LocalRunner.Instance, Clock, new LogPlannedSession.Request
        {
            PlannedSessionKey = key, Status = "done", Reps = 30, Seconds = 60, GradePercent = 30,
        });
        Assert.Equal("Hill sprints done: 30 x 60 s at 30 %", logged.Log.Summary);
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task GetPlan_AfterHillSprintsCutShort_TheNextSessionsAskOneStepPastWhatWasDone_NotThePlansSchedule(string engine)
    {
        await using var database = await TestDatabases.CreateAsync(engine);
        var id = await SeedOlderPlanAsync(database);
        await using var db = database.CreateContext();
        var catalogue = new ExerciseCatalogue(db);
        var before = (await GetPlan.HandleAsync(db, catalogue, LocalRunner.Instance, Clock, id)).Plan;
        var hillDays = before.Days.SelectMany(d => d.Sessions.Select((s, i) => (d.Date, Index: i, Session: s))).Where(x => x.Session.Kind == SessionKind.HillSprints).ToList();
        var done = hillDays.Last(h => h.Date < Today);

        // The runner managed one sprint of 8 s instead of the plan's dose.
        await LogPlannedSession.HandleAsync(db, LocalRunner.Instance, Clock, new LogPlannedSession.Request
        {
            PlannedSessionKey = TrainingPlan.KeyOf(done.Date, done.Index), Status = "partly", Reps = 1, Seconds = 8,
        });
        var after = (await GetPlan.HandleAsync(db, catalogue, LocalRunner.Instance, Clock, id)).Plan;

        var sessions = after.Days.SelectMany(d => d.Sessions.Select(s => (d.Date, Session: s))).Where(x => x.Session.Kind == SessionKind.HillSprints).ToList();
        var soon = sessions.Where(x => x.Date >= Today && x.Date <= done.Date.AddDays(PlanProgress.HillSprintMemoryDays)).ToList();
        Assert.NotEmpty(soon);
        Assert.All(soon, x =>
        {
            // A regular lifter adds 2 sprints a week (Hudson 2008): 1 x 8 s done -> 3 x 8 s next, whatever the plan said.
            var planned = hillDays.Single(h => h.Date == x.Date).Session.Exercises[0];
            var (sets, seconds) = (x.Session.Exercises[0].Sets, x.Session.Exercises[0].Seconds);
            Assert.Equal((seconds, sets).CompareTo((planned.Seconds, planned.Sets)) < 0 ? (3, 8) : (planned.Sets, planned.Seconds!.Value), (sets, seconds!.Value));
            if (sets == 3 && planned.Sets != 3)
            {
                Assert.StartsWith($"after 1 × 8 s on {done.Date:ddd d MMM}: 3 × 8 s, one step on", x.Session.Exercises[0].FromLog, StringComparison.Ordinal);
                Assert.Contains("3 × 8 s uphill", x.Session.Reason, StringComparison.Ordinal);
            }
        });
        Assert.Contains(soon, x => x.Session.Exercises[0].FromLog is not null);
        // Days before today stay as planned.
        Assert.All(sessions.Where(x => x.Date < Today), x => Assert.Null(x.Session.Exercises[0].FromLog));
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task GetPlan_AfterARunWithTwoHillSprintsDetected_TheNextSessionsBuildFromThem(string engine)
    {
        await using var database = await TestDatabases.CreateAsync(engine);
        var id = await SeedOlderPlanAsync(database);
        await using var db = database.CreateContext();
        var yesterday = Today.AddDays(-1);
        // A run yesterday in which the activity analysis found two 8 s surges up an 8 % slope (as an import stores it).
        var summary = Features.Activities.StoredSummary.Empty with
        {
            HillSprints = [new(600, 8, 36, 0.08, 4.5), new(900, 8.4, 37, 0.08, 4.4)],
        };
        db.Activities.Add(new Data.Entities.StoredActivity
        {
            OwnerId = Data.Entities.Runner.LocalId, Format = "fit", Sport = "running", StartTime = yesterday.ToDateTime(new TimeOnly(7, 0), DateTimeKind.Utc),
            LocalDate = yesterday, DistanceMeters = 8000, ElapsedSeconds = 2700, MovingSeconds = 2640, ContentHash = "hills-detected",
            SourcePath = "hills.fit", SummaryJson = summary.ToJson(), ImportedAt = yesterday.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
        });
        await db.SaveChangesAsync();

        var plan = (await GetPlan.HandleAsync(db, new ExerciseCatalogue(db), LocalRunner.Instance, Clock, id)).Plan;

        // 2 x 8 s done -> 4 x 8 s next for a regular lifter (Hudson 2008: add 2 a week), where the plan asked for more.
        var followed = plan.Days.Where(d => d.Date >= Today).SelectMany(d => d.Sessions)
            .Where(s => s.Kind == SessionKind.HillSprints && s.Exercises[0].FromLog is not null).ToList();
        Assert.NotEmpty(followed);
        Assert.All(followed, s =>
        {
            Assert.Equal((4, 8), (s.Exercises[0].Sets, s.Exercises[0].Seconds!.Value));
            Assert.StartsWith($"after 2 × 8 s on {yesterday:ddd d MMM}: 4 × 8 s", s.Exercises[0].FromLog, StringComparison.Ordinal);
        });
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task NewPlanStartingNextMonday_LeavesThisWeekWithTheOlderPlan_OnTheLogAndTheDashboard(string engine)
    {
        await using var database = await TestDatabases.CreateAsync(engine);
        await SeedOlderPlanAsync(database);
        await using var db = database.CreateContext();
        var newer = await CreatePlan.HandleAsync(db, LocalRunner.Instance, Clock,
            new CreatePlan.Request("Spring 10k", TrainingPlans.GymProfileJson(TestClock.NextMonday)));
        var catalogue = await new ExerciseCatalogue(db).AllAsync();
        var older = await TrainingPlan.ForDayAsync(db, LocalRunner.Instance, catalogue, Today, CancellationToken.None);
        // A day of this week with strength in the older plan (which weekday depends on the suite's day).
        var strengthDay = older!.Plan.Days.First(d => d.Date >= TestClock.ThisMonday && d.Sessions.Any(s => s.Kind == SessionKind.Strength)).Date;

        var log = await TodaysSession.HandleAsync(db, LocalRunner.Instance, Clock, strengthDay);
        var dashboard = await GetDashboard.HandleAsync(db, new ExerciseCatalogue(db), LocalRunner.Instance, Clock, new GetDashboard.Request());
        var nextWeek = await TodaysSession.HandleAsync(db, LocalRunner.Instance, Clock, TestClock.NextMonday);

        Assert.Equal("Base block", older.Record.Name);
        Assert.Equal("Base block", Assert.Single(log.Planned).PlanName);
        Assert.Equal("Base block", dashboard.ThisWeek!.PlanName);
        Assert.Equal(2, dashboard.ThisWeek.WeekIndex);
        Assert.Equal($"Your new plan 'Spring 10k' starts on {Day(TestClock.NextMonday)}; until then this week is 'Base block'.", dashboard.ThisWeekNote);
        // From next Monday the new plan holds the days.
        Assert.All(nextWeek.Planned, p => Assert.Equal("Spring 10k", p.PlanName));
        Assert.True(newer.Id > older.Record.Id);
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task OnlyAFuturePlan_TheDashboardSaysWhenItStarts(string engine)
    {
        await using var database = await TestDatabases.CreateAsync(engine);
        await using var db = database.CreateContext();
        await CreatePlan.HandleAsync(db, LocalRunner.Instance, Clock, new CreatePlan.Request("Spring 10k", TrainingPlans.GymProfileJson(TestClock.NextMonday)));

        var dashboard = await GetDashboard.HandleAsync(db, new ExerciseCatalogue(db), LocalRunner.Instance, Clock, new GetDashboard.Request());

        Assert.Null(dashboard.ThisWeek);
        Assert.Equal($"Your plan 'Spring 10k' starts on {Day(TestClock.NextMonday)}: nothing is planned this week yet.", dashboard.ThisWeekNote);
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task ALoggedSession_StaysOnItsDay_WhenANewerPlanTakesTheDayOver(string engine)
    {
        await using var database = await TestDatabases.CreateAsync(engine);
        await SeedOlderPlanAsync(database);
        await using var db = database.CreateContext();
        var catalogue = await new ExerciseCatalogue(db).AllAsync();
        var older = await TrainingPlan.ForDayAsync(db, LocalRunner.Instance, catalogue, Today, CancellationToken.None);
        // A planned strength day of last week, logged with the older plan's key.
        var day = older!.Plan.Days.First(d => d.Date < TestClock.ThisMonday && d.Sessions.Any(s => s.Kind == SessionKind.Strength)).Date;
        var key = Assert.Single(older.StrengthOn(day)).Key;
        await LogSet.HandleAsync(db, LocalRunner.Instance, Clock, new LogSet.Request
        {
            Date = day, PlannedSessionKey = key, Position = 0, Set = Set("10x60kg@7", 0, "hip-thrust", "barbell-plus-band"),
        });

        // A new plan from last Monday on, with quality on every weekday but Sunday: it holds the day and plans it otherwise.
        await CreatePlan.HandleAsync(db, LocalRunner.Instance, Clock, new CreatePlan.Request("Rebuilt", $$"""
            {"week": {"mon": "quality", "tue": "quality", "wed": "quality", "thu": "quality", "fri": "quality", "sat": "quality", "sun": "long"},
             "weeks": 4, "start": "{{TestClock.Iso(LastMonday)}}"}
            """));

        var log = await TodaysSession.HandleAsync(db, LocalRunner.Instance, Clock, day);
        var history = await History.HandleAsync(db, LocalRunner.Instance, new History.Request(day, day));
        var dashboard = await GetDashboard.HandleAsync(db, new ExerciseCatalogue(db), LocalRunner.Instance, TestClock.At(day), new GetDashboard.Request());

        var kept = Assert.Single(log.Other);
        Assert.Equal(["10x60kg@7"], kept.Sets.Select(s => s.Notation));
        Assert.DoesNotContain(log.Planned, p => p.Rows.Any(r => r.Logged is not null));
        Assert.Equal("hip-thrust (barbell-plus-band) 10x60kg@7", Assert.Single(Assert.Single(history.Days).Sessions).Summary);
        Assert.Equal("Rebuilt", dashboard.ThisWeek!.PlanName);
        var shown = dashboard.ThisWeek.Days.Single(d => d.Date == day).Sessions;
        Assert.Contains(shown, s => s is { Kind: "strength", Done: true });
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task AfterA62_5KgHipThrust_TheNextOneAddsLoad_ForAGymRunnerWhoListedNoBench(string engine)
    {
        // Issue 12: a runner who ticked Gym and a loop band (no bench listed) logged a 62.5 kg hip thrust and was told
        // "Bodyweight hip thrust ... needs a bench, which you haven't listed". The gym implies the bench.
        await using var database = await TestDatabases.CreateAsync(engine);
        await using var db = database.CreateContext();
        await CreatePlan.HandleAsync(db, LocalRunner.Instance, Clock, new CreatePlan.Request("Gym", $$"""
            {"experience": "some", "equipment": ["none", "loop-band"], "locations": ["gym"],
             "week": {"tue": "quality", "thu": "easy", "sun": "long"}, "weeks": 8, "start": "{{TestClock.Iso(LastMonday)}}"}
            """));
        await LogStrengthSession.HandleAsync(db, LocalRunner.Instance, Clock, new LogStrengthSession.Request
        {
            Date = Today.AddDays(-1),
            Sets = [.. Enumerable.Range(0, 3).Select(i => Set("12x62.5kg@7", i, "hip-thrust", "barbell"))],
        });

        var next = Assert.Single((await NextPrescription.HandleAsync(db, LocalRunner.Instance, Clock, new NextPrescription.Request("hip-thrust"))).Exercises);

        Assert.Equal(("barbell", "65 kg"), (next.Variant, next.Load));
        Assert.DoesNotContain("bench", next.Reason, StringComparison.Ordinal);
    }
    [Theory, MemberData(nameof(Engines))]
    public async Task SetsLoggedInAnotherOrder_ShowInTheRowsOfTheirOwnExercise_AndOpenRowsNeverTakeTheirPlace(string engine)
    {
        // The CLI logs a planned session last exercise first (or the prescription changed since): positions no longer
        // match the rows. Before, row 1 of the first exercise showed the last exercise's set, and "Update" there rewrote
        // that set as the first exercise.
        await using var database = await TestDatabases.CreateAsync(engine);
        await SeedOlderPlanAsync(database);
        await using var db = database.CreateContext();
        var catalogue = await new ExerciseCatalogue(db).AllAsync();
        var plan = await TrainingPlan.ForDayAsync(db, LocalRunner.Instance, catalogue, Today, CancellationToken.None);
        var day = plan!.Plan.Days.First(d => d.Date >= LastMonday && d.Sessions.Any(s => s.Kind == SessionKind.Strength)).Date;
        var before = Assert.Single((await TodaysSession.HandleAsync(db, LocalRunner.Instance, Clock, day)).Planned);
        var first = before.Rows[0];
        var last = before.Rows[^1];
        Assert.NotEqual(first.Exercise, last.Exercise);

        await LogStrengthSession.HandleAsync(db, LocalRunner.Instance, Clock, new LogStrengthSession.Request
        {
            Date = day,
            PlannedSessionKey = before.Key,
            Sets = [Set("9", 0, last.Exercise, last.Variant), Set("8", 1, last.Exercise, last.Variant), Set("7", 2, first.Exercise, first.Variant)],
        });
        var after = Assert.Single((await TodaysSession.HandleAsync(db, LocalRunner.Instance, Clock, day)).Planned);

        Assert.All(after.Rows.Where(r => r.Logged is not null), r => Assert.Equal(r.Exercise, r.Logged!.Exercise));
        Assert.Equal([7], after.Rows.Where(r => r.Exercise == first.Exercise && r.Logged is not null).Select(r => r.Logged!.Reps));
        Assert.Equal([9, 8], after.Rows.Where(r => r.Exercise == last.Exercise && r.Logged is not null).Select(r => r.Logged!.Reps));
        Assert.Empty(after.Extra);
        // A row showing a set carries that set's place; every other row a place no set holds.
        Assert.All(after.Rows.Where(r => r.Logged is not null), r => Assert.Equal(r.Logged!.Position, r.Position));
        Assert.Equal(after.Rows.Count, after.Rows.Select(r => r.Position).Distinct().Count());
        Assert.DoesNotContain(after.Rows.Where(r => r.Logged is null), r => r.Position is 0 or 1 or 2);
    }
}
