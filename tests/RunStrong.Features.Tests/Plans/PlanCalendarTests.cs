using Ical.Net;
using RunStrong.Domain.Catalogue;
using RunStrong.Domain.Planning;
using RunStrong.Features.Plans;

namespace RunStrong.Features.Tests.Plans;

public class PlanCalendarTests
{
    private static readonly DateOnly Start = new(2026, 12, 7);

    /// <summary>The issue's example runner, who also runs outdoors (so the plan has hill sprints too).</summary>
    internal static RunnerProfile Runner { get; } = new()
    {
        Experience = StrengthExperience.None,
        Equipment = [Equipment.None, Equipment.LoopBand],
        Locations = [Location.Home, Location.Outdoors],
        Week = RunningWeek.FromMonday(PlannedRunType.Rest, PlannedRunType.Quality, PlannedRunType.Easy, PlannedRunType.Easy, PlannedRunType.Rest, PlannedRunType.Easy, PlannedRunType.Long),
        Race = new GoalRace { DistanceMetres = 10_000, Date = new DateOnly(2027, 4, 18) },
    };

    internal static Plan IssuePlan() => PlanGenerator.Generate(Runner, BuiltInCatalogue.Exercises, Start);

    private static int SessionCount(Plan plan) => plan.Days.Sum(d => d.Sessions.Count);

    [Fact]
    public void ToIcs_ParsesBack_WithOneAllDayEventPerSession()
    {
        var plan = IssuePlan();

        var calendar = Calendar.Load(PlanCalendar.ToIcs(plan, "Spring 10k"))!;

        Assert.Equal(SessionCount(plan), calendar.Events.Count);
        Assert.True(calendar.Events.Count > 50);
        Assert.All(calendar.Events, e => Assert.True(e.IsAllDay, e.Summary));
        var sessionDates = plan.Days.SelectMany(d => d.Sessions.Select(_ => d.Date)).Order().ToList();
        Assert.Equal(sessionDates, calendar.Events.Select(e => e.Start!.Date).Order().ToList());
    }

    [Fact]
    public void ToIcs_DescriptionCarriesExercisesDosesAndReason()
    {
        var plan = IssuePlan();
        var day = plan.Days.First(d => d.Sessions.Any(s => s.Kind == SessionKind.Strength));
        var session = day.Sessions.Single(s => s.Kind == SessionKind.Strength);

        var calendar = Calendar.Load(PlanCalendar.ToIcs(plan, "Spring 10k"))!;

        var ev = Assert.Single(calendar.Events, e => e.Start!.Date == day.Date && e.Summary!.StartsWith("Strength:", StringComparison.Ordinal));
        Assert.Contains(session.Reason, ev.Description, StringComparison.Ordinal);
        foreach (var exercise in session.Exercises)
        {
            var line = $"{PlanText.ExerciseName(exercise.Slug)} ({exercise.Variant}): {exercise.Sets} × {exercise.RepsMin}–{exercise.RepsMax}, RPE {exercise.Rpe}, rest {exercise.RestSeconds} s";
            Assert.Contains(line, ev.Description, StringComparison.Ordinal);
            Assert.Contains(PlanText.ExerciseName(exercise.Slug), ev.Summary, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ToIcs_HillSprintAndDrillEvents_SayWhatToDo()
    {
        var plan = IssuePlan();

        var calendar = Calendar.Load(PlanCalendar.ToIcs(plan, "Spring 10k"))!;

        Assert.Contains(calendar.Events, e => e.Summary == "Hill sprints: 1 × 8 s");
        var race = Assert.Single(calendar.Events, e => e.Start!.Date == new DateOnly(2027, 4, 18));
        Assert.Equal("Warm-up drills before the race", race.Summary);
        Assert.Contains("Leg swings", race.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void ToIcs_UidsAreUniqueAndStable_SoARegeneratedPlanUpdatesInPlace()
    {
        var plan = IssuePlan();
        var first = Calendar.Load(PlanCalendar.ToIcs(plan, "Spring 10k"))!.Events.Select(e => e.Uid).ToList();

        // The runner gets a loop band for more exercises: same days, so the same events are updated.
        var changed = PlanGenerator.Generate(Runner with { Experience = StrengthExperience.Some }, BuiltInCatalogue.Exercises, Start);
        var second = Calendar.Load(PlanCalendar.ToIcs(changed, "Spring 10k", DateTimeOffset.Parse("2026-12-20T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture)))!.Events.Select(e => e.Uid).ToList();

        Assert.Equal(first.Count, first.Distinct().Count());
        Assert.Equal(first, second);
        Assert.Contains("20261208-strength.spring-10k@runstrong", first);
    }

    [Fact]
    public void ToIcs_SamePlan_SameText_AndNamesTheCalendar()
    {
        var plan = IssuePlan();

        var ics = PlanCalendar.ToIcs(plan, "Spring 10k");

        Assert.Equal(ics, PlanCalendar.ToIcs(IssuePlan(), "Spring 10k"));
        Assert.Contains("X-WR-CALNAME:Spring 10k", ics, StringComparison.Ordinal);
        Assert.Contains("DTSTART;VALUE=DATE:20261208", ics, StringComparison.Ordinal);
        Assert.StartsWith("BEGIN:VCALENDAR", ics, StringComparison.Ordinal);
    }

    [Fact]
    public void ToIcs_EmptyPlan_IsAValidCalendarWithNoEvents()
    {
        var plan = new Plan { Weeks = [] };

        var calendar = Calendar.Load(PlanCalendar.ToIcs(plan, "Nothing"))!;

        Assert.Empty(calendar.Events);
    }
}
