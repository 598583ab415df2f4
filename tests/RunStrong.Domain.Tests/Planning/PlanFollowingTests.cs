using RunStrong.Domain.Planning;

namespace RunStrong.Domain.Tests.Planning;

/// <summary>
/// The plan against what was done (docs/decisions/0027), on the issue's week: Tuesday quality run with drills and strength,
/// Wednesday easy, Thursday easy with hill sprints, Friday strength on a rest day, Saturday easy, Sunday long.
/// </summary>
public class PlanFollowingTests
{
    private static readonly Plan Plan = PlanGenerator.Generate(TestCatalogue.IssueProfile, TestCatalogue.Exercises, TestCatalogue.IssueStart);
    private static readonly DateOnly Monday = TestCatalogue.IssueStart;
    private static DateOnly Tuesday => Monday.AddDays(1);
    private static DateOnly Wednesday => Monday.AddDays(2);
    private static DateOnly Thursday => Monday.AddDays(3);
    private static DateOnly Friday => Monday.AddDays(4);
    private static DateOnly Saturday => Monday.AddDays(5);
    private static DateOnly Sunday => Monday.AddDays(6);

    private static FollowedSession Strength(PlanFollow follow, DateOnly day) => follow.Sessions.Single(s => s.Date == day && s.Kind == SessionKind.Strength);

    private static FollowedSession Hills(PlanFollow follow) => follow.Sessions.Single(s => s.Date == Thursday && s.Kind == SessionKind.HillSprints);

    [Fact]
    public void TheWeekIsAsTheTestsAssume()
    {
        var week = Plan.Weeks[0].Days.ToDictionary(d => d.Date, d => d.Sessions.Select(s => s.Kind).ToArray());
        Assert.Equal([SessionKind.Drills, SessionKind.Strength], week[Tuesday]);
        Assert.Equal([SessionKind.HillSprints], week[Thursday]);
        Assert.Equal([SessionKind.Strength], week[Friday]);
        Assert.Equal(PlannedRunType.Long, Plan.Weeks[0].Days.Single(d => d.Date == Sunday).Run!.Type);
    }

    [Fact]
    public void IssueScenario_TuesdayMissed_OfferedOnTheNextLegalDay_ThursdaysRunDone()
    {
        var log = new PlanLog { Runs = [new DoneRun(41, Thursday)] };

        var follow = PlanFollowing.Follow(Plan, log, today: Friday);

        var tuesday = Strength(follow, Tuesday);
        Assert.Equal(FollowStatus.Missed, tuesday.Status);
        // Friday has its own strength session, Saturday is the day before the long run: Sunday (Monday is a rest day).
        Assert.Equal(Sunday, tuesday.Offer!.Date);
        Assert.StartsWith("Tuesday's strength session, moved to Sunday (missed Tuesday)", tuesday.Offer.Note, StringComparison.Ordinal);
        Assert.Equal([tuesday], follow.OfferedOn(Sunday));
        Assert.Equal((FollowStatus.Done, (DateOnly?)Thursday), (follow.RunOn(Thursday)!.Status, follow.RunOn(Thursday)!.DoneOn));
        Assert.Equal([41L], follow.RunOn(Thursday)!.ActivityIds);
        Assert.Equal(FollowStatus.Missed, follow.RunOn(Tuesday)!.Status);
        Assert.Equal(FollowStatus.Missed, follow.RunOn(Wednesday)!.Status);
        Assert.Equal(FollowStatus.Planned, follow.RunOn(Saturday)!.Status);
        // Today's and later sessions are still planned, not missed.
        Assert.Equal(FollowStatus.Planned, Strength(follow, Friday).Status);
        Assert.Null(Strength(follow, Friday).Offer);
        // The imported run had no hill sprints in it: Thursday's are missed, and hill sprints are not offered again.
        Assert.Equal((FollowStatus.Missed, (SessionOffer?)null), (Hills(follow).Status, Hills(follow).Offer));
    }

    [Fact]
    public void MissedOnWednesday_TheDayBeforeHillSprintsAndTheHillDayAreNotLegal()
    {
        var follow = PlanFollowing.Follow(Plan, new PlanLog(), today: Wednesday);

        // Wednesday is the day before Thursday's hill sprints, Thursday holds them, Friday has strength, Saturday precedes the long run.
        Assert.Equal(Sunday, Strength(follow, Tuesday).Offer!.Date);
        Assert.False(PlacementRules.LegalForMovedStrength(Wednesday, _ => PlannedRunType.Easy, null, _ => false, d => d == Thursday));
        Assert.True(PlacementRules.LegalForMovedStrength(Wednesday, _ => PlannedRunType.Easy, null, _ => false, _ => false));
    }

    [Fact]
    public void NoLegalDayLeft_SaysSkipIt_TheSessionIsNotDropped()
    {
        // A Monday quality run: Sunday is the day before it.
        var week = RunningWeek.FromMonday(PlannedRunType.Quality, PlannedRunType.Easy, PlannedRunType.Rest, PlannedRunType.Easy, PlannedRunType.Rest, PlannedRunType.Easy, PlannedRunType.Long);
        var plan = PlanGenerator.Generate(TestCatalogue.IssueProfile with { Week = week, Race = null, Weeks = 3 }, TestCatalogue.Exercises, Monday);

        var follow = PlanFollowing.Follow(plan, new PlanLog(), today: Sunday);

        var missed = follow.Sessions.Where(s => s.Date < Sunday && s.Kind == SessionKind.Strength).ToList();
        Assert.Equal(2, missed.Count);
        Assert.All(missed, s =>
        {
            Assert.Equal(FollowStatus.Missed, s.Status);
            Assert.Null(s.Offer!.Date);
            Assert.EndsWith("no legal day is left this week (each is the day before a long run, quality run or race, next to hill sprints, or already has strength): skip it; the plan carries on.", s.Offer.Note, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void TwoMissedSessions_AreNotOfferedOnTheSameDay()
    {
        var follow = PlanFollowing.Follow(Plan, new PlanLog(), today: Saturday);

        // Tuesday's and Friday's are both missed; Sunday is the one legal day left, so only the first gets it.
        Assert.Equal(Sunday, Strength(follow, Tuesday).Offer!.Date);
        Assert.Null(Strength(follow, Friday).Offer!.Date);
    }

    [Fact]
    public void TheOfferedSession_LoggedForTuesdaysKey_OnSunday_IsMoved()
    {
        var key = PlanFollowing.KeyOf(Tuesday, 1);
        var log = new PlanLog { Strength = [new DoneStrength(Sunday, key)] };

        var follow = PlanFollowing.Follow(Plan, log, today: Sunday);

        var tuesday = follow.Session(key)!;
        Assert.Equal((FollowStatus.Moved, (DateOnly?)Sunday, (SessionOffer?)null), (tuesday.Status, tuesday.DoneOn, tuesday.Offer));
        Assert.Equal(FollowStatus.Missed, Strength(follow, Friday).Status);
        // Sunday now holds Tuesday's session: Friday's is not offered there too.
        Assert.Null(Strength(follow, Friday).Offer!.Date);
    }

    [Fact]
    public void StrengthLoggedOnItsDay_WithOrWithoutItsKey_IsDone_AndAnUnplannedSessionOnAFreeDayStandsIn()
    {
        var log = new PlanLog { Strength = [new DoneStrength(Tuesday, null), new DoneStrength(Saturday, null)] };

        var follow = PlanFollowing.Follow(Plan, log, today: Sunday.AddDays(1));

        Assert.Equal(FollowStatus.Done, Strength(follow, Tuesday).Status);
        Assert.Equal((FollowStatus.Moved, (DateOnly?)Saturday), (Strength(follow, Friday).Status, Strength(follow, Friday).DoneOn));
    }

    [Fact]
    public void HillSprintsDetectedInARun_TickTheSessionOff_OnItsDayDone_OnAnotherDayMoved()
    {
        var sprints = new SprintsDone(6, 10, 7.5);
        var onTheDay = PlanFollowing.Follow(Plan, new PlanLog { Runs = [new DoneRun(7, Thursday, Sprints: sprints)] }, today: Friday);
        var theDayBefore = PlanFollowing.Follow(Plan, new PlanLog { Runs = [new DoneRun(8, Wednesday, Sprints: sprints)] }, today: Friday);

        Assert.Equal((FollowStatus.Done, (DateOnly?)Thursday, sprints, true, (long?)7),
            (Hills(onTheDay).Status, Hills(onTheDay).DoneOn, Hills(onTheDay).Sprints, Hills(onTheDay).Detected, Hills(onTheDay).ActivityId));
        Assert.Equal((FollowStatus.Moved, (DateOnly?)Wednesday, sprints, true),
            (Hills(theDayBefore).Status, Hills(theDayBefore).DoneOn, Hills(theDayBefore).Sprints, Hills(theDayBefore).Detected));
        // Wednesday's run counts for Wednesday's planned run; Thursday's planned run is still missed.
        Assert.Equal(FollowStatus.Done, theDayBefore.RunOn(Wednesday)!.Status);
        Assert.Equal(FollowStatus.Missed, theDayBefore.RunOn(Thursday)!.Status);
    }

    [Fact]
    public void TheRunnersMark_OutranksADetection()
    {
        var key = PlanFollowing.KeyOf(Thursday, 0);
        var log = new PlanLog { Runs = [new DoneRun(7, Thursday, Sprints: new SprintsDone(6, 10, 7.5))], Marks = [new SessionMark(key, "skipped")] };

        var follow = PlanFollowing.Follow(Plan, log, today: Friday);

        Assert.Equal((FollowStatus.Skipped, false), (Hills(follow).Status, Hills(follow).Detected));
    }

    [Fact]
    public void ARunOnARestDay_StandsInForAMissedPlannedRun_ALinkedRunCountsWhereItIsLinked()
    {
        var log = new PlanLog { Runs = [new DoneRun(1, Friday), new DoneRun(2, Monday, CountsFor: Tuesday)] };

        var follow = PlanFollowing.Follow(Plan, log, today: Sunday.AddDays(1));

        Assert.Equal((FollowStatus.Done, (DateOnly?)Monday), (follow.RunOn(Tuesday)!.Status, follow.RunOn(Tuesday)!.DoneOn));
        // Friday is a rest day: its run stands in for the nearest planned run still without one (Thursday, a day away).
        Assert.Equal((FollowStatus.Moved, (DateOnly?)Friday), (follow.RunOn(Thursday)!.Status, follow.RunOn(Thursday)!.DoneOn));
        Assert.Equal(FollowStatus.Missed, follow.RunOn(Wednesday)!.Status);
    }
}
