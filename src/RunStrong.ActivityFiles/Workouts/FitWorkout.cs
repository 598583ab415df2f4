using RunStrong.Domain.Catalogue;
using RunStrong.Domain.Training;

namespace RunStrong.ActivityFiles.Workouts;

/// <summary>What a workout is for on the watch: its FIT sport and sub-sport.</summary>
public enum WorkoutSport
{
    /// <summary>FIT sport training (10), sub-sport strength_training (20): a watch's strength activity, sets and exercises.</summary>
    Strength,

    /// <summary>FIT sport running (1), sub-sport generic (0).</summary>
    Running,

    /// <summary>FIT sport training (10), sub-sport cardio_training (26): timed exercises, as drills are.</summary>
    Cardio,
}

/// <summary>FIT <c>intensity</c> of a step (profile values in brackets).</summary>
public enum StepIntensity
{
    Active = 0,
    Rest = 1,
    Warmup = 2,
    Cooldown = 3,
    Recovery = 4,
}

/// <summary>How a step ends (FIT <c>wkt_step_duration</c>).</summary>
public enum StepDuration
{
    /// <summary>After <see cref="WorkoutStep.Value"/> seconds (time, 0).</summary>
    Time,

    /// <summary>After <see cref="WorkoutStep.Value"/> repetitions (reps, 29).</summary>
    Reps,

    /// <summary>When the runner presses lap (open, 5).</summary>
    Open,

    /// <summary>
    /// Goes back to step <see cref="WorkoutStep.RepeatFrom"/> until the steps between have been done <see cref="WorkoutStep.Value"/>
    /// times in all (repeat_until_steps_cmplt, 6: duration_value is the step index, target_value the count).
    /// </summary>
    Repeat,
}

/// <summary>
/// One step of a FIT workout. An exercise step names its Garmin exercise (<see cref="Exercise"/>) and, for a loaded rung,
/// the load as the step's weight in the runner's unit.
/// </summary>
public sealed record WorkoutStep
{
    /// <summary>The step's name on the watch (wkt_step_name): "Barbell hip thrust", "Rest", "Sprint".</summary>
    public string? Name { get; init; }

    public required StepDuration Duration { get; init; }

    /// <summary>Seconds, reps or the repeat count, as <see cref="Duration"/> says; 0 for open steps.</summary>
    public int Value { get; init; }

    /// <summary>For a repeat step: the index (from 0) of the first step to do again.</summary>
    public int RepeatFrom { get; init; }

    public StepIntensity Intensity { get; init; } = StepIntensity.Active;

    /// <summary>Text the watch shows with the step: "8–12 reps, RPE 7, each side".</summary>
    public string? Notes { get; init; }

    public GarminExercise? Exercise { get; init; }

    /// <summary>The load for the step (exercise_weight), with the unit the watch shows it in.</summary>
    public Mass? Weight { get; init; }

    public MassUnit WeightUnit { get; init; } = MassUnit.Kilograms;

    public static WorkoutStep Rest(int seconds, string name = "Rest", StepIntensity intensity = StepIntensity.Rest, string? notes = null) =>
        new() { Name = name, Duration = StepDuration.Time, Value = seconds, Intensity = intensity, Notes = notes };

    public static WorkoutStep Repeat(int fromIndex, int times) =>
        new() { Duration = StepDuration.Repeat, RepeatFrom = fromIndex, Value = times };
}

/// <summary>
/// A FIT workout (file type 5) as RunStrong writes it for a watch: a name, a sport and steps, repeats included. Written
/// by <see cref="WorkoutFitWriter"/>; built from a plan's sessions by <see cref="PlannedWorkouts"/>.
/// </summary>
public sealed record FitWorkout
{
    /// <summary>wkt_name, the name in the watch's workout list: "Strength 8 Dec".</summary>
    public required string Name { get; init; }

    public required WorkoutSport Sport { get; init; }

    public required IReadOnlyList<WorkoutStep> Steps { get; init; }

    /// <summary>
    /// file_id.serial_number: with the type, manufacturer and product it tells one workout file from another on a device,
    /// so each session has its own (never 0).
    /// </summary>
    public required uint SerialNumber { get; init; }
}
