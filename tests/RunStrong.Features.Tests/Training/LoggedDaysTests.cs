using Microsoft.EntityFrameworkCore;
using RunStrong.Data.Entities;
using RunStrong.Features.Catalogue;
using RunStrong.Features.Common;
using RunStrong.Features.Dashboard;
using RunStrong.Features.Training;
using RunStrong.TestSupport;

namespace RunStrong.Features.Tests.Training;

/// <summary>
/// The one rule for the day of anything logged (LoggedDays), on create and on correction; and the rollups, which must
/// survive a day at the calendar's edge stored by an older RunStrong (a check-in dated 9999-12-31 took the dashboard
/// down for good: its week ends past the calendar's last day).
/// </summary>
public class LoggedDaysTests
{
    public static TheoryData<string> Engines => TestDatabases.Engines;

    public static TheoryData<string> OutOfRange => new() { "9999-12-31", "0001-01-01", "1000-06-01", "1800-01-01", "1989-12-31" };

    private static readonly SetInput HipThrust = new() { Exercise = "hip-thrust", Variant = "barbell", Reps = 10, Load = "60kg", Rpe = 7 };

    [Theory, MemberData(nameof(OutOfRange))]
    public async Task Log_OnADayNothingCanBeLoggedOn_IsRefusedNamingTheDate_AndNothingIsStored(string day)
    {
        await using var database = await TestDatabases.CreateAsync("sqlite");
        await using var db = database.CreateContext();
        var clock = TestClock.Create();
        var date = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);
        var today = TestClock.Today;

        var soreness = await Assert.ThrowsAsync<UserInputException>(() =>
            LogSoreness.HandleAsync(db, LocalRunner.Instance, clock, new LogSoreness.Request { Date = date, Area = "calves", Score = 4 }));
        var run = await Assert.ThrowsAsync<UserInputException>(() =>
            LogRun.HandleAsync(db, LocalRunner.Instance, clock, new LogRun.Request { Date = date, Distance = "10k", Time = "50:00" }));
        var strength = await Assert.ThrowsAsync<UserInputException>(() =>
            LogStrengthSession.HandleAsync(db, LocalRunner.Instance, clock, new LogStrengthSession.Request { Date = date, Sets = [HipThrust] }));
        var set = await Assert.ThrowsAsync<UserInputException>(() =>
            LogSet.HandleAsync(db, LocalRunner.Instance, clock, new LogSet.Request { Date = date, Set = HipThrust }));
        var planned = await Assert.ThrowsAsync<UserInputException>(() =>
            LogPlannedSession.HandleAsync(db, LocalRunner.Instance, clock, new LogPlannedSession.Request { PlannedSessionKey = day + "#1" }));

        Assert.All(new[] { soreness, run, strength, set }, e => Assert.Equal("date", e.Field));
        Assert.Equal("plannedSessionKey", planned.Field);
        Assert.Equal($"date: {day} is not a day the soreness check-in can have been on (1990-01-01 to today, {TestClock.Iso(today)})", soreness.Message);
        Assert.Equal($"date: {day} is not a day the run can have been on (1990-01-01 to today, {TestClock.Iso(today)})", run.Message);
        Assert.Equal($"date: {day} is not a day the strength session can be logged on (1990-01-01 to 7 days after today, {TestClock.Iso(today)})", strength.Message);
        Assert.Equal(strength.Message, set.Message);
        Assert.StartsWith($"plannedSessionKey: {day} is not a day the planned session can be logged on", planned.Message, StringComparison.Ordinal);
        Assert.False(await db.SorenessCheckIns.AnyAsync());
        Assert.False(await db.Activities.AnyAsync());
        Assert.False(await db.StrengthSessions.AnyAsync());
        Assert.False(await db.RollupMarks.AnyAsync());
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task Log_RunsAndCheckInsUpToToday_StrengthUpToAWeekAhead(string engine)
    {
        // The gym page opens any day of the plan, and a session done early in its week is logged on its planned day.
        await using var database = await TestDatabases.CreateAsync(engine);
        await using var db = database.CreateContext();
        var clock = TestClock.Create();
        var today = TestClock.Today;

        await LogSoreness.HandleAsync(db, LocalRunner.Instance, clock, new LogSoreness.Request { Date = today, Area = "calves", Score = 4 });
        await LogSoreness.HandleAsync(db, LocalRunner.Instance, clock, new LogSoreness.Request { Date = new DateOnly(1990, 1, 1), Area = "calves", Score = 2 });
        await LogRun.HandleAsync(db, LocalRunner.Instance, clock, new LogRun.Request { Date = today, Distance = "10k", Time = "50:00" });
        var ahead = await LogStrengthSession.HandleAsync(db, LocalRunner.Instance, clock,
            new LogStrengthSession.Request { Date = today.AddDays(LoggedDays.PlannedSessionDaysAhead), Sets = [HipThrust] });
        var tomorrowsCheckIn = await Assert.ThrowsAsync<UserInputException>(() =>
            LogSoreness.HandleAsync(db, LocalRunner.Instance, clock, new LogSoreness.Request { Date = today.AddDays(1), Area = "calves", Score = 4 }));
        var tomorrowsRun = await Assert.ThrowsAsync<UserInputException>(() =>
            LogRun.HandleAsync(db, LocalRunner.Instance, clock, new LogRun.Request { Date = today.AddDays(1), Distance = "10k", Time = "50:00" }));
        var tooFarAhead = await Assert.ThrowsAsync<UserInputException>(() =>
            LogSet.HandleAsync(db, LocalRunner.Instance, clock, new LogSet.Request { Date = today.AddDays(LoggedDays.PlannedSessionDaysAhead + 1), Set = HipThrust }));

        Assert.Equal(today.AddDays(7), ahead.Date);
        Assert.Equal(["date", "date", "date"], new[] { tomorrowsCheckIn.Field, tomorrowsRun.Field, tooFarAhead.Field });
        Assert.Equal(2, await db.SorenessCheckIns.CountAsync());
        Assert.Equal(1, await db.Activities.CountAsync());
        Assert.Equal(1, await db.StrengthSessions.CountAsync());
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task Correct_ToADayNothingCanBeLoggedOn_IsRefused_AndTheEntryKeepsItsDay(string engine)
    {
        await using var database = await TestDatabases.CreateAsync(engine);
        await using var db = database.CreateContext();
        var clock = TestClock.Create();
        var today = TestClock.Today;
        var checkIn = await LogSoreness.HandleAsync(db, LocalRunner.Instance, clock, new LogSoreness.Request { Date = today, Area = "calves", Score = 4 });
        var session = await LogStrengthSession.HandleAsync(db, LocalRunner.Instance, clock, new LogStrengthSession.Request { Date = today, Sets = [HipThrust] });

        var soreness = await Assert.ThrowsAsync<UserInputException>(() =>
            EditLog.ChangeSorenessAsync(db, LocalRunner.Instance, clock, checkIn.Id, new EditLog.SorenessChange(Date: DateOnly.MaxValue)));
        var strength = await Assert.ThrowsAsync<UserInputException>(() =>
            EditLog.ChangeSessionAsync(db, LocalRunner.Instance, clock, session.Id, new EditLog.SessionChange(Date: new DateOnly(1800, 1, 1))));
        var moved = await EditLog.ChangeSorenessAsync(db, LocalRunner.Instance, clock, checkIn.Id, new EditLog.SorenessChange(Date: today.AddDays(-3)));

        Assert.Equal(("date", "date"), (soreness.Field, strength.Field));
        Assert.StartsWith("date: 9999-12-31 is not a day the soreness check-in can have been on", soreness.Message, StringComparison.Ordinal);
        Assert.StartsWith("date: 1800-01-01 is not a day the strength session can be logged on", strength.Message, StringComparison.Ordinal);
        Assert.Equal(today.AddDays(-3), moved.Date);
        db.ChangeTracker.Clear();
        Assert.Equal(today, (await db.StrengthSessions.SingleAsync()).Date);
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task Dashboard_WithEntriesStoredAtTheCalendarsEdges_Answers_AndDropsTheirMarksOnceDeleted(string engine)
    {
        // As an older RunStrong stored them: straight into the database, each save marking its week stale.
        await using var database = await TestDatabases.CreateAsync(engine);
        var clock = TestClock.Create();
        var lastWeek = new DateOnly(9999, 12, 27);
        await using (var db = database.CreateContext())
        {
            await LogStrengthSession.HandleAsync(db, LocalRunner.Instance, clock, new LogStrengthSession.Request { Date = TestClock.Today, Sets = [HipThrust] });
            await GetDashboard.HandleAsync(db, new ExerciseCatalogue(db), LocalRunner.Instance, clock, new GetDashboard.Request());
            foreach (var day in new[] { DateOnly.MaxValue, DateOnly.MinValue })
            {
                db.SorenessCheckIns.Add(new SorenessRecord { OwnerId = Runner.LocalId, Date = day, Area = "calves", Score = 4, CreatedAt = TestClock.Now.UtcDateTime });
                db.StrengthSessions.Add(new StrengthSessionRecord
                {
                    OwnerId = Runner.LocalId, Date = day, CreatedAt = TestClock.Now.UtcDateTime,
                    Sets = [new LoggedSetRecord { OwnerId = Runner.LocalId, Position = 0, ExerciseSlug = "hip-thrust", VariantSlug = "barbell", Reps = 10, LoadValue = 60, LoadUnit = "kg", Completed = true }],
                });
            }

            await db.SaveChangesAsync();
            Assert.Contains(lastWeek, await db.RollupMarks.Select(m => m.WeekStart).ToListAsync());
        }

        await using (var db = database.CreateContext())
        {
            var view = await GetDashboard.HandleAsync(db, new ExerciseCatalogue(db), LocalRunner.Instance, clock, new GetDashboard.Request());
            var stats = await StrengthStats.HandleAsync(db, LocalRunner.Instance, new StrengthStats.Request());

            Assert.True(view.HasData);
            Assert.Contains(stats.WeeklySetsPerMuscle, w => w.WeekStart == lastWeek);
            Assert.False(await db.RollupMarks.AnyAsync());
            Assert.True(await db.WeekRollups.AnyAsync(w => w.WeekStart == lastWeek));
        }

        // Deleted, the edge weeks' rows go with their marks on the next read.
        await using (var db = database.CreateContext())
        {
            db.SorenessCheckIns.RemoveRange(await db.SorenessCheckIns.AsTracking().Where(c => c.Date == DateOnly.MaxValue || c.Date == DateOnly.MinValue).ToListAsync());
            db.StrengthSessions.RemoveRange(await db.StrengthSessions.AsTracking().Include(s => s.Sets).Where(s => s.Date == DateOnly.MaxValue || s.Date == DateOnly.MinValue).ToListAsync());
            await db.SaveChangesAsync();
            Assert.True(await db.RollupMarks.AnyAsync(m => m.WeekStart == lastWeek));

            var view = await GetDashboard.HandleAsync(db, new ExerciseCatalogue(db), LocalRunner.Instance, clock, new GetDashboard.Request());

            Assert.True(view.HasData);
            Assert.False(await db.RollupMarks.AnyAsync());
            Assert.False(await db.WeekRollups.AnyAsync(w => w.WeekStart == lastWeek || w.WeekStart == DateOnly.MinValue));
        }
    }

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("0001-01-01")]
    public async Task Dashboard_ToADayAtTheCalendarsEdge_IsRefusedNamingTo(string day)
    {
        await using var database = await TestDatabases.CreateAsync("sqlite");
        await using var db = database.CreateContext();

        var refused = await Assert.ThrowsAsync<UserInputException>(() => GetDashboard.HandleAsync(
            db, new ExerciseCatalogue(db), LocalRunner.Instance, TestClock.Create(), new GetDashboard.Request(GetDashboard.ParseTo(day))));

        Assert.Equal("to", refused.Field);
        Assert.StartsWith($"to: {day} is outside the days RunStrong shows (1990-01-01 to ", refused.Message, StringComparison.Ordinal);
    }
}
