using Microsoft.EntityFrameworkCore;
using RunStrong.Domain.Progression;
using RunStrong.Features.Catalogue;
using RunStrong.Features.Common;
using RunStrong.Features.Training;
using RunStrong.TestSupport;

namespace RunStrong.Features.Tests.Training;

/// <summary>The training log's use cases on real SQLite and PostgreSQL databases.</summary>
public class TrainingLogTests
{
    private static readonly DateOnly Monday = new(2026, 11, 16);
    private static readonly TimeProvider Clock = TestClock.At(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));

    public static TheoryData<string> Engines => TestDatabases.Engines;

    private static SetInput Set(string set, string exercise = "hip-thrust", string variant = "barbell") => SetNotation.Parse(set, 0, exercise, variant);

    private static async Task<StrengthSessionView> LogAsync(TestDatabase database, DateOnly date, params string[] sets)
    {
        await using var db = database.CreateContext();
        return await LogStrengthSession.HandleAsync(db, LocalRunner.Instance, Clock, new LogStrengthSession.Request
        {
            Date = date,
            Sets = sets.Select((s, i) => SetNotation.Parse(s, i, "hip-thrust", "barbell")).ToArray(),
        });
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task LogStrengthSession_StoresSetsInOrder_AndHistoryListsThemByDay(string engine)
    {
        await using var database = await TestDatabases.CreateAsync(engine);

        var session = await LogAsync(database, Monday, "12x60kg@7", "12x60kg@7.5", "10x135lb@9:pain");

        Assert.Null(session.PlannedSessionKey);
        Assert.Equal(["12x60kg@7", "12x60kg@7.5", "10x135lb@9:pain"], session.Sets.Select(s => s.Notation));
        await using var db = database.CreateContext();
        var history = await History.HandleAsync(db, LocalRunner.Instance, new History.Request());
        var day = Assert.Single(history.Days);
        Assert.Equal(Monday, day.Date);
        Assert.Equal("hip-thrust (barbell) 12x60kg@7, 12x60kg@7.5, 10x135lb@9:pain", Assert.Single(day.Sessions).Summary);
        Assert.Equal(3, await db.LoggedSets.CountAsync(s => s.OwnerId == LocalRunner.Instance.RunnerId));
    }

    public static TheoryData<string, string, string, string> BadSets => new()
    {
        { "hip-thrust", "barbell", "-3x60kg@7", "set 1, reps: reps must be 0 or more, got -3" },
        { "hip-thrust", "barbell", "12x60kg@11", "set 1, rpe: RPE must be between 1 and 10, got 11" },
        { "hip-thrust", "barbell", "12x60kg@7.3", "set 1, rpe: RPE must be a whole or half number (7, 7.5, 8), got 7.3" },
        { "hip-thrust", "kettlebell", "12x60kg@7", "set 1, variant: unknown variant 'kettlebell' of hip-thrust; expected one of bodyweight, banded, barbell, barbell-plus-band" },
        { "hip-thrusts", "barbell", "12x60kg@7", "set 1, exercise: unknown exercise 'hip-thrusts'; see `runstrong exercises` or /exercises for the slugs" },
        { "clamshell", "banded", "15+purple", "set 1, band: unknown band 'purple'; expected one of light, medium, heavy" },
        { "glute-bridge", "bodyweight", "10000", "set 1, reps: 10000 reps in one set is more than 200; check the number (log each set on its own)" },
        { "hip-thrust", "barbell", "12x6000kg@7", "set 1, load: 6000 kg is more than any lift on record (700 kg); check the number and its unit" },
        { "hip-thrust", "barbell", "12x2000lb@7", "set 1, load: 2000 lb is more than any lift on record (1543 lb); check the number and its unit" },
        { "glute-bridge", "bodyweight", "7200s", "set 1, seconds: 7200 seconds in one set is more than an hour (3600); check the number" },
    };

    [Theory]
    [InlineData(null, "kg", 60.0)]
    [InlineData("lb", "lb", 60.0)]
    public async Task ABareLoad_IsTakenInTheRunnersUnit(string? unit, string storedUnit, double storedValue)
    {
        await using var database = await TestDatabases.CreateAsync("sqlite");
        await using var db = database.CreateContext();
        await Features.Settings.RunnerSettings.UpdatePreferencesAsync(db, LocalRunner.Instance, new(null, unit, null));

        var session = await LogStrengthSession.HandleAsync(db, LocalRunner.Instance, Clock, new LogStrengthSession.Request { Sets = [Set("12x60@7")] });

        Assert.Equal((storedValue, storedUnit), (session.Sets[0].LoadValue!.Value, session.Sets[0].LoadUnit));
    }

    [Theory, MemberData(nameof(BadSets))]
    public async Task LogStrengthSession_BadSet_IsRefusedWithTheSetAndFieldNamed(string exercise, string variant, string set, string message)
    {
        await using var database = await TestDatabases.CreateAsync("sqlite");
        await using var db = database.CreateContext();

        var error = await Assert.ThrowsAsync<UserInputException>(() => LogStrengthSession.HandleAsync(db, LocalRunner.Instance, Clock,
            new LogStrengthSession.Request { Sets = [Set("12x60kg@7"), SetNotation.Parse(set, 1, exercise, variant)] }));

        Assert.Equal(message.Replace("set 1", "set 2", StringComparison.Ordinal), error.Message);
        Assert.StartsWith("sets[1].", error.Field, StringComparison.Ordinal);
        Assert.Equal(0, await db.StrengthSessions.CountAsync());
    }

    [Theory]
    [InlineData("12x60kg@7", 12, "60kg", null, null, 7.0, null, false, true)]
    [InlineData("10/side@8", 10, null, null, null, 8.0, null, false, true)]
    [InlineData("15+light", 15, null, "light", null, null, null, false, true)]
    [InlineData("30s", 0, null, null, 30, null, null, false, true)]
    [InlineData("12@2rir", 12, null, null, null, null, 2, false, true)]
    [InlineData("6x80kg@10:failed", 6, "80kg", null, null, 10.0, null, false, false)]
    [InlineData("8 x 135 lb @ 8.5 :pain", 8, "135lb", null, null, 8.5, null, true, true)]
    public void SetNotation_ReadsTheCompactForms(string text, int reps, string? load, string? band, int? seconds, double? rpe, int? rir, bool pain, bool completed)
    {
        var set = SetNotation.Parse(text, 0, "hip-thrust", "barbell");

        Assert.Equal((reps, load, band, seconds, rpe, rir, pain, (bool?)completed), (set.Reps ?? -1, set.Load, set.Band, set.Seconds, set.Rpe, set.RepsInReserve, set.Pain, set.Completed));
    }

    [Fact]
    public void SetNotation_Gibberish_SaysHowToWriteASet()
    {
        var error = Assert.Throws<UserInputException>(() => SetNotation.Parse("twelve", 2, "hip-thrust", "barbell"));
        Assert.StartsWith("set 3: 'twelve' is not a set: write REPS", error.Message, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task LogSet_SamePositionTwice_StoresOneSet(string engine)
    {
        await using var database = await TestDatabases.CreateAsync(engine);
        var request = new LogSet.Request { Date = Monday, Position = 0, Set = Set("10x60kg@7") };

        LogSet.Response first, retry, second;
        await using (var db = database.CreateContext())
        {
            first = await LogSet.HandleAsync(db, LocalRunner.Instance, Clock, request);
        }

        await using (var db = database.CreateContext())
        {
            retry = await LogSet.HandleAsync(db, LocalRunner.Instance, Clock, request with { Set = Set("11x60kg@7.5") });
        }

        await using (var db = database.CreateContext())
        {
            second = await LogSet.HandleAsync(db, LocalRunner.Instance, Clock, request with { Position = null });
        }

        Assert.True(first.Created);
        Assert.False(retry.Created);
        Assert.Equal(first.SessionId, retry.SessionId);
        Assert.Equal((first.SessionId, 1, true), (second.SessionId, second.Position, second.Created));
        await using var check = database.CreateContext();
        var session = await History.GetSessionAsync(check, LocalRunner.Instance, first.SessionId);
        Assert.Equal(["11x60kg@7.5", "10x60kg@7"], session.Sets.Select(s => s.Notation));
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task LogSet_WithItsOwnKey_NeverReplacesAnotherClientsSet_AndARetryFindsItsOwn(string engine)
    {
        // The gym page opened before the CLI logged two sets that day: its new set still says position 0.
        await using var database = await TestDatabases.CreateAsync(engine);
        var cli = await LogAsync(database, Monday, "12x60kg@7", "10x70kg@8");
        var page = new LogSet.Request { Date = Monday, Position = 0, ClientId = "a1b2c3", Set = Set("20", "glute-bridge", "bodyweight") };

        LogSet.Response first, retry;
        await using (var db = database.CreateContext())
        {
            first = await LogSet.HandleAsync(db, LocalRunner.Instance, Clock, page);
        }

        await using (var db = database.CreateContext())
        {
            // The answer was lost on the way; the phone sends the set again, corrected meanwhile.
            retry = await LogSet.HandleAsync(db, LocalRunner.Instance, Clock, page with { Set = Set("22", "glute-bridge", "bodyweight") });
        }

        Assert.Equal((cli.Id, 2, true), (first.SessionId, first.Position, first.Created));
        Assert.Equal((cli.Id, 2, false), (retry.SessionId, retry.Position, retry.Created));
        await using var check = database.CreateContext();
        var session = await History.GetSessionAsync(check, LocalRunner.Instance, cli.Id);
        Assert.Equal(["12x60kg@7", "10x70kg@8", "22"], session.Sets.Select(s => s.Notation));
        Assert.Equal([null, null, "a1b2c3"], session.Sets.Select(s => s.ClientId));
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task LogSet_ThePlannedSetsPlace_IsThatPlannedSet_LoggedAgainItIsReplaced(string engine)
    {
        await using var database = await TestDatabases.CreateAsync(engine);
        await using (var db = database.CreateContext())
        {
            db.StrengthSessions.Add(new Data.Entities.StrengthSessionRecord { OwnerId = LocalRunner.Instance.RunnerId, Date = Monday, PlannedSessionKey = "2026-11-16#1", CreatedAt = Clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
        }

        var request = new LogSet.Request { Date = Monday, PlannedSessionKey = "2026-11-16#1", Position = 0, Set = Set("10x60kg@7") };
        LogSet.Response phone, laptop;
        await using (var db = database.CreateContext())
        {
            phone = await LogSet.HandleAsync(db, LocalRunner.Instance, Clock, request with { ClientId = "phone" });
        }

        await using (var db = database.CreateContext())
        {
            laptop = await LogSet.HandleAsync(db, LocalRunner.Instance, Clock, request with { ClientId = "laptop", Set = Set("10x62.5kg@7") });
        }

        Assert.Equal((0, false), (laptop.Position, laptop.Created));
        await using var check = database.CreateContext();
        var session = await History.GetSessionAsync(check, LocalRunner.Instance, phone.SessionId);
        Assert.Equal(["10x62.5kg@7"], session.Sets.Select(s => s.Notation));
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("semi;colon")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123456789")]
    public async Task LogSet_AClientKeyOfOtherCharacters_IsRefusedByName(string clientId)
    {
        await using var database = await TestDatabases.CreateAsync("sqlite");
        await using var db = database.CreateContext();

        var error = await Assert.ThrowsAsync<UserInputException>(() =>
            LogSet.HandleAsync(db, LocalRunner.Instance, Clock, new LogSet.Request { Date = Monday, ClientId = clientId, Set = Set("10x60kg@7") }));

        Assert.Equal("clientId", error.Field);
        Assert.StartsWith("clientId must be 1 to 64 letters, digits, '-' or '_', got \"", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await db.LoggedSets.CountAsync());
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task NextPrescription_FromStoredHistory_AddsLoadAfterTheTopOfTheRange(string engine)
    {
        await using var database = await TestDatabases.CreateAsync(engine);
        await LogAsync(database, Monday, "10x60kg@7", "10x60kg@7", "9x60kg@8");
        await LogAsync(database, Monday.AddDays(3), "12x60kg@7", "12x60kg@7", "12x60kg@8");

        await using var db = database.CreateContext();
        var next = await NextPrescription.HandleAsync(db, LocalRunner.Instance, Clock, new NextPrescription.Request("hip-thrust"));

        var item = Assert.Single(next.Exercises);
        Assert.Equal((ProgressionStep.AddLoad, "barbell", "62.5 kg", 8), (item.Step, item.Variant, item.Load, item.TargetReps));
        Assert.Equal("last time 3 x 12 at 60 kg at RPE 8, the top of the range: add 2.5 kg (4 %) to 62.5 kg and go back to 8 reps", item.Reason);
    }

    /// <summary>
    /// A session logged ahead on a later plan day (allowed for a week) is not "last time" for today's prescription: an
    /// audit saw `runstrong next` cite a set dated the day after the session it prescribed.
    /// </summary>
    [Theory, MemberData(nameof(Engines))]
    public async Task NextPrescription_ASessionLoggedAheadOfToday_IsNotLastTime(string engine)
    {
        await using var onlyPast = await TestDatabases.CreateAsync(engine);
        await using var withAhead = await TestDatabases.CreateAsync(engine);
        foreach (var database in new[] { onlyPast, withAhead })
        {
            await LogAsync(database, Monday, "10x60kg@7", "10x60kg@7", "9x60kg@8");
        }

        // Clock's today is Monday 30 November; this is Wednesday 2 December.
        await LogAsync(withAhead, new DateOnly(2026, 12, 2), "12x60kg@7", "12x60kg@7", "12x60kg@8");

        NextPrescription.Item past, ahead;
        await using (var db = onlyPast.CreateContext())
        {
            past = Assert.Single((await NextPrescription.HandleAsync(db, LocalRunner.Instance, Clock, new NextPrescription.Request("hip-thrust"))).Exercises);
        }

        await using (var db = withAhead.CreateContext())
        {
            ahead = Assert.Single((await NextPrescription.HandleAsync(db, LocalRunner.Instance, Clock, new NextPrescription.Request("hip-thrust"))).Exercises);
        }

        Assert.StartsWith("last time 3 sets of 10, 10, 9 at 60 kg", past.Reason, StringComparison.Ordinal);
        Assert.Equal(past, ahead);
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task NextPrescription_HillSprints_After12x12sOnThe12SecondRung_Keeps12x12s(string engine)
    {
        await using var database = await TestDatabases.CreateAsync(engine);
        await using (var db = database.CreateContext())
        {
            await LogStrengthSession.HandleAsync(db, LocalRunner.Instance, Clock, new LogStrengthSession.Request
            {
                Date = Monday,
                Sets = [.. Enumerable.Range(0, 12).Select(i => SetNotation.Parse("12s", i, "hill-sprints", "12-seconds"))],
            });
        }

        await using var read = database.CreateContext();
        var item = Assert.Single((await NextPrescription.HandleAsync(read, LocalRunner.Instance, Clock, new NextPrescription.Request("hill-sprints"))).Exercises);

        Assert.Equal(("12-seconds", 12, 12, ProgressionStep.Repeat), (item.Variant, item.Sets, item.Seconds!.Value, item.Step));
        Assert.StartsWith("last time 12 x 12 s, all completed: that is the top of the ladder, 12 x 12 s (Hudson 2008", item.Reason, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task NextPrescription_FailedSetAtTheEmptyBar_MovesToTheBandedRung_NotBelowTheBar(string engine)
    {
        await using var database = await TestDatabases.CreateAsync(engine);
        await LogAsync(database, Monday, "10x20kg@8", "6x20kg@10:failed");

        await using var db = database.CreateContext();
        var item = Assert.Single((await NextPrescription.HandleAsync(db, LocalRunner.Instance, Clock, new NextPrescription.Request("hip-thrust"))).Exercises);

        Assert.Equal((ProgressionStep.BackOffRung, "banded", null, "light"), (item.Step, item.Variant, item.Load, item.Band));
        Assert.Equal("a failed set last time (1 of 2 sets completed at 20 kg), and the empty bar (20 kg) is as light as a barbell goes: back to Banded hip thrust, 3 x 8 reps", item.Reason);
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task NextPrescription_SorenessInALoadedArea_BacksOff(string engine)
    {
        await using var database = await TestDatabases.CreateAsync(engine);
        await LogAsync(database, Monday, "12x60kg@7", "12x60kg@7", "12x60kg@7");
        await using (var db = database.CreateContext())
        {
            await LogSoreness.HandleAsync(db, LocalRunner.Instance, Clock, new LogSoreness.Request { Date = Monday.AddDays(1), Area = "glutes", Score = 6 });
        }

        await using var read = database.CreateContext();
        var item = Assert.Single((await NextPrescription.HandleAsync(read, LocalRunner.Instance, Clock, new NextPrescription.Request("hip-thrust"))).Exercises);

        Assert.Equal(ProgressionStep.BackOffRung, item.Step);
        Assert.Equal("banded", item.Variant);
        Assert.StartsWith("pain in your glutes after last session (6/10)", item.Reason, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task Sessions_OnThePlansStrengthDay_LinkToThePlannedSession_AndDeloadWeeksComeFromThePlan(string engine)
    {
        await using var database = await TestDatabases.CreateAsync(engine);
        var start = new DateOnly(2026, 11, 2);
        var planId = await TrainingPlans.SeedAsync(database, start);
        await using var db = database.CreateContext();
        var plan = (await TrainingPlan.NewestAsync(db, LocalRunner.Instance, await new ExerciseCatalogue(db).AllAsync(), default))!;
        var planned = plan.Plan.Days.SelectMany(d => plan.StrengthOn(d.Date)).First();
        var deloadDay = plan.Plan.Weeks.First(w => w.Deload).Days.First(d => plan.StrengthOn(d.Date).Count > 0).Date;

        var session = await LogStrengthSession.HandleAsync(db, LocalRunner.Instance, Clock, new LogStrengthSession.Request
        {
            Date = planned.Date,
            Sets = [Set("12x60kg@7", "hip-thrust", "barbell")],
        });
        var today = await TodaysSession.HandleAsync(db, LocalRunner.Instance, Clock, deloadDay);
        var next = await NextPrescription.HandleAsync(db, LocalRunner.Instance, Clock, new NextPrescription.Request(Date: deloadDay));

        Assert.Equal((planId, planned.Key), (session.PlanId!.Value, session.PlannedSessionKey));
        Assert.True(next.Deload);
        Assert.All(next.Exercises, e => Assert.Equal(ProgressionStep.Deload, e.Step));
        Assert.All(next.Exercises, e => Assert.StartsWith("deload week", e.Reason, StringComparison.Ordinal));
        var rows = Assert.Single(today.Planned).Rows;
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal(6, r.Rpe));
        // The plan's deload week and the engine's are one rule (DeloadDose): the same sets and rep range on the same day.
        var plannedHipThrust = plan.StrengthOn(deloadDay).SelectMany(s => s.Session.Exercises).First(e => e.Slug == "hip-thrust");
        var hipThrust = next.Exercises.Single(e => e.Exercise == "hip-thrust");
        Assert.Equal((plannedHipThrust.Sets, plannedHipThrust.RepsMin, plannedHipThrust.RepsMax), (hipThrust.Sets, hipThrust.RepsMin, hipThrust.RepsMax));
        Assert.Equal((2, 6, 8), (hipThrust.Sets, hipThrust.RepsMin!.Value, hipThrust.RepsMax!.Value));
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task StrengthStats_OneRepMaxTrendRecordsAndMuscleSets_IncludeHillsFromRuns(string engine)
    {
        await using var database = await TestDatabases.CreateAsync(engine);
        await LogAsync(database, Monday, "5x100kg@8", "8x90kg@8");
        await LogAsync(database, Monday.AddDays(7), "5x105kg@8");
        await using var db = database.CreateContext();
        await LogRun.HandleAsync(db, LocalRunner.Instance, Clock, new LogRun.Request { Date = Monday.AddDays(1), Distance = "8k", Time = "45:00", Type = "hills" });

        var stats = await StrengthStats.HandleAsync(db, LocalRunner.Instance, new StrengthStats.Request());

        var hipThrust = Assert.Single(stats.Exercises);
        Assert.Equal([116.67, 122.5], hipThrust.OneRepMax.Select(p => p.EpleyKilograms));
        Assert.Equal(112.5, hipThrust.OneRepMax[0].BrzyckiKilograms);
        Assert.Equal(118.125, hipThrust.OneRepMax[1].BrzyckiKilograms, 0.006);
        Assert.Equal(105, hipThrust.Records.HeaviestLoad!.LoadKilograms);
        Assert.Equal(Monday.AddDays(7), hipThrust.Records.BestEstimatedOneRepMax!.Date);
        var firstWeek = stats.WeeklySetsPerMuscle[0];
        // Two hip-thrust sets (gluteus maximus primary) plus a hill session's three sets of hip extension.
        Assert.Equal(2 + 3, firstWeek.Sets["gluteus-maximus"]);
        Assert.Equal(3, firstWeek.HipExtensionFromRuns);
    }

    /// <summary>
    /// The history page's muscle chart reads the last weeks, further back only while too few had training: the weeks it
    /// gives are the whole history's last ones, figure for figure (a demo year, and sessions and a hill run years before).
    /// </summary>
    [Theory, MemberData(nameof(Engines))]
    public async Task StrengthStats_RecentWeeksOfMuscles_AreTheWholeHistorysLastWeeks(string engine)
    {
        await using var database = await TestDatabases.CreateAsync(engine);
        var today = new DateOnly(2026, 11, 30);
        static string Show(StrengthStats.WeekOfMuscles w) =>
            $"{w.WeekStart:yyyy-MM-dd} {string.Join(",", w.Sets.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"))} hills {w.HipExtensionFromRuns}";
        await using (var empty = database.CreateContext())
        {
            Assert.Empty(await StrengthStats.RecentWeeksOfMusclesAsync(empty, LocalRunner.Instance, today, 8));
        }

        // A week is read whole even when today is mid-week: its Monday's sets and its Friday's.
        await LogAsync(database, Monday, "5x60kg@8");
        await LogAsync(database, Monday.AddDays(4), "5x62.5kg@8");
        await LogAsync(database, Monday.AddDays(7), "5x65kg@8");
        await using (var read = database.CreateContext())
        {
            var lastTwo = (await StrengthStats.HandleAsync(read, LocalRunner.Instance, new StrengthStats.Request())).WeeklySetsPerMuscle.TakeLast(2).Select(Show);
            Assert.Equal(lastTwo, (await StrengthStats.RecentWeeksOfMusclesAsync(read, LocalRunner.Instance, Monday.AddDays(9), 2)).Select(Show));
        }

        await LogAsync(database, Monday.AddDays(-7 * 400), "5x60kg@8", "5x60kg@8");
        await LogAsync(database, Monday.AddDays(-7 * 200 + 2), "8x70kg@8");
        await using var db = database.CreateContext();
        await LogRun.HandleAsync(db, LocalRunner.Instance, Clock, new LogRun.Request { Date = Monday.AddDays(-7 * 150), Distance = "8k", Time = "45:00", Type = "hills" });
        await Demo.DemoData.FillAsync(db, LocalRunner.Instance, today);
        var whole = (await StrengthStats.HandleAsync(db, LocalRunner.Instance, new StrengthStats.Request())).WeeklySetsPerMuscle.Select(Show).ToArray();

        Assert.True(whole.Length > 50, $"{whole.Length} weeks with training");
        foreach (var count in new[] { 1, 8, whole.Length - 2, whole.Length + 5 })
        {
            var recent = await StrengthStats.RecentWeeksOfMusclesAsync(db, LocalRunner.Instance, today, count);
            Assert.Equal(whole.TakeLast(count), recent.Select(Show));
        }
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task LogRun_StoresAManualActivity_OnceOnly_AndARaceBecomesABestEffort(string engine)
    {
        await using var database = await TestDatabases.CreateAsync(engine);
        await using var db = database.CreateContext();
        var request = new LogRun.Request { Date = Monday, Distance = "5k", Time = "20:00", Type = "race", Rpe = 9 };

        var first = await LogRun.HandleAsync(db, LocalRunner.Instance, Clock, request);
        var again = await LogRun.HandleAsync(db, LocalRunner.Instance, Clock, request);

        Assert.False(first.Duplicate);
        Assert.True(again.Duplicate);
        Assert.Equal(first.Id, again.Id);
        var row = await db.Activities.SingleAsync();
        Assert.Equal(("manual", "running", "race", 1200.0, 64), (row.Format, row.Sport, row.RunType, row.MovingSeconds, row.ContentHash.Length));
        var summary = RunStrong.Features.Activities.StoredSummary.Read(row.SummaryJson);
        Assert.Equal(new Domain.Activities.Metrics.BestEffort(5000, 1200), Assert.Single(summary.BestEfforts));
    }

    [Theory]
    [InlineData("10k", "00:00", "time", "time: '00:00' is no time at all: a time must be more than 0:00")]
    [InlineData("10 leagues", "50:00", "distance", "distance: '10 leagues' is not a distance I know")]
    [InlineData("10k", "50:00", "type", "type: unknown run type 'jog'; expected one of easy, quality, long, race, hills")]
    [InlineData("5k", "12:00", "time", "time: 5k in 12:00 is faster than the world record for the distance (12:35); check the time and the distance")]
    [InlineData("half", "50:00", "time", "time: half in 50:00 is faster than the world record for the distance (56:42)")]
    [InlineData("10", "50:00", "distance", "distance: '10' has no unit: write 10k, 10 mi or 10 m")]
    [InlineData("-5k", "25:00", "distance", "distance: '-5k' is not a distance I know")]
    [InlineData("10m", "5:00", "distance", "distance: 10m is shorter than a run RunStrong logs (100 m or more); check the distance and its unit (10k, 10 mi)")]
    [InlineData("99999999k", "50:00:00", "distance", "distance: 99999999k is longer than a run in one go (1000 km at most)")]
    [InlineData("5k", "6:00:00", "time", "time: 5k in 6:00:00 is slower than 1:00:00 a kilometre, slower than a walk; check the time and the distance")]
    public async Task LogRun_BadInput_NamesTheField(string distance, string time, string field, string message)
    {
        await using var database = await TestDatabases.CreateAsync("sqlite");
        await using var db = database.CreateContext();

        var error = await Assert.ThrowsAsync<UserInputException>(() => LogRun.HandleAsync(db, LocalRunner.Instance, Clock,
            new LogRun.Request { Distance = distance, Time = time, Type = field == "type" ? "jog" : "easy" }));

        Assert.Equal(field, error.Field);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("6 mi", "54:00", "easy", "Easy run, 6 mi in 54:00")]
    [InlineData("3.1mi", "24:30", "quality", "Quality run, 3.1 mi in 24:30")]
    [InlineData("8000", "44:00", "easy", "Easy run, 4.97 mi in 44:00")]
    [InlineData("10k", "45:00", "race", "Race run, 10k in 45:00")]
    [InlineData("half", "1:45:00", "race", "Race run, half in 1:45:00")]
    public async Task LogRun_ForARunnerInMiles_IsNamedInMiles_StandardRacesByTheirName(string distance, string time, string type, string name)
    {
        await using var database = await TestDatabases.CreateAsync("sqlite");
        await using var db = database.CreateContext();
        await Features.Settings.RunnerSettings.UpdatePreferencesAsync(db, LocalRunner.Instance, new Features.Settings.RunnerSettings.PreferencesRequest("mi", null, null));

        var run = await LogRun.HandleAsync(db, LocalRunner.Instance, Clock, new LogRun.Request { Distance = distance, Time = time, Type = type });

        Assert.Equal(name, run.Name);
        Assert.Equal(name, (await db.Activities.SingleAsync()).Name);
    }

    [Theory]
    [InlineData("700 mi", "200:00:00", "distance", "distance: 700 mi is longer than a run in one go (621 mi at most); check the distance and its unit")]
    [InlineData("1mi", "2:00:00", "time", "time: 1mi in 2:00:00 is slower than 1:36:34 a mile, slower than a walk; check the time and the distance")]
    [InlineData("3 mi", "10:00", "time", "time: 3 mi in 10:00 is faster than the world record for the distance")]
    public async Task LogRun_ARefusalForARunnerInMiles_GivesTheDistanceAsTypedAndTheLimitsInMiles(string distance, string time, string field, string message)
    {
        await using var database = await TestDatabases.CreateAsync("sqlite");
        await using var db = database.CreateContext();
        await Features.Settings.RunnerSettings.UpdatePreferencesAsync(db, LocalRunner.Instance, new Features.Settings.RunnerSettings.PreferencesRequest("mi", null, null));

        var error = await Assert.ThrowsAsync<UserInputException>(() => LogRun.HandleAsync(db, LocalRunner.Instance, Clock,
            new LogRun.Request { Distance = distance, Time = time }));

        Assert.Equal(field, error.Field);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.False(await db.Activities.AnyAsync());
    }

    [Fact]
    public async Task CorrectingARunsDistanceOrTime_RenamesItWhenItHadTheDefaultName_NotWhenTheRunnerNamedIt()
    {
        await using var database = await TestDatabases.CreateAsync("sqlite");
        await using var db = database.CreateContext();
        await Features.Settings.RunnerSettings.UpdatePreferencesAsync(db, LocalRunner.Instance, new Features.Settings.RunnerSettings.PreferencesRequest("mi", null, null));
        var plain = await LogRun.HandleAsync(db, LocalRunner.Instance, Clock, new LogRun.Request { Distance = "5 mi", Time = "40:00" });
        var named = await LogRun.HandleAsync(db, LocalRunner.Instance, Clock, new LogRun.Request { Distance = "4 mi", Time = "36:00", Name = "River loop" });

        await Features.Activities.EditActivity.HandleAsync(db, LocalRunner.Instance, Clock, plain.Id, new Features.Activities.EditActivity.Change(Distance: "6 mi"));
        await Features.Activities.EditActivity.HandleAsync(db, LocalRunner.Instance, Clock, plain.Id, new Features.Activities.EditActivity.Change(RunType: "long", Time: "50:00"));
        await Features.Activities.EditActivity.HandleAsync(db, LocalRunner.Instance, Clock, named.Id, new Features.Activities.EditActivity.Change(Distance: "4.5 mi"));

        db.ChangeTracker.Clear();
        var names = await db.Activities.OrderBy(a => a.Id).Select(a => a.Name).ToListAsync();
        Assert.Equal(["Long run, 6 mi in 50:00", "River loop"], names);
    }

    [Theory]
    [InlineData("elbow", 3, "area", "area: unknown body area 'elbow'; expected one of calves, hamstrings, quadriceps, glutes, hips, knees, shins, feet, lower-back")]
    [InlineData("calves", 11, "score", "score: soreness must be between 0 and 10, got 11")]
    public async Task LogSoreness_BadInput_NamesTheField(string area, int score, string field, string message)
    {
        await using var database = await TestDatabases.CreateAsync("sqlite");
        await using var db = database.CreateContext();

        var error = await Assert.ThrowsAsync<UserInputException>(() => LogSoreness.HandleAsync(db, LocalRunner.Instance, Clock,
            new LogSoreness.Request { Area = area, Score = score }));

        Assert.Equal((field, message), (error.Field, error.Message));
    }
}
