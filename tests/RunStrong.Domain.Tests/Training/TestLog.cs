using RunStrong.Domain.Catalogue;
using RunStrong.Domain.Training;

namespace RunStrong.Domain.Tests.Training;

/// <summary>Small hand-built exercises and log helpers for the training, progression, load and insight tests.</summary>
internal static class TestLog
{
    public static readonly DateOnly Monday = new(2026, 3, 2);

    public static Exercise HipThrust { get; } = new()
    {
        Slug = "hip-thrust",
        Name = "Hip thrust",
        Kind = ExerciseKind.Strength,
        PrimaryMuscles = [Muscle.GluteusMaximus],
        SecondaryMuscles = [Muscle.Hamstrings],
        JointActions = [JointAction.HipExtension],
        Equipment = [Equipment.None],
        Locations = [Location.Home, Location.Gym],
        Level = Level.Beginner,
        Dose = Dose.Reps(8, 12, 3),
        Progression =
        [
            Variant("bodyweight", "Bodyweight hip thrust", LoadKind.Bodyweight, Equipment.None),
            Variant("banded", "Banded hip thrust", LoadKind.Band, Equipment.LoopBand),
            Variant("barbell", "Barbell hip thrust", LoadKind.External, Equipment.Barbell, Equipment.Bench),
            Variant("barbell-plus-band", "Barbell hip thrust with band", LoadKind.ExternalPlusBand, Equipment.Barbell, Equipment.Bench, Equipment.LoopBand),
        ],
    };

    public static Exercise Squat { get; } = new()
    {
        Slug = "squat",
        Name = "Squat",
        Kind = ExerciseKind.Strength,
        PrimaryMuscles = [Muscle.Quadriceps, Muscle.GluteusMaximus],
        SecondaryMuscles = [Muscle.Hamstrings],
        JointActions = [JointAction.KneeExtension, JointAction.HipExtension],
        Equipment = [Equipment.None],
        Locations = [Location.Home, Location.Gym],
        Level = Level.Beginner,
        Dose = Dose.Reps(8, 12, 3),
        Progression =
        [
            Variant("bodyweight", "Bodyweight squat", LoadKind.Bodyweight, Equipment.None),
            Variant("goblet", "Goblet squat", LoadKind.External, Equipment.Dumbbell),
        ],
    };

    public static Exercise SplitSquat { get; } = new()
    {
        Slug = "bulgarian-split-squat",
        Name = "Bulgarian split squat",
        Kind = ExerciseKind.Strength,
        PrimaryMuscles = [Muscle.GluteusMaximus, Muscle.Quadriceps],
        SecondaryMuscles = [Muscle.Hamstrings, Muscle.GluteusMedius],
        JointActions = [JointAction.HipExtension, JointAction.KneeExtension],
        Equipment = [Equipment.Bench],
        Locations = [Location.Home, Location.Gym],
        Level = Level.Intermediate,
        SingleLeg = true,
        Dose = Dose.Reps(6, 10, 3),
        Progression =
        [
            Variant("bodyweight", "Bulgarian split squat", LoadKind.Bodyweight, Equipment.Bench),
            Variant("dumbbells", "Bulgarian split squat with dumbbells", LoadKind.External, Equipment.Bench, Equipment.Dumbbell),
        ],
    };

    public static Exercise CalfRaise { get; } = new()
    {
        Slug = "calf-raise",
        Name = "Calf raise",
        Kind = ExerciseKind.Strength,
        PrimaryMuscles = [Muscle.Calves],
        JointActions = [JointAction.PlantarFlexion],
        Equipment = [Equipment.None],
        Locations = [Location.Home],
        Level = Level.Beginner,
        Dose = Dose.Reps(10, 15, 3),
        Progression = [Variant("bodyweight", "Calf raise", LoadKind.Bodyweight, Equipment.None)],
    };

    public static Exercise SideLyingAbduction { get; } = new()
    {
        Slug = "side-lying-hip-abduction",
        Name = "Side-lying hip abduction",
        Kind = ExerciseKind.Strength,
        PrimaryMuscles = [Muscle.GluteusMedius],
        SecondaryMuscles = [Muscle.GluteusMinimus],
        JointActions = [JointAction.HipAbduction],
        Equipment = [Equipment.None],
        Locations = [Location.Home],
        Level = Level.Beginner,
        SingleLeg = true,
        Dose = Dose.Reps(12, 20, 2),
        Progression =
        [
            Variant("bodyweight", "Side-lying hip abduction", LoadKind.Bodyweight, Equipment.None),
            Variant("banded", "Banded side-lying hip abduction", LoadKind.Band, Equipment.LoopBand),
        ],
    };

    public static Exercise HillSprints { get; } = new()
    {
        Slug = "hill-sprints",
        Name = "Hill sprints",
        Kind = ExerciseKind.Hill,
        PrimaryMuscles = [Muscle.GluteusMaximus],
        SecondaryMuscles = [Muscle.Hamstrings, Muscle.Calves],
        JointActions = [JointAction.HipExtension],
        Equipment = [Equipment.Hill],
        Locations = [Location.Outdoors],
        Level = Level.Beginner,
        Dose = Dose.Timed(8, sets: 2, restSeconds: 150),
        Progression = [Variant("hill", "Hill sprints, 6–8 % grade", LoadKind.Bodyweight, Equipment.Hill)],
    };

    public static IReadOnlyList<Exercise> AllExercises { get; } = [HipThrust, Squat, SplitSquat, CalfRaise, SideLyingAbduction, HillSprints];

    public static ExerciseVariant Variant(string slug, string name, LoadKind load, params Equipment[] equipment) =>
        new() { Slug = slug, Name = name, Load = load, Equipment = equipment };

    public static IReadOnlySet<Equipment> Has(params Equipment[] equipment) => equipment.ToHashSet();

    /// <summary>A session of one exercise: one set per entry of <paramref name="reps"/>.</summary>
    public static LoggedStrengthSession Session(
        DateOnly date, Exercise exercise, string variant, int[] reps, double? kg = null, double? rpe = null,
        BandResistance? band = null, int failedFrom = int.MaxValue, bool pain = false, bool deload = false) =>
        new(date,
            reps.Select((r, i) => new LoggedSet(exercise.Slug, variant, r,
                load: kg is { } k ? Mass.FromKilograms(k) : null,
                band: band,
                effort: rpe is { } e ? Rpe.FromRating(e) : null,
                pain: pain,
                completed: i < failedFrom)),
            isDeload: deload);
}
