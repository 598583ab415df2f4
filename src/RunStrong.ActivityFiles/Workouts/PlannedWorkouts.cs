using System.Globalization;
using RunStrong.Domain.Catalogue;
using RunStrong.Domain.Planning;
using RunStrong.Domain.Training;

namespace RunStrong.ActivityFiles.Workouts;

/// <summary>
/// Turns a plan's sessions into FIT workouts for a watch (issue 15, "the watch loop"):
/// <list type="bullet">
/// <item><b>Strength</b>: per exercise, a set step (the catalogue's Garmin exercise for the rung, the planned reps or
/// seconds, the planned load as the step's weight in the runner's unit), a rest step, and a repeat step for the sets.</item>
/// <item><b>Hill sprints</b>: a warm-up (the easy run, ended with the lap key at the foot of the hill), then repeats of
/// (sprint N s, walk-back recovery), then a cool-down (Hudson 2008, domain.md §4; <see cref="HillSprintDose"/>).</item>
/// <item><b>Drills</b>: a timed sequence: each drill for its seconds (or reps), a short recovery, repeated for its sets
/// (RAMP, domain.md §4).</item>
/// </list>
/// Reps are the bottom of the planned range (the rest of the range and the RPE are in the step's notes), as the log page
/// pre-fills them.
/// </summary>
public static class PlannedWorkouts
{
    /// <summary>The workout for one session; <paramref name="index"/> is its place in the day (as in the session's key).</summary>
    public static FitWorkout Build(PlanSession session, DateOnly date, int index, Func<string, Exercise?> findExercise)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(findExercise);
        var steps = session.Kind switch
        {
            SessionKind.HillSprints => HillSprints(session, findExercise),
            SessionKind.Drills => Sets(session, findExercise, StepIntensity.Recovery, "Recover"),
            _ => Sets(session, findExercise, StepIntensity.Rest, "Rest"),
        };
        return new FitWorkout
        {
            Name = $"{KindName(session.Kind)} {date.ToString("d MMM", CultureInfo.InvariantCulture)}",
            Sport = session.Kind switch
            {
                SessionKind.Strength => WorkoutSport.Strength,
                SessionKind.HillSprints => WorkoutSport.Running,
                _ => WorkoutSport.Cardio,
            },
            Steps = steps,
            SerialNumber = (uint)(((date.Year * 10000) + (date.Month * 100) + date.Day) * 10) + (uint)Math.Clamp(index, 0, 9),
        };
    }

    /// <summary>The file name for a session: <c>2026-12-08-strength.fit</c>; a second session of a kind on a day adds its index.</summary>
    public static string FileName(PlanSession session, DateOnly date, int index, bool withIndex = false) =>
        string.Create(CultureInfo.InvariantCulture, $"{date:yyyy-MM-dd}-{Kebab.Name(session.Kind)}{(withIndex ? $"-{index}" : "")}.fit");

    /// <summary>Every session of <paramref name="days"/> with its file name (one .fit per session, named by date and kind).</summary>
    public static IEnumerable<(string FileName, DateOnly Date, int Index, PlanSession Session)> Files(IEnumerable<PlanDay> days)
    {
        foreach (var day in days)
        {
            for (var i = 0; i < day.Sessions.Count; i++)
            {
                var session = day.Sessions[i];
                var twin = day.Sessions.Count(s => s.Kind == session.Kind) > 1;
                yield return (FileName(session, day.Date, i, twin), day.Date, i, session);
            }
        }
    }

    /// <summary>The Garmin exercise when the FIT profile names it; an imported entry's unknown name is left out (the step keeps its own name).</summary>
    private static GarminExercise? Known(GarminExercise? garmin) => garmin is not null && WorkoutFitWriter.IsKnown(garmin) ? garmin : null;

    private static string KindName(SessionKind kind) => kind switch
    {
        SessionKind.Strength => "Strength",
        SessionKind.HillSprints => "Hill sprints",
        _ => "Drills",
    };

    private static List<WorkoutStep> Sets(PlanSession session, Func<string, Exercise?> findExercise, StepIntensity restIntensity, string restName)
    {
        var steps = new List<WorkoutStep>();
        foreach (var planned in session.Exercises)
        {
            var exercise = findExercise(planned.Slug);
            var first = steps.Count;
            steps.Add(SetStep(planned, exercise));
            if (planned.RestSeconds > 0)
            {
                steps.Add(WorkoutStep.Rest(planned.RestSeconds, restName, restIntensity));
            }

            if (planned.Sets > 1)
            {
                steps.Add(WorkoutStep.Repeat(first, planned.Sets));
            }
        }

        return steps;
    }

    private static List<WorkoutStep> HillSprints(PlanSession session, Func<string, Exercise?> findExercise)
    {
        var steps = new List<WorkoutStep>
        {
            new()
            {
                Name = "Warm-up",
                Duration = StepDuration.Open,
                Intensity = StepIntensity.Warmup,
                Notes = "Easy run to the foot of the hill; press lap to start the sprints",
            },
        };
        foreach (var planned in session.Exercises)
        {
            var exercise = findExercise(planned.Slug);
            var seconds = planned.Seconds ?? 8;
            var first = steps.Count;
            steps.Add(new WorkoutStep
            {
                Name = "Sprint",
                Duration = StepDuration.Time,
                Value = seconds,
                Intensity = StepIntensity.Active,
                Notes = $"{seconds} s uphill, near all-out",
                Exercise = Known(exercise?.GarminFor(planned.Variant)),
            });
            steps.Add(WorkoutStep.Rest(planned.RestSeconds > 0 ? planned.RestSeconds : HillSprintDose.RecoverySeconds, "Walk back", StepIntensity.Recovery,
                "Walk back down; start the next sprint fresh"));
            if (planned.Sets > 1)
            {
                steps.Add(WorkoutStep.Repeat(first, planned.Sets));
            }
        }

        steps.Add(new WorkoutStep
        {
            Name = "Cool-down",
            Duration = StepDuration.Open,
            Intensity = StepIntensity.Cooldown,
            Notes = "Easy jog or walk; press lap to finish",
        });
        return steps;
    }

    private static WorkoutStep SetStep(PlannedExercise planned, Exercise? exercise)
    {
        var rung = exercise?.Progression.FirstOrDefault(v => v.Slug == planned.Variant);
        var name = rung?.Name ?? exercise?.Name ?? planned.Slug;
        var notes = new List<string>();
        if (planned.RepsMin is { } lo && planned.RepsMax is { } hi && hi != lo)
        {
            notes.Add($"{lo}–{hi} reps");
        }

        if (planned.RepsMin is not null && planned.Seconds is { } each)
        {
            notes.Add($"{each} s each");
        }

        if (planned.Rpe is { } rpe)
        {
            notes.Add($"RPE {rpe}");
        }

        if (exercise?.SingleLeg == true)
        {
            notes.Add("each side");
        }

        Mass? weight = null;
        var unit = MassUnit.Kilograms;
        if (planned.Load is { } load && Mass.TryParse(load, out var mass, out _))
        {
            weight = mass;
            unit = load.Contains("lb", StringComparison.OrdinalIgnoreCase) ? MassUnit.Pounds : MassUnit.Kilograms;
        }

        var (duration, value) = planned.RepsMin is { } reps
            ? (StepDuration.Reps, reps)
            : planned.Seconds is { } seconds ? (StepDuration.Time, seconds) : (StepDuration.Open, 0);
        return new WorkoutStep
        {
            Name = name,
            Duration = duration,
            Value = value,
            Intensity = StepIntensity.Active,
            Notes = notes.Count > 0 ? string.Join(", ", notes) : null,
            Exercise = Known(exercise?.GarminFor(planned.Variant)),
            Weight = weight,
            WeightUnit = unit,
        };
    }
}
