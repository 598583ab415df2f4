using System.Globalization;
using RunStrong.Domain.Catalogue;
using RunStrong.Domain.Planning;
using RunStrong.Domain.Progression;
using RunStrong.Domain.Training;

namespace RunStrong.Features.Plans;

/// <summary>The words a plan is shown in: exercise names, doses, session titles. Shared by the calendar and the table.</summary>
public static class PlanText
{
    /// <summary>The exercise's name from the built-in catalogue (<c>Hip thrust</c>), or its slug when it is not built in.</summary>
    public static string ExerciseName(string slug) => BuiltInCatalogue.Find(slug)?.Name ?? slug;

    /// <summary>
    /// The dose in words: <c>3 × 8–12 @ 40 kg, RPE 7, rest 90 s</c>, <c>4 × 20 s, rest 60 s</c>. With <paramref name="ascii"/>,
    /// <c>3x8-12 @ 40 kg</c> style for terminals. The load in <paramref name="unit"/> when given (see <see cref="Load"/>).
    /// </summary>
    public static string Dose(PlannedExercise exercise, bool ascii = false, MassUnit? unit = null)
    {
        var times = ascii ? "x" : " × ";
        var dash = ascii ? "-" : "–";
        string amount;
        if (exercise.RepsMin is { } lo)
        {
            var hi = exercise.RepsMax ?? lo;
            amount = hi == lo ? $"{lo}" : $"{lo}{dash}{hi}";
            if (exercise.Seconds is { } s)
            {
                amount += $" ({s} s)";
            }
        }
        else if (exercise.Seconds is { } seconds)
        {
            amount = $"{seconds} s";
        }
        else
        {
            amount = "1";
        }

        var parts = new List<string> { $"{exercise.Sets}{times}{amount}" + (Load(exercise, unit) is { } load ? $" @ {load}" : "") };
        if (exercise.Rpe is { } rpe)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"RPE {rpe}"));
        }

        if (exercise.RestSeconds > 0)
        {
            parts.Add($"rest {exercise.RestSeconds} s");
        }

        return string.Join(", ", parts);
    }

    /// <summary>
    /// The planned load as a runner reads it: <c>40 kg</c>, <c>90 lb</c>; null without one. In the plan's own unit, or in
    /// <paramref name="unit"/> (the runner's, when they changed it after making the plan) rounded to what goes on their bar:
    /// a plan's 40 kg hip thrust reads 90 lb, its 20 kg empty bar 45 lb (<see cref="LoadSteps.OnTheBar"/>; docs/decisions/0037).
    /// </summary>
    public static string? Load(PlannedExercise exercise, MassUnit? unit = null)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        if (exercise.Load is not { } text || !Mass.TryParse(text, out var mass, out _))
        {
            return null;
        }

        var planUnit = text.EndsWith("lb", StringComparison.OrdinalIgnoreCase) ? MassUnit.Pounds : MassUnit.Kilograms;
        if (unit is not { } shown || shown == planUnit)
        {
            return mass.Format(planUnit);
        }

        var variant = BuiltInCatalogue.Find(exercise.Slug)?.Progression.FirstOrDefault(v => v.Slug == exercise.Variant);
        return LoadSteps.OnTheBar(mass, variant, shown).Format(shown);
    }

    /// <summary>"Easy run", "Long run", "Quality run", "Race", "Rest".</summary>
    public static string RunName(PlannedRunType type) => type switch
    {
        PlannedRunType.Quality => "Quality run",
        PlannedRunType.Long => "Long run",
        PlannedRunType.Easy => "Easy run",
        PlannedRunType.Race => "Race",
        _ => "Rest",
    };

    /// <summary>A run's target in one line: <c>30–45 min · easy: you could hold a conversation (RPE 3–4) · 5:36–6:11 /km</c>.</summary>
    public static string? Target(PlannedRun? run, bool ascii = false)
    {
        if (run?.Target is not { } t)
        {
            return null;
        }

        var dash = ascii ? "-" : "–";
        var parts = new List<string>();
        if (t.FinishTime is { } finish)
        {
            parts.Add($"about {finish}");
        }

        if (t.MinutesMin is { } lo && t.MinutesMax is { } hi)
        {
            parts.Add(lo == hi ? $"{lo} min" : $"{lo}{dash}{hi} min");
        }

        if (t.Workout is { } workout)
        {
            parts.Add(ascii ? workout.Replace('–', '-').Replace('×', 'x') : workout);
        }

        parts.Add(ascii ? t.Effort.Replace('–', '-') : t.Effort);
        if (t.Pace is { } pace)
        {
            parts.Add(ascii ? pace.Replace('–', '-') : pace);
        }

        return string.Join(ascii ? "; " : " · ", parts);
    }

    /// <summary>A one-line title: <c>Strength: Glute bridge, Reverse lunge, Clamshell</c>, <c>Hill sprints: 6 × 10 s</c>.</summary>
    public static string Title(PlanSession session, PlanDay day) => session.Kind switch
    {
        SessionKind.Strength => "Strength: " + string.Join(", ", session.Exercises.Select(e => ExerciseName(e.Slug))),
        SessionKind.HillSprints when session.Exercises is [var sprint, ..] => $"Hill sprints: {Dose(sprint).Split(',')[0]}",
        SessionKind.HillSprints => "Hill sprints",
        _ => day.Run?.Type == PlannedRunType.Race ? "Warm-up drills before the race" : "Warm-up drills before your quality run",
    };

    /// <summary>Several lines: the reason, then one line per exercise with its rung and dose.</summary>
    public static string Description(PlanSession session, MassUnit? unit = null)
    {
        var lines = new List<string> { session.Reason, "" };
        foreach (var (e, i) in session.Exercises.Select((e, i) => (e, i)))
        {
            lines.Add($"{i + 1}. {ExerciseName(e.Slug)} ({e.Variant}): {Dose(e, unit: unit)}");
            if (e.FromLog is { } fromLog)
            {
                lines.Add($"   From your log: {fromLog}");
            }
            else if (e.LoadNote is { } note)
            {
                lines.Add($"   Load: {note}");
            }
        }

        if (session.Kind == SessionKind.Strength)
        {
            lines.Add("");
            lines.Add("RPE 7 = about 3 reps left in the tank, RPE 8 = 2: never train to failure.");
        }

        return string.Join("\n", lines);
    }
}
