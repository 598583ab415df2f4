using RunStrong.ActivityFiles.Fit;
using RunStrong.Domain.Catalogue;
using RunStrong.Domain.Training;

namespace RunStrong.ActivityFiles.Workouts;

/// <summary>
/// Writes a <see cref="FitWorkout"/> as a FIT workout file (Garmin's "Workout file type": file_id type 5, then workout,
/// workout_step and, for each exercise named, exercise_title; profile 21.217). Our own encoder, because there is no C#
/// FIT SDK in the package registry: <see cref="FitFileWriter"/> with the reader's CRC. The messages and field numbers
/// follow the profile (file_id 0, workout 26, workout_step 27, exercise_title 264); Garmin's JavaScript SDK decodes the
/// result in the tests.
/// </summary>
public static class WorkoutFitWriter
{
    /// <summary>FIT manufacturer "development" (255): files from software that is not a registered device maker.</summary>
    private const ushort Development = 255;

    private static readonly DateTimeOffset FitEpoch = new(1989, 12, 31, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The file's bytes. Throws <see cref="ArgumentException"/> for a Garmin exercise the profile does not name.</summary>
    public static byte[] Write(FitWorkout workout, DateTimeOffset created)
    {
        ArgumentNullException.ThrowIfNull(workout);
        var writer = new FitFileWriter();
        writer.Write(0, 0,
        [
            FitField.Enum(0, 5), // type: workout
            FitField.UInt16(1, Development),
            FitField.UInt16(2, 0),
            FitField.UInt32Z(3, workout.SerialNumber == 0 ? 1 : workout.SerialNumber),
            FitField.UInt32(4, (uint)Math.Max(0, (created - FitEpoch).TotalSeconds)),
        ]);

        var (sport, subSport) = workout.Sport switch
        {
            WorkoutSport.Strength => ((byte)10, (byte)20),
            WorkoutSport.Cardio => ((byte)10, (byte)26),
            _ => ((byte)1, (byte)0),
        };
        writer.Write(26, 1,
        [
            FitField.String(8, workout.Name),
            FitField.Enum(4, sport),
            FitField.Enum(11, subSport),
            FitField.UInt16(6, (ushort)workout.Steps.Count),
        ]);

        var titles = new Dictionary<(int Category, int Name), string?>();
        for (var index = 0; index < workout.Steps.Count; index++)
        {
            var step = workout.Steps[index];
            var exercise = step.Exercise is { } garmin ? Resolve(garmin) : ((int, int)?)null;
            if (exercise is { } e)
            {
                titles.TryAdd(e, step.Name);
            }

            writer.Write(27, 2, StepFields(index, step, exercise));
        }

        var titleIndex = 0;
        foreach (var ((category, name), title) in titles)
        {
            writer.Write(264, 3,
            [
                FitField.UInt16(254, (ushort)titleIndex++),
                FitField.UInt16(0, (ushort)category),
                FitField.UInt16(1, (ushort)name),
                FitField.String(2, title),
            ]);
        }

        return writer.ToArray();
    }

    /// <summary>True when the profile names <paramref name="exercise"/> (a catalogue imported from elsewhere may hold others).</summary>
    public static bool IsKnown(GarminExercise exercise)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        var category = Array.IndexOf(FitNames.ExerciseCategories, exercise.Category);
        return category >= 0 && FitNames.ExerciseNames.TryGetValue(category, out var names) && names.Any(n => n.Name == exercise.Name);
    }

    /// <summary>The profile's numbers for a Garmin exercise named kebab-case; throws naming what the profile lacks.</summary>
    public static (int Category, int Name) Resolve(GarminExercise exercise)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        var category = Array.IndexOf(FitNames.ExerciseCategories, exercise.Category);
        if (category < 0 || !FitNames.ExerciseNames.TryGetValue(category, out var names))
        {
            throw new ArgumentException($"Garmin's FIT profile {FitFileWriter.ProfileVersion / 1000}.{FitFileWriter.ProfileVersion % 1000} has no exercise category '{exercise.Category}'.", nameof(exercise));
        }

        foreach (var (name, value) in names)
        {
            if (name == exercise.Name)
            {
                return (category, value);
            }
        }

        throw new ArgumentException($"Garmin's FIT profile has no exercise '{exercise.Name}' in the category '{exercise.Category}'.", nameof(exercise));
    }

    private static FitField?[] StepFields(int index, WorkoutStep step, (int Category, int Name)? exercise)
    {
        var (durationType, durationValue, targetValue) = step.Duration switch
        {
            StepDuration.Time => ((byte)0, (uint?)checked((uint)step.Value * 1000), (uint?)null), // duration_time, scale 1000 (ms)
            StepDuration.Reps => ((byte)29, (uint)step.Value, null),
            StepDuration.Repeat => ((byte)6, (uint)step.RepeatFrom, (uint)step.Value),
            _ => ((byte)5, null, null),
        };
        return
        [
            FitField.UInt16(254, (ushort)index),
            FitField.String(0, step.Name),
            FitField.Enum(1, durationType),
            durationValue is { } d ? FitField.UInt32(2, d) : null,
            FitField.Enum(3, 2), // target_type open: no speed, heart-rate or power target
            targetValue is { } t ? FitField.UInt32(4, t) : null,
            step.Duration == StepDuration.Repeat ? null : FitField.Enum(7, (byte)step.Intensity),
            FitField.String(8, step.Notes, maxBytes: 100),
            exercise is { } e ? FitField.UInt16(10, (ushort)e.Category) : null,
            exercise is { } n ? FitField.UInt16(11, (ushort)n.Name) : null,
            step.Weight is { } w ? FitField.UInt16(12, (ushort)Math.Clamp(Math.Round(w.Kilograms * 100), 0, 65534)) : null, // scale 100, kg
            step.Weight is not null ? FitField.UInt16(13, step.WeightUnit == MassUnit.Pounds ? (ushort)2 : (ushort)1) : null, // fit_base_unit
        ];
    }
}
