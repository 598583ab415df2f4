using RunStrong.Domain.Catalogue;
using RunStrong.Domain.Planning;

namespace RunStrong.Domain.Tests.Planning;

/// <summary>
/// Invariants over a few hundred generated profiles (a seeded Random, so a failure names a reproducible case), against the
/// built-in catalogue and the small test catalogue.
/// </summary>
public class PlanPropertyTests
{
    private const int Cases = 300;

    public static TheoryData<string> Catalogues => ["built-in", "test"];

    private static IReadOnlyList<Exercise> CatalogueNamed(string name) =>
        name == "built-in" ? BuiltInCatalogue.Exercises : TestCatalogue.Exercises;

    private static readonly PlannedRunType[] RunTypes =
        [PlannedRunType.Rest, PlannedRunType.Rest, PlannedRunType.Easy, PlannedRunType.Easy, PlannedRunType.Easy, PlannedRunType.Quality, PlannedRunType.Long, PlannedRunType.Race];

    /// <summary>A random but valid profile, and the start to generate from.</summary>
    internal static (RunnerProfile Profile, DateOnly Start) RandomProfile(Random random)
    {
        var days = new Dictionary<DayOfWeek, PlannedRunType>();
        foreach (var day in Weekdays.MondayFirst)
        {
            days[day] = RunTypes[random.Next(RunTypes.Length)];
        }

        if (days.Values.All(t => t == PlannedRunType.Rest))
        {
            days[DayOfWeek.Saturday] = PlannedRunType.Easy;
        }

        var equipment = Enum.GetValues<Equipment>().Where(_ => random.NextDouble() < 0.3).Prepend(Equipment.None).Distinct().ToList();
        var locations = Enum.GetValues<Location>().Where(_ => random.NextDouble() < 0.5).ToList();
        if (locations.Count == 0)
        {
            locations.Add(Location.Home);
        }

        var start = new DateOnly(2026, 1, 1).AddDays(random.Next(0, 700));
        GoalRace? race = random.NextDouble() < 0.7
            ? new GoalRace { DistanceMetres = 10_000, Date = start.AddDays(random.Next(0, 7 * 40)) }
            : null;
        var profile = new RunnerProfile
        {
            Experience = (StrengthExperience)random.Next(3),
            Equipment = equipment,
            Locations = locations,
            Week = new RunningWeek(days),
            StrengthDays = Weekdays.MondayFirst.Where(_ => random.NextDouble() < 0.15).ToList(),
            Race = race,
            Weeks = random.Next(1, 30),
            Soreness = random.NextDouble() < 0.2 ? [Muscle.Calves] : [],
        };
        return (profile, start);
    }

    private static IEnumerable<(RunnerProfile Profile, DateOnly Start, Plan Plan, int Case)> Plans(IReadOnlyList<Exercise> catalogue)
    {
        var random = new Random(20261207);
        for (var i = 0; i < Cases; i++)
        {
            var (profile, start) = RandomProfile(random);
            yield return (profile, start, PlanGenerator.Generate(profile, catalogue, start), i);
        }
    }

    private static bool IsHard(PlannedRunType? type) => type is PlannedRunType.Quality or PlannedRunType.Long or PlannedRunType.Race;

    [Theory]
    [MemberData(nameof(Catalogues))]
    public void Calendar_IsContinuousMondayBased_AndEndsOnRaceDayOrAfterNWeeks(string catalogueName)
    {
        foreach (var (profile, start, plan, i) in Plans(CatalogueNamed(catalogueName)))
        {
            var days = plan.Days.ToList();
            Assert.True(days[0].Date == start, $"case {i}");
            Assert.All(days.Zip(days.Skip(1)), p => Assert.Equal(p.First.Date.AddDays(1), p.Second.Date));
            Assert.All(plan.Weeks.Skip(1), w => Assert.Equal(DayOfWeek.Monday, w.Days[0].Date.DayOfWeek));
            Assert.All(plan.Weeks, w => Assert.True(w.Days.Count is >= 1 and <= 7));
            if (profile.Race is { } race)
            {
                Assert.Equal(race.Date, days[^1].Date);
                Assert.Equal(PlannedRunType.Race, days[^1].Run?.Type);
                Assert.Single(days, d => d.Run?.Type == PlannedRunType.Race && d.Date == race.Date);
                Assert.Equal(TrainingPhase.Taper, plan.Weeks[^1].Phase);
            }
            else
            {
                Assert.Equal(profile.Weeks, plan.Weeks.Count);
                Assert.Equal(DayOfWeek.Sunday, days[^1].Date.DayOfWeek);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Catalogues))]
    public void Strength_NeverWithin24hBeforeAHardRunOrHills_UnlessAWarningNamesTheWeek(string catalogueName)
    {
        foreach (var (_, _, plan, i) in Plans(CatalogueNamed(catalogueName)))
        {
            var byDate = plan.Days.ToDictionary(d => d.Date);
            foreach (var (week, day, _) in plan.Sessions(SessionKind.Strength))
            {
                var next = byDate.GetValueOrDefault(day.Date.AddDays(1));
                Assert.False(next?.Session(SessionKind.HillSprints) is not null, $"case {i}: strength on {day.Date} before hill sprints");
                if (IsHard(next?.Run?.Type))
                {
                    Assert.True(week.Phase != TrainingPhase.Taper, $"case {i}: taper strength before a hard run on {day.Date}");
                    Assert.True(plan.WarnsAboutWeek(week.Index, $"least bad slot: {day.Date.DayOfWeek}"), $"case {i}: strength on {day.Date} before a hard run without a warning");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Catalogues))]
    public void NothingHeavyInTheLastFiveDaysBeforeTheRace(string catalogueName)
    {
        foreach (var (profile, _, plan, i) in Plans(CatalogueNamed(catalogueName)))
        {
            if (profile.Race is not { } race)
            {
                continue;
            }

            var heavy = plan.Days.Where(d => d.Sessions.Any(s => s.Kind is SessionKind.Strength or SessionKind.HillSprints));
            Assert.All(heavy, d => Assert.True(d.Date < race.Date.AddDays(-PlanGenerator.NoHeavyDaysBeforeRace), $"case {i}: {d.Date}"));
        }
    }

    [Theory]
    [MemberData(nameof(Catalogues))]
    public void EquipmentAndPlaces_AreRespected(string catalogueName)
    {
        var catalogue = CatalogueNamed(catalogueName);
        foreach (var (profile, _, plan, i) in Plans(catalogue))
        {
            foreach (var session in plan.Days.SelectMany(d => d.Sessions))
            {
                foreach (var prescribed in session.Exercises)
                {
                    var exercise = catalogue.Single(e => e.Slug == prescribed.Slug);
                    var variant = exercise.Progression.Single(v => v.Slug == prescribed.Variant);
                    var hillOk = profile.CanReachHill;
                    Assert.True(variant.Equipment.All(q => profile.Has(q) || (q == Equipment.Hill && hillOk)), $"case {i}: {prescribed.Slug}/{prescribed.Variant}");
                    if (session.Kind == SessionKind.Strength)
                    {
                        Assert.True(exercise.Locations.Any(profile.Locations.Contains), $"case {i}: {prescribed.Slug} is not done at {string.Join(",", profile.Locations)}");
                    }
                }
            }

            if (!profile.CanReachHill)
            {
                Assert.Empty(plan.Sessions(SessionKind.HillSprints));
                Assert.Single(plan.Warnings, w => w.StartsWith("No hill sprints", StringComparison.Ordinal));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Catalogues))]
    public void BaseAndBuildWeeks_HaveTwoCoveringStrengthSessions_OrAWarningSaysWhy(string catalogueName)
    {
        var catalogue = CatalogueNamed(catalogueName);
        foreach (var (_, _, plan, i) in Plans(catalogue))
        {
            foreach (var week in plan.Weeks.Where(w => w.Phase is TrainingPhase.Base or TrainingPhase.Build))
            {
                var count = week.StrengthWeekdays().Count;
                Assert.True(count == 2 || plan.WarnsAboutWeek(week.Index, "strength session") || plan.Warnings.Any(w => w.StartsWith("No strength exercise", StringComparison.Ordinal)),
                    $"case {i}: week {week.Index} has {count} strength sessions and no warning");
            }

            foreach (var (_, _, session) in plan.Sessions(SessionKind.Strength))
            {
                var exercises = session.Exercises.Select(e => catalogue.Single(x => x.Slug == e.Slug)).ToList();
                Assert.InRange(exercises.Count, 1, 4);
                Assert.Equal(exercises.Count, exercises.Select(e => e.Slug).Distinct().Count());
                Assert.True(exercises.Any(e => e.Trains(JointAction.HipExtension)) || plan.Warnings.Any(w => w.StartsWith("No hip-extension", StringComparison.Ordinal)), $"case {i}");
                Assert.True(exercises.Any(e => e.Trains(JointAction.HipAbduction) || e.Trains(JointAction.HipExternalRotation) || e.Trains(JointAction.HipInternalRotation))
                    || plan.Warnings.Any(w => w.StartsWith("No hip abduction", StringComparison.Ordinal)), $"case {i}");
                Assert.True(exercises.Any(e => e.SingleLeg) || plan.Warnings.Any(w => w.StartsWith("No single-leg", StringComparison.Ordinal)), $"case {i}");
                Assert.All(session.Exercises, e => Assert.True(e.Rpe is >= 5 and <= 8, $"case {i}: RPE {e.Rpe} (never to failure)"));
            }

            Assert.All(plan.Weeks.Where(w => w.Phase == TrainingPhase.Taper), w => Assert.True(w.StrengthWeekdays().Count <= 1, $"case {i}"));
        }
    }

    [Theory]
    [MemberData(nameof(Catalogues))]
    public void HillSprints_OnEasyDaysOnly_AtMostTwiceAWeek_WithinHudsonsLimits(string catalogueName)
    {
        foreach (var (_, _, plan, i) in Plans(CatalogueNamed(catalogueName)))
        {
            var byDate = plan.Days.ToDictionary(d => d.Date);
            foreach (var (week, day, session) in plan.Sessions(SessionKind.HillSprints))
            {
                Assert.Equal(PlannedRunType.Easy, day.Run?.Type);
                Assert.False(IsHard(byDate.GetValueOrDefault(day.Date.AddDays(1))?.Run?.Type), $"case {i}: hills on {day.Date} before a hard run");
                var sprint = Assert.Single(session.Exercises);
                Assert.InRange(sprint.Sets, 1, HillSprintDose.CeilingReps);
                Assert.Contains(sprint.Seconds, new int?[] { 8, 10, 12 });
                if (week.Phase == TrainingPhase.Taper)
                {
                    Assert.True(sprint.Sets <= HillSprintDose.MaintenanceMaxReps, $"case {i}");
                }
            }

            Assert.All(plan.Weeks, w => Assert.True(w.Days.Count(d => d.Session(SessionKind.HillSprints) is not null) <= 2));
        }
    }

    [Theory]
    [MemberData(nameof(Catalogues))]
    public void Drills_BeforeEveryQualityRunAndRace(string catalogueName)
    {
        foreach (var (_, _, plan, i) in Plans(CatalogueNamed(catalogueName)))
        {
            Assert.All(plan.Days.Where(d => d.Run?.Type is PlannedRunType.Quality or PlannedRunType.Race), d =>
            {
                Assert.True(d.Sessions.Count > 0 && d.Sessions[0].Kind == SessionKind.Drills, $"case {i}: {d.Date}");
            });
        }
    }

    [Theory]
    [MemberData(nameof(Catalogues))]
    public void Generation_IsDeterministic_AndJsonRoundTrips(string catalogueName)
    {
        var catalogue = CatalogueNamed(catalogueName);
        foreach (var (profile, start, plan, i) in Plans(catalogue).Where(p => p.Case % 5 == 0))
        {
            var json = PlanJson.Serialize(plan);
            Assert.True(json == PlanJson.Serialize(PlanGenerator.Generate(profile, catalogue, start)), $"case {i}");
            Assert.True(json == PlanJson.Serialize(PlanJson.Deserialize(json)), $"case {i}");
        }
    }
}
