namespace RunStrong.Domain.Catalogue;

// The catalogue's controlled vocabulary. Every value is written kebab-case wherever it leaves the process
// (JSON, URLs, CLI options): GluteusMaximus -> "gluteus-maximus". See Kebab.

/// <summary>Muscles RunStrong tracks. The three glutes are separate because they do different jobs (domain.md §1).</summary>
public enum Muscle
{
    GluteusMaximus,
    GluteusMedius,
    GluteusMinimus,
    Hamstrings,
    Quadriceps,
    Calves,
    Adductors,
    Core,
    HipFlexors,
    LowerBack,
    Shins,
    Feet,
}

/// <summary>Joint actions an exercise trains (domain.md §1: a glute week covers hip extension and hip abduction/rotation).</summary>
public enum JointAction
{
    HipExtension,
    HipAbduction,
    HipExternalRotation,
    HipInternalRotation,
    HipFlexion,
    HipAdduction,
    KneeExtension,
    KneeFlexion,
    PlantarFlexion,
    Dorsiflexion,
    TrunkStability,
}

/// <summary>What an exercise or one of its variants needs.</summary>
public enum Equipment
{
    None,
    LoopBand,
    Bench,
    HipThrustMachine,
    Barbell,
    Dumbbell,
    Kettlebell,
    StepBox,
    Hill,
    Cable,
    Machine,
}

/// <summary>Where an exercise can be done.</summary>
public enum Location
{
    Home,
    Gym,
    Outdoors,
}

/// <summary>Training experience an exercise suits (and, for a runner, their strength-training experience).</summary>
public enum Level
{
    Beginner,
    Intermediate,
    Advanced,
}

/// <summary>What sort of session an exercise belongs in.</summary>
public enum ExerciseKind
{
    /// <summary>Strength work counted in sets and reps (or seconds for holds).</summary>
    Strength,
    /// <summary>A warm-up drill done before a run (RAMP, domain.md §4).</summary>
    Drill,
    /// <summary>Hill work: sprints or hilly runs, credited to hip extension (domain.md §4).</summary>
    Hill,
}

/// <summary>How a variant is loaded; the progression engine moves along these (domain.md §3 ladder).</summary>
public enum LoadKind
{
    Bodyweight,
    Band,
    External,
    ExternalPlusBand,
}
