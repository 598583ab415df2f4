using RunStrong.Domain.Catalogue;
using RunStrong.Domain.Planning;
using RunStrong.Domain.Training;

namespace RunStrong.Domain.Tests.Planning;

/// <summary>The issue's runners planned with the real built-in catalogue.</summary>
public class BuiltInCataloguePlanTests
{
    private static Plan Generate(RunnerProfile profile) =>
        PlanGenerator.Generate(profile, BuiltInCatalogue.Exercises, TestCatalogue.IssueStart);

    [Fact]
    public void HomeRunnerWithALoopBand_OnlyGetsBodyweightAndBandVariants()
    {
        foreach (var experience in Enum.GetValues<StrengthExperience>())
        {
            var plan = Generate(TestCatalogue.IssueProfile with { Experience = experience });

            // Strength and drills: the hill sprints' "hill" is the runner's own hill, not equipment.
            var prescribed = plan.Days.SelectMany(d => d.Sessions).Where(s => s.Kind != SessionKind.HillSprints).SelectMany(s => s.Exercises).ToList();
            Assert.NotEmpty(prescribed);
            Assert.All(prescribed, e =>
            {
                var variant = BuiltInCatalogue.Find(e.Slug)!.Progression.Single(v => v.Slug == e.Variant);
                Assert.True(variant.Equipment.All(q => q is Equipment.None or Equipment.LoopBand), $"{e.Slug}/{e.Variant} needs {string.Join(", ", variant.Equipment)}");
                Assert.True(variant.Load is LoadKind.Bodyweight or LoadKind.Band);
            });
        }
    }

    [Fact]
    public void IssueExample_EveryWeekCoversTheThreeJobsAndTheThreeGlutes_AndTheTwoWeeklySessionsDiffer()
    {
        var plan = Generate(TestCatalogue.IssueProfile);

        Assert.All(plan.Sessions(SessionKind.Strength), s =>
        {
            var exercises = s.Session.Exercises.Select(e => BuiltInCatalogue.Find(e.Slug)!).ToList();
            Assert.InRange(exercises.Count, 2, 4);
            Assert.Contains(exercises, e => e.Trains(JointAction.HipExtension));
            Assert.Contains(exercises, e => e.Trains(JointAction.HipAbduction) || e.Trains(JointAction.HipExternalRotation));
        });
        Assert.All(plan.Weeks.Where(w => w.StrengthWeekdays().Count > 0), w =>
        {
            var exercises = plan.Sessions(SessionKind.Strength).Where(s => s.Week == w).SelectMany(s => s.Session.Exercises).Select(e => BuiltInCatalogue.Find(e.Slug)!).ToList();
            Assert.Contains(exercises, e => e.SingleLeg && (e.Trains(JointAction.HipExtension) || e.Trains(JointAction.KneeExtension)));
            Assert.Contains(exercises, e => e.PrimaryMuscles.Contains(Muscle.GluteusMaximus));
            Assert.Contains(exercises, e => e.PrimaryMuscles.Contains(Muscle.GluteusMedius));
            Assert.Contains(exercises, e => e.PrimaryMuscles.Contains(Muscle.GluteusMinimus));
        });
        var firstWeek = plan.Sessions(SessionKind.Strength).Where(s => s.Week.Index == 1).Select(s => s.Session.Exercises.Select(e => e.Slug).Order().ToList()).ToList();
        Assert.Equal(2, firstWeek.Count);
        Assert.NotEqual(firstWeek[0], firstWeek[1]);
    }

    [Fact]
    public void GymRunnerWithABarbell_LiftsTheBarbellHipThrust()
    {
        var profile = TestCatalogue.IssueProfile with
        {
            Experience = StrengthExperience.Regular,
            Locations = [Location.Gym],
            Equipment = [Equipment.Barbell, Equipment.Bench, Equipment.LoopBand, Equipment.Dumbbell, Equipment.StepBox],
        };

        var plan = Generate(profile);

        var hipThrust = plan.Sessions(SessionKind.Strength).SelectMany(s => s.Session.Exercises).First(e => e.Slug == "hip-thrust");
        Assert.Equal("barbell-plus-band", hipThrust.Variant);
        Assert.Equal(8, hipThrust.Rpe);
    }

    [Fact]
    public void OutdoorRunner_HillSprintRungFollowsTheSprintLength()
    {
        var plan = Generate(TestCatalogue.IssueProfile with { Locations = [Location.Outdoors], Experience = StrengthExperience.Some });

        var sprints = plan.Sessions(SessionKind.HillSprints).Select(s => s.Session.Exercises[0]).ToList();
        Assert.NotEmpty(sprints);
        Assert.All(sprints, e => Assert.Equal($"{e.Seconds}-seconds", e.Variant));
        Assert.Contains(sprints, e => e.Seconds == 12);
    }

    /// <summary>Issue 12's gym runner: the sample week and race, a beginner with a loop band, a barbell, a bench and dumbbells, at home and at the gym.</summary>
    private static RunnerProfile GymRunner => TestCatalogue.IssueProfile with
    {
        Equipment = [Equipment.None, Equipment.LoopBand, Equipment.Barbell, Equipment.Bench, Equipment.Dumbbell],
        Locations = [Location.Home, Location.Gym],
    };

    private static IEnumerable<(PlanWeek Week, PlannedExercise Exercise)> Strength(Plan plan) =>
        plan.Sessions(SessionKind.Strength).SelectMany(s => s.Session.Exercises.Select(e => (s.Week, e)));

    [Fact]
    public void GymRunner_EveryWeekHasTheSeedsFiveExercises_ClimbingToBarbellsWithLoads()
    {
        var plan = Generate(GymRunner);

        // Every two-session week holds all five, and a second abduction exercise (side-lying, Distefano 2009) for variety.
        Assert.All(plan.Weeks.Where(w => w.StrengthWeekdays().Count == 2), w =>
            Assert.Equal(["bulgarian-split-squat", "fire-hydrant", "glute-bridge", "hip-thrust", "side-lying-hip-abduction", "squat"],
                Strength(plan).Where(x => x.Week == w).Select(x => x.Exercise.Slug).Distinct().Order()));
        var loaded = Strength(plan).Where(x => x.Exercise.Load is not null).ToList();
        foreach (var slug in new[] { "hip-thrust", "squat", "glute-bridge", "bulgarian-split-squat" })
        {
            // A beginner: bodyweight, then the band after the first deload, then the barbell with the empty bar.
            var barbell = loaded.Where(x => x.Exercise.Slug == slug && x.Exercise.Variant.StartsWith("barbell", StringComparison.Ordinal)).ToList();
            Assert.True(barbell.Count > 0, $"{slug} never reaches a barbell with a load");
            Assert.Equal("20kg", barbell[0].Exercise.Load);
            Assert.Contains("the empty bar", barbell[0].Exercise.LoadNote, StringComparison.Ordinal);
            Assert.Equal("bodyweight", Strength(plan).First(x => x.Exercise.Slug == slug).Exercise.Variant);
        }

        Assert.Contains(loaded, x => x.Exercise.Slug == "fire-hydrant" && x.Exercise.Variant == "dumbbell" && x.Exercise.Load == "4kg");
        Assert.NotEmpty(plan.Sessions(SessionKind.HillSprints));
    }

    [Fact]
    public void GymRunner_ARecentHipThrust_StartsOnTheBarbellAtItsLoad_AndTheGymsKitIsAssumed()
    {
        var profile = GymRunner with
        {
            Equipment = [Equipment.None, Equipment.LoopBand],
            Lifts = [new RecentLift { Exercise = "hip-thrust", Variant = "barbell", Reps = 8, Load = Mass.FromKilograms(40) }],
        };

        var plan = Generate(profile);

        var first = Strength(plan).First(x => x.Exercise.Slug == "hip-thrust").Exercise;
        Assert.Equal(("barbell", "40kg", 8, 12, 7), (first.Variant, first.Load, first.RepsMin, first.RepsMax, first.Rpe));
        Assert.StartsWith("from your recent 8 × 40 kg", first.LoadNote, StringComparison.Ordinal);
        // The deload week keeps the load (Rogerson 2024: cut sets and reps, keep intensity).
        Assert.Equal("40kg", Strength(plan).First(x => x.Week.Deload && x.Exercise.Slug == "hip-thrust").Exercise.Load);
        Assert.Contains(plan.Warnings, w => w.StartsWith("At the gym RunStrong assumes a barbell with plates, a bench, dumbbells, a cable station", StringComparison.Ordinal));
    }

    [Fact]
    public void GymRunnerInPounds_LoadsInPounds()
    {
        var plan = Generate(GymRunner with { WeightUnit = WeightUnit.Lb });

        Assert.Contains(Strength(plan), x => x.Exercise.Slug == "hip-thrust" && x.Exercise.Load == "45lb");
    }

    [Fact]
    public void SampleRunner_AtHomeWithABand_GetsGluteBridgeFireHydrantAndSquat_NoLoads()
    {
        var plan = Generate(TestCatalogue.IssueProfile);

        var slugs = Strength(plan).Select(x => x.Exercise.Slug).ToHashSet();
        Assert.Superset(new HashSet<string> { "glute-bridge", "fire-hydrant", "squat" }, slugs);
        // Without a bench the hip thrust and the split squat are out; the wizard asks about a sofa or chair instead of assuming one.
        Assert.DoesNotContain("hip-thrust", slugs);
        Assert.DoesNotContain("bulgarian-split-squat", slugs);
        Assert.All(Strength(plan), x => Assert.Null(x.Exercise.Load));
    }

    [Fact]
    public void SampleRunner_WithAChairAtHome_GetsTheHipThrustAndTheSplitSquat()
    {
        var plan = Generate(TestCatalogue.IssueProfile with { Equipment = [Equipment.None, Equipment.LoopBand, Equipment.Bench] });

        var slugs = Strength(plan).Select(x => x.Exercise.Slug).ToHashSet();
        Assert.Superset(new HashSet<string> { "hip-thrust", "bulgarian-split-squat", "glute-bridge", "fire-hydrant", "squat" }, slugs);
    }

    [Fact]
    public void RunsGetTargets_WithDanielsPaces_FromARecentResult_InTheRunnersUnit()
    {
        var profile = TestCatalogue.IssueProfile with
        {
            RecentResults = [new RaceResult { DistanceMetres = 5000, Time = TimeSpan.FromMinutes(20) }],
            DistanceUnit = DistanceUnit.Mi,
        };

        var plan = Generate(profile);

        var easy = plan.Weeks[0].Days[2].Run!;
        Assert.Equal(PlannedRunType.Easy, easy.Type);
        Assert.Equal((30, 45), (easy.Target!.MinutesMin, easy.Target.MinutesMax));
        Assert.EndsWith(" /mi", easy.Target.Pace, StringComparison.Ordinal);
        var quality = plan.Weeks[0].Days[1].Run!.Target!;
        // VDOT 49.8 (domain.md §5): threshold pace about 4:16 /km, 6:52 /mi at the fast end.
        Assert.Equal(256, quality.PaceFastSecondsPerKm!.Value, 0);
        Assert.StartsWith("6:52–", quality.Pace, StringComparison.Ordinal);
        Assert.Contains("threshold pace", quality.Workout, StringComparison.Ordinal);
        var race = plan.Days.Last().Run!.Target!;
        // Daniels & Gilbert from VDOT 49.8: 41:3x for 10 km (VDOT 50 gives 41:21, domain.md §5), shown to 5 s.
        Assert.Equal("41:30", race.FinishTime);
        Assert.Contains(plan.Warnings, w => w.StartsWith("Your runs stay your own, on your days", StringComparison.Ordinal) && w.Contains("your 5k in 20:00 (VDOT 49.8)", StringComparison.Ordinal));
    }
    [Fact]
    public void TheTaper_CutsEachRunByHalf_KeepingTheRunsAndTheirEffort()
    {
        // Bosquet 2007 (domain.md §2): cut volume by 41–60 % before a race, keep intensity and frequency.
        var plan = Generate(TestCatalogue.IssueProfile);
        var weeks = plan.Weeks.Where(w => w.Days.Any(d => d.Run is { Type: not PlannedRunType.Race })).ToList();
        var build = weeks.First(w => w.Phase == TrainingPhase.Build);
        var taper = weeks.First(w => w.Phase == TrainingPhase.Taper && w.Days.Count(d => d.Run is not null) == build.Days.Count(d => d.Run is not null));

        foreach (var type in new[] { PlannedRunType.Easy, PlannedRunType.Long })
        {
            var before = build.Days.Select(d => d.Run).First(r => r?.Type == type)!.Target!;
            var after = taper.Days.Select(d => d.Run).First(r => r?.Type == type)!.Target!;
            var cut = 1 - (double)(after.MinutesMin!.Value + after.MinutesMax!.Value) / (before.MinutesMin!.Value + before.MinutesMax!.Value);
            Assert.True(cut is >= 0.41 and <= 0.60, $"{type}: {before.MinutesMin}–{before.MinutesMax} min in build, {after.MinutesMin}–{after.MinutesMax} in taper, a cut of {cut:P0}");
            Assert.Equal(before.Effort, after.Effort);
        }
    }
}
