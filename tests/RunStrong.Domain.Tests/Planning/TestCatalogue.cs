using RunStrong.Domain.Catalogue;
using RunStrong.Domain.Planning;

namespace RunStrong.Domain.Tests.Planning;

/// <summary>A small hand-written catalogue shaped like the built-in one, and profiles used across the planning tests.</summary>
internal static class TestCatalogue
{
    private static ExerciseVariant Rung(string slug, LoadKind load, params Equipment[] equipment) =>
        new() { Slug = slug, Name = slug, Equipment = equipment.Length == 0 ? [Equipment.None] : equipment, Load = load };

    private static Exercise Strength(
        string slug, Level level, JointAction[] actions, Muscle[] muscles, bool singleLeg, Location[] locations, params ExerciseVariant[] ladder) =>
        new()
        {
            Slug = slug,
            Name = slug,
            Kind = ExerciseKind.Strength,
            PrimaryMuscles = muscles,
            JointActions = actions,
            Equipment = ladder[0].Equipment,
            Locations = locations,
            Level = level,
            SingleLeg = singleLeg,
            Dose = Dose.Reps(8, 12),
            Progression = ladder,
        };

    private static Exercise Drill(string slug, Dose dose, params ExerciseVariant[] ladder) =>
        new()
        {
            Slug = slug,
            Name = slug,
            Kind = ExerciseKind.Drill,
            PrimaryMuscles = [Muscle.HipFlexors],
            JointActions = [JointAction.HipFlexion],
            Equipment = ladder[0].Equipment,
            Locations = [Location.Outdoors, Location.Home, Location.Gym],
            Level = Level.Beginner,
            Dose = dose,
            Progression = ladder,
        };

    private static readonly Location[] Anywhere = [Location.Home, Location.Gym, Location.Outdoors];
    private static readonly Location[] HomeOrGym = [Location.Home, Location.Gym];

    public static IReadOnlyList<Exercise> Exercises { get; } =
    [
        Strength("hip-thrust", Level.Beginner, [JointAction.HipExtension], [Muscle.GluteusMaximus], false, HomeOrGym,
            Rung("bodyweight", LoadKind.Bodyweight), Rung("band", LoadKind.Band, Equipment.LoopBand),
            Rung("barbell", LoadKind.External, Equipment.Barbell, Equipment.Bench),
            Rung("barbell-plus-band", LoadKind.ExternalPlusBand, Equipment.Barbell, Equipment.Bench, Equipment.LoopBand)),
        Strength("glute-bridge", Level.Beginner, [JointAction.HipExtension], [Muscle.GluteusMaximus], false, Anywhere,
            Rung("bodyweight", LoadKind.Bodyweight), Rung("band", LoadKind.Band, Equipment.LoopBand)),
        Strength("squat", Level.Beginner, [JointAction.HipExtension, JointAction.KneeExtension], [Muscle.Quadriceps, Muscle.GluteusMaximus], false, HomeOrGym,
            Rung("bodyweight", LoadKind.Bodyweight), Rung("goblet", LoadKind.External, Equipment.Dumbbell), Rung("barbell", LoadKind.External, Equipment.Barbell)),
        Strength("step-up", Level.Beginner, [JointAction.HipExtension, JointAction.KneeExtension], [Muscle.GluteusMaximus], true, HomeOrGym,
            Rung("bodyweight", LoadKind.Bodyweight), Rung("dumbbell", LoadKind.External, Equipment.Dumbbell)),
        Strength("bulgarian-split-squat", Level.Intermediate, [JointAction.HipExtension, JointAction.KneeExtension], [Muscle.GluteusMaximus, Muscle.Quadriceps], true, HomeOrGym,
            Rung("bodyweight", LoadKind.Bodyweight), Rung("dumbbell", LoadKind.External, Equipment.Dumbbell), Rung("barbell", LoadKind.External, Equipment.Barbell)),
        Strength("single-leg-romanian-deadlift", Level.Intermediate, [JointAction.HipExtension], [Muscle.Hamstrings, Muscle.GluteusMaximus], true, Anywhere,
            Rung("bodyweight", LoadKind.Bodyweight), Rung("kettlebell", LoadKind.External, Equipment.Kettlebell)),
        Strength("single-leg-squat", Level.Advanced, [JointAction.KneeExtension, JointAction.HipAbduction], [Muscle.Quadriceps, Muscle.GluteusMedius], true, Anywhere,
            Rung("bodyweight", LoadKind.Bodyweight)),
        Strength("side-lying-hip-abduction", Level.Beginner, [JointAction.HipAbduction], [Muscle.GluteusMedius], false, HomeOrGym,
            Rung("bodyweight", LoadKind.Bodyweight), Rung("band", LoadKind.Band, Equipment.LoopBand)),
        Strength("clamshell", Level.Beginner, [JointAction.HipExternalRotation, JointAction.HipAbduction], [Muscle.GluteusMedius], false, HomeOrGym,
            Rung("bodyweight", LoadKind.Bodyweight), Rung("band", LoadKind.Band, Equipment.LoopBand)),
        Strength("fire-hydrant", Level.Beginner, [JointAction.HipAbduction, JointAction.HipExternalRotation], [Muscle.GluteusMedius, Muscle.GluteusMinimus], false, HomeOrGym,
            Rung("bodyweight", LoadKind.Bodyweight), Rung("band", LoadKind.Band, Equipment.LoopBand)),
        Strength("banded-lateral-walk", Level.Beginner, [JointAction.HipAbduction], [Muscle.GluteusMedius], false, Anywhere,
            Rung("band", LoadKind.Band, Equipment.LoopBand)),
        Strength("cable-kickback", Level.Intermediate, [JointAction.HipExtension], [Muscle.GluteusMaximus], false, [Location.Gym],
            Rung("cable", LoadKind.External, Equipment.Cable)),
        Strength("calf-raise", Level.Beginner, [JointAction.PlantarFlexion], [Muscle.Calves], true, Anywhere,
            Rung("bodyweight", LoadKind.Bodyweight), Rung("dumbbell", LoadKind.External, Equipment.Dumbbell)),
        Drill("leg-swings", Dose.Reps(10, 10, sets: 1, restSeconds: 0), Rung("standard", LoadKind.Bodyweight)),
        Drill("a-skips", Dose.Timed(20, sets: 2, restSeconds: 30), Rung("standard", LoadKind.Bodyweight)),
        Drill("high-knees", Dose.Timed(15, sets: 2, restSeconds: 30), Rung("standard", LoadKind.Bodyweight)),
        Drill("banded-glute-activation", Dose.Reps(10, 15, sets: 1, restSeconds: 0), Rung("band", LoadKind.Band, Equipment.LoopBand)),
        Drill("strides", Dose.Timed(15, sets: 4, restSeconds: 60), Rung("standard", LoadKind.Bodyweight)),
        new Exercise
        {
            Slug = "hill-sprints", Name = "Hill sprints", Kind = ExerciseKind.Hill, PrimaryMuscles = [Muscle.GluteusMaximus],
            JointActions = [JointAction.HipExtension], Equipment = [Equipment.Hill], Locations = [Location.Outdoors], Level = Level.Beginner,
            Dose = Dose.Timed(8, sets: 2, restSeconds: 150), Progression = [Rung("standard", LoadKind.Bodyweight, Equipment.Hill)],
        },
        new Exercise
        {
            Slug = "hilly-run", Name = "Hilly run", Kind = ExerciseKind.Hill, PrimaryMuscles = [Muscle.GluteusMaximus],
            JointActions = [JointAction.HipExtension], Equipment = [Equipment.Hill], Locations = [Location.Outdoors], Level = Level.Beginner,
            Dose = Dose.Timed(1800), Progression = [Rung("standard", LoadKind.Bodyweight, Equipment.Hill)],
        },
    ];

    public static Exercise Find(string slug) => Exercises.Single(e => e.Slug == slug);

    /// <summary>The issue's example: rest Mon/Fri, quality Tue, long Sun, easy otherwise.</summary>
    public static RunningWeek IssueWeek { get; } = RunningWeek.FromMonday(
        PlannedRunType.Rest, PlannedRunType.Quality, PlannedRunType.Easy, PlannedRunType.Easy, PlannedRunType.Rest, PlannedRunType.Easy, PlannedRunType.Long);

    public static readonly DateOnly IssueStart = new(2026, 12, 7);
    public static readonly DateOnly IssueRaceDay = new(2027, 4, 18);

    /// <summary>The issue's example profile: a beginner at home with a loop band, 10k on 2027-04-18.</summary>
    public static RunnerProfile IssueProfile { get; } = new()
    {
        Experience = StrengthExperience.None,
        Equipment = [Equipment.None, Equipment.LoopBand],
        Locations = [Location.Home],
        Week = IssueWeek,
        Race = new GoalRace { DistanceMetres = 10_000, Date = IssueRaceDay },
        Start = IssueStart,
    };
}
