using Microsoft.EntityFrameworkCore;
using RunStrong.Domain.Planning;
using RunStrong.Features.Activities;
using RunStrong.Features.Catalogue;
using RunStrong.Features.Common;
using RunStrong.Features.Dashboard;
using RunStrong.Features.Plans;
using RunStrong.Features.Settings;
using RunStrong.Features.Training;
using RunStrong.TestSupport;

namespace RunStrong.Features.Tests.Plans;

/// <summary>
/// Issue 15 part 3 on SQLite and PostgreSQL: a plan whose Tuesday strength session was missed and whose Thursday run was
/// imported from a real file shows Tuesday missed, the session offered on the next legal day of the week, and Thursday's
/// run done; logging the offered session on that day counts it as done, moved (docs/decisions/0027).
/// </summary>
public class PlanFollowsTests
{
    public static TheoryData<string> Engines => TestDatabases.Engines;

    private static async Task<(long PlanId, long RunId)> SetUpAsync(TestDatabase database, TimeProvider clock)
    {
        await using var db = database.CreateContext();
        await RunnerSettings.UpdatePreferencesAsync(db, LocalRunner.Instance, new RunnerSettings.PreferencesRequest(null, null, FollowedWeek.TimeZone));
        var report = await ImportActivities.CollectAsync(ImportActivities.FromPathsAsync(db, LocalRunner.Instance, clock, [FollowedWeek.RunFile]));
        Assert.Equal(1, report.Imported);
        var run = await db.Activities.AsNoTracking().SingleAsync();
        Assert.Equal((FollowedWeek.Thursday, "running"), (run.LocalDate, run.Sport));
        var planId = await TrainingPlans.SeedAsync(database, FollowedWeek.Monday, "Winter base", FollowedWeek.ProfileJson);
        return (planId, run.Id);
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task TuesdayMissed_OfferedOnSunday_ThursdaysImportedRunDone_InThePlanTheTableTheLogAndTheDashboard(string engine)
    {
        await using var database = await TestDatabases.CreateAsync(engine);
        var clock = TestClock.At(FollowedWeek.At(FollowedWeek.Friday));
        var (planId, runId) = await SetUpAsync(database, clock);
        await using var db = database.CreateContext();

        var plan = await GetPlan.HandleAsync(db, new ExerciseCatalogue(db), LocalRunner.Instance, clock, planId);

        var follow = plan.Follow!;
        Assert.Equal(FollowedWeek.Friday, follow.Today);
        var tuesday = follow.Sessions.Single(s => s.Date == FollowedWeek.Tuesday && s.Kind == SessionKind.Strength);
        Assert.Equal(FollowStatus.Missed, tuesday.Status);
        // Wednesday is the day before Thursday's hill sprints, Thursday holds them, Friday has its own strength session,
        // Saturday is the day before the long run: Sunday is the next legal day.
        Assert.Equal(FollowedWeek.Sunday, tuesday.Offer!.Date);
        var thursday = follow.RunOn(FollowedWeek.Thursday)!;
        Assert.Equal((FollowStatus.Done, (DateOnly?)FollowedWeek.Thursday), (thursday.Status, thursday.DoneOn));
        Assert.Equal([runId], thursday.ActivityIds);
        Assert.Equal(FollowStatus.Missed, follow.RunOn(FollowedWeek.Tuesday)!.Status);
        Assert.Equal(FollowStatus.Planned, follow.Sessions.Single(s => s.Date == FollowedWeek.Friday && s.Kind == SessionKind.Strength).Status);

        // The CLI's table, its wrapped lines joined.
        var table = System.Text.RegularExpressions.Regex.Replace(PlanTable.Render(plan.Plan, follow), @"\s+", " ");
        Assert.Contains("fire-hydrant 2x12-20 @7 [missed: offered Sun]", table, StringComparison.Ordinal);
        Assert.Contains("Sun 30 Dec long run: 60-75 min; easy and steady, conversational all the way (RPE 3-5) strength: Tuesday's session, moved here (missed Tuesday) [offered]", table, StringComparison.Ordinal);
        Assert.Contains("Thu 27 Dec easy run: 30-45 min; easy: you could hold a conversation (RPE 3-4) [done] hill sprints: 1x8s [missed]", table, StringComparison.Ordinal);

        var sunday = await TodaysSession.HandleAsync(db, LocalRunner.Instance, clock, FollowedWeek.Sunday);
        var offered = Assert.Single(sunday.Planned);
        Assert.Equal((tuesday.Key, (DateOnly?)FollowedWeek.Tuesday), (offered.Key, offered.MovedFrom));
        Assert.StartsWith("Tuesday's strength session, moved here (missed Tuesday).", offered.Reason, StringComparison.Ordinal);
        Assert.NotEmpty(offered.Rows);

        var dashboard = await GetDashboard.HandleAsync(db, new ExerciseCatalogue(db), LocalRunner.Instance, clock, new GetDashboard.Request());
        var days = dashboard.ThisWeek!.Days.ToDictionary(d => d.Date);
        var tuesdayItem = days[FollowedWeek.Tuesday].Sessions.Single(i => i.Kind == "strength");
        Assert.Equal(("missed", "Missed: offered on Sunday", (bool?)false), (tuesdayItem.Follow, tuesdayItem.FollowText, tuesdayItem.Done));
        Assert.Equal(FollowedWeek.Tuesday, days[FollowedWeek.Sunday].Sessions.Single(i => i.MovedFrom is not null).MovedFrom);
        Assert.Equal(("done", (bool?)true), (days[FollowedWeek.Thursday].RunFollow, days[FollowedWeek.Thursday].RunDone));
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task TheOfferedSession_LoggedOnSunday_IsLinkedToTuesdaysKey_AndCountsAsDoneMoved(string engine)
    {
        await using var database = await TestDatabases.CreateAsync(engine);
        var clock = TestClock.At(FollowedWeek.At(FollowedWeek.Friday));
        var (planId, _) = await SetUpAsync(database, clock);
        clock.Advance(TimeSpan.FromDays(2));
        await using var db = database.CreateContext();
        var offered = Assert.Single((await TodaysSession.HandleAsync(db, LocalRunner.Instance, clock, null)).Planned);
        var first = offered.Rows[0];

        var logged = await LogSet.HandleAsync(db, LocalRunner.Instance, clock, new LogSet.Request
        {
            Date = FollowedWeek.Sunday,
            PlannedSessionKey = offered.Key,
            Position = 0,
            Set = SetNotation.Parse($"{first.Reps ?? 10}", 0, first.Exercise, first.Variant),
        });

        Assert.Equal(offered.Key, logged.PlannedSessionKey);
        var follow = (await GetPlan.HandleAsync(db, new ExerciseCatalogue(db), LocalRunner.Instance, clock, planId)).Follow!;
        var tuesday = follow.Session(offered.Key)!;
        Assert.Equal((FollowStatus.Moved, (DateOnly?)FollowedWeek.Sunday), (tuesday.Status, tuesday.DoneOn));
        // The /log page on Sunday still shows it as Tuesday's session, with the set in its row.
        var sunday = Assert.Single((await TodaysSession.HandleAsync(db, LocalRunner.Instance, clock, FollowedWeek.Sunday)).Planned);
        Assert.Equal((FollowedWeek.Tuesday, logged.SessionId), (sunday.MovedFrom!.Value, sunday.SessionId!.Value));
        Assert.NotNull(sunday.Rows[0].Logged);
        // A key of another week is still refused, naming it.
        var refused = await Assert.ThrowsAsync<UserInputException>(() => LogSet.HandleAsync(db, LocalRunner.Instance, clock, new LogSet.Request
        {
            Date = FollowedWeek.Sunday.AddDays(1),
            PlannedSessionKey = offered.Key,
            Set = SetNotation.Parse("10", 0, first.Exercise, first.Variant),
        }));
        Assert.Contains(offered.Key, refused.Message, StringComparison.Ordinal);
    }
}
