using RunStrong.Domain.Catalogue;
using RunStrong.Domain.Planning;
using RunStrong.Domain.Training;

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
            GymLacks = RunnerProfile.GymEquipment.Where(_ => random.NextDouble() < 0.2).ToList(),
            Hills = (HillAccess)random.Next(3),
            Lifts = random.Next(3) switch
            {
                0 => null,
                1 => [],
                _ => [new RecentLift { Exercise = "hip-thrust", Variant = "barbell", Reps = random.Next(3, 13), Load = Mass.FromKilograms(random.Next(8, 60) * 2.5) }],
            },
            RecentResults = random.NextDouble() < 0.5 ? [new RaceResult { DistanceMetres = 5000, Time = TimeSpan.FromSeconds(random.Next(15 * 60, 40 * 60)) }] : [],
            WeightUnit = random.NextDouble() < 0.3 ? WeightUnit.Lb : WeightUnit.Kg,
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
                    // A hill sprint's "hill" is the runner's hill, treadmill, stairs or ramp: every runner has one (issue 12).
                    Assert.True(variant.Equipment.All(q => profile.Has(q) || (q == Equipment.Hill && session.Kind == SessionKind.HillSprints)), $"case {i}: {prescribed.Slug}/{prescribed.Variant}");
                    if (session.Kind == SessionKind.Strength)
                    {
                        Assert.True(exercise.Locations.Any(profile.Locations.Contains), $"case {i}: {prescribed.Slug} is not done at {string.Join(",", profile.Locations)}");
                    }
                }
            }

            Assert.DoesNotContain(plan.Warnings, w => w.StartsWith("No hill sprints", StringComparison.Ordinal));
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
                Assert.All(session.Exercises, e => Assert.True(e.Rpe is >= 5 and <= 8, $"case {i}: RPE {e.Rpe} (never to failure)"));
            }

            // Single-leg work is weekly (domain.md §1: "a week of glute work ... with at least one single-leg exercise"):
            // session B may be two bilateral seed lifts. A one-session week (taper, or a short first week) does session A,
            // which holds it.
            foreach (var week in plan.Weeks)
            {
                var exercises = week.Days.SelectMany(d => d.Sessions).Where(s => s.Kind == SessionKind.Strength).SelectMany(s => s.Exercises)
                    .Select(e => catalogue.Single(x => x.Slug == e.Slug)).ToList();
                Assert.True(exercises.Count == 0 || exercises.Any(e => e.SingleLeg) || plan.Warnings.Any(w => w.StartsWith("No single-leg", StringComparison.Ordinal)),
                    $"case {i}: week {week.Index} has no single-leg exercise");
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
                // Before a hard run only when the week has no better easy run, and the plan says so.
                Assert.True(!IsHard(byDate.GetValueOrDefault(day.Date.AddDays(1))?.Run?.Type) || plan.WarnsAboutWeek(week.Index, "least bad slot for the hill sprints"),
                    $"case {i}: hills on {day.Date} before a hard run, and no warning");
                Assert.Null(byDate.GetValueOrDefault(day.Date.AddDays(-1))?.Session(SessionKind.Strength));
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
    public void HillSprints_ForEveryRunner_WhoseWeekHasALegalEasyDay(string catalogueName)
    {
        foreach (var (profile, _, plan, i) in Plans(CatalogueNamed(catalogueName)))
        {
            var hills = plan.Sessions(SessionKind.HillSprints).ToList();
            var weeksWithout = plan.Weeks.Where(w => w.Phase != TrainingPhase.Taper && w.Days.All(d => d.Session(SessionKind.HillSprints) is null)).ToList();
            // Every such week says why (no easy run clear of the next hard day and of strength), whatever the runner's places.
            Assert.All(weeksWithout, w => Assert.True(plan.WarnsAboutWeek(w.Index, "no hill sprints this week"), $"case {i}: week {w.Index} has no hill sprints and no warning"));
            var where = profile.Hills switch
            {
                HillAccess.Treadmill => "on a treadmill",
                HillAccess.None => "up stairs or a short steep ramp",
                _ => "slope",
            };
            Assert.All(hills, h => Assert.Contains(where, h.Session.Reason, StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(Catalogues))]
    public void LoadedRungs_CarryALoadInTheRunnersUnit_OrSayWhyNot(string catalogueName)
    {
        var catalogue = CatalogueNamed(catalogueName);
        foreach (var (profile, _, plan, i) in Plans(catalogue))
        {
            foreach (var (_, _, session) in plan.Sessions(SessionKind.Strength))
            {
                foreach (var e in session.Exercises)
                {
                    var loaded = catalogue.Single(x => x.Slug == e.Slug).Progression.Single(v => v.Slug == e.Variant).Load is LoadKind.External or LoadKind.ExternalPlusBand;
                    if (!loaded)
                    {
                        Assert.True(e.Load is null && e.LoadNote is null, $"case {i}: {e.Slug}/{e.Variant} has a load");
                        continue;
                    }

                    Assert.False(string.IsNullOrWhiteSpace(e.LoadNote), $"case {i}: {e.Slug}/{e.Variant} says nothing about its load");
                    if (e.Load is { } load)
                    {
                        Assert.EndsWith(profile.WeightUnit == WeightUnit.Lb ? "lb" : "kg", load, StringComparison.Ordinal);
                        var mass = Mass.Parse(load);
                        Assert.True(mass.Kilograms is > 0 and <= 400, $"case {i}: {e.Slug} at {load}");
                    }
                    else
                    {
                        Assert.Contains("pick a load", e.LoadNote, StringComparison.Ordinal);
                    }
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Catalogues))]
    public void Runs_KeepTheRunnersWeek_AndEachHasATarget(string catalogueName)
    {
        foreach (var (profile, _, plan, i) in Plans(CatalogueNamed(catalogueName)))
        {
            foreach (var day in plan.Days)
            {
                var expected = profile.Race?.Date == day.Date ? PlannedRunType.Race : profile.Race?.Date < day.Date ? PlannedRunType.Rest : profile.Week[day.Date.DayOfWeek];
                Assert.Equal(expected, day.Run?.Type ?? PlannedRunType.Rest);
                if (day.Run is { } run)
                {
                    Assert.NotNull(run.Target);
                    Assert.False(string.IsNullOrWhiteSpace(run.Target.Effort), $"case {i}");
                    if (run.Type is PlannedRunType.Easy or PlannedRunType.Long or PlannedRunType.Quality)
                    {
                        Assert.True(run.Target.MinutesMin is >= 15 && run.Target.MinutesMax <= 150 && run.Target.MinutesMin <= run.Target.MinutesMax, $"case {i}: {run.Target.MinutesMin}–{run.Target.MinutesMax} min");
                    }

                    // A pace only from a result, and a plausible one: between 2:30 and 12:00 per km.
                    Assert.True(run.Target.Pace is null || profile.RecentResults.Count > 0, $"case {i}");
                    Assert.True(run.Target.PaceFastSecondsPerKm is null or (>= 150 and <= 720), $"case {i}: {run.Target.PaceFastSecondsPerKm} s/km");
                    Assert.True(run.Target.PaceSlowSecondsPerKm is null or (>= 150 and <= 720), $"case {i}: {run.Target.PaceSlowSecondsPerKm} s/km");
                }
            }
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
