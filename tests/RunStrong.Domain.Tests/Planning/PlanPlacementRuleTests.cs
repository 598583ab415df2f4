using RunStrong.Domain.Catalogue;
using RunStrong.Domain.Planning;

namespace RunStrong.Domain.Tests.Planning;

/// <summary>Placement and progression rules not pinned elsewhere, each on a hand-written week.</summary>
public class PlanPlacementRuleTests
{
    private static Plan Generate(RunnerProfile profile) =>
        PlanGenerator.Generate(profile, TestCatalogue.Exercises, profile.Start ?? TestCatalogue.IssueStart);

    [Fact]
    public void QualityDay_DrillsBeforeTheRun_StrengthAfterIt()
    {
        var tuesday = Generate(TestCatalogue.IssueProfile).Weeks[0].Days[1];

        Assert.Equal(PlannedRunType.Quality, tuesday.Run!.Type);
        Assert.Equal([SessionKind.Drills, SessionKind.Strength], tuesday.Sessions.Select(s => s.Kind));
        Assert.StartsWith("Before your quality run", tuesday.Sessions[0].Reason, StringComparison.Ordinal);
        Assert.Contains("after your quality run", tuesday.Sessions[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AllEasyWeek_TheTwoSessionsAreNotOnConsecutiveDays()
    {
        // Monday to Friday are all equally good easy days (Saturday is the day before the long run).
        var week = RunningWeek.FromMonday(PlannedRunType.Easy, PlannedRunType.Easy, PlannedRunType.Easy, PlannedRunType.Easy, PlannedRunType.Easy, PlannedRunType.Rest, PlannedRunType.Long);

        var plan = Generate(TestCatalogue.IssueProfile with { Week = week, Race = null, Weeks = 6, Locations = [Location.Home] });

        Assert.All(plan.Weeks, w =>
        {
            var days = w.Days.Where(d => d.Session(SessionKind.Strength) is not null).Select(d => d.Date.DayNumber).ToList();
            Assert.Equal(2, days.Count);
            Assert.True(days[1] - days[0] >= 2, $"week {w.Index}: strength on consecutive days");
            Assert.DoesNotContain(w.Days, d => d.Date.DayOfWeek == DayOfWeek.Saturday && d.Session(SessionKind.Strength) is not null);
        });
    }

    [Fact]
    public void WeeklyRaceInTheUsualWeek_IsAHardDay_DrillsBeforeIt_NoStrengthTheDayBefore()
    {
        // A Saturday parkrun and a Sunday long run: Friday is the day before a race, Saturday the day before the long run.
        var week = RunningWeek.FromMonday(PlannedRunType.Rest, PlannedRunType.Quality, PlannedRunType.Easy, PlannedRunType.Easy, PlannedRunType.Easy, PlannedRunType.Race, PlannedRunType.Long);

        var plan = Generate(TestCatalogue.IssueProfile with { Week = week, Race = null, Weeks = 6, Locations = [Location.Home] });

        Assert.DoesNotContain(plan.Sessions(SessionKind.Strength), s => s.Day.Date.DayOfWeek is DayOfWeek.Friday or DayOfWeek.Saturday or DayOfWeek.Monday);
        Assert.All(plan.Days.Where(d => d.Date.DayOfWeek == DayOfWeek.Saturday), d => Assert.NotNull(d.Session(SessionKind.Drills)));
        Assert.All(plan.Weeks, w => Assert.Equal(2, w.StrengthWeekdays().Count));
    }

    [Fact]
    public void PeakAndTaper_KeepTheLastBuildWeeksRungs()
    {
        var plan = Generate(TestCatalogue.IssueProfile);
        var lastBuild = plan.Weeks.Last(w => w.Phase == TrainingPhase.Build);
        var rungs = lastBuild.Days.SelectMany(d => d.Sessions).Where(s => s.Kind == SessionKind.Strength)
            .SelectMany(s => s.Exercises).DistinctBy(e => (e.Slug, e.Variant)).ToDictionary(e => e.Slug, e => e.Variant);

        var later = plan.Weeks.Where(w => w.Phase is TrainingPhase.Peak or TrainingPhase.Taper)
            .SelectMany(w => w.Days).SelectMany(d => d.Sessions).Where(s => s.Kind == SessionKind.Strength).ToList();

        Assert.NotEmpty(later);
        Assert.All(later, s =>
        {
            Assert.DoesNotContain("Next rung", s.Reason, StringComparison.Ordinal);
            Assert.All(s.Exercises, e => Assert.Equal(rungs[e.Slug], e.Variant));
        });
    }

    [Fact]
    public void Rungs_ClimbOnlyInTheWeekAfterADeload()
    {
        var plan = Generate(TestCatalogue.IssueProfile);
        var climbs = plan.Sessions(SessionKind.Strength).Where(s => s.Session.Reason.Contains("Next rung", StringComparison.Ordinal))
            .Select(s => s.Week.Index).Distinct().ToList();

        Assert.NotEmpty(climbs);
        Assert.All(climbs, i => Assert.True(plan.Weeks[i - 2].Deload, $"week {i} climbs a rung but week {i - 1} was not a deload"));
    }
}
