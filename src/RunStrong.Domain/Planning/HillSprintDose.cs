using System.Globalization;
using RunStrong.Domain.Catalogue;

namespace RunStrong.Domain.Planning;

/// <summary>
/// One hill-sprint session: <see cref="Reps"/> sprints of <see cref="Seconds"/> each, walking down to recover.
/// Progression after Hudson 2008 (domain.md §4): start with 1–2 × 8 s on a 6–8 % grade after an easy run; add 1–2 reps a
/// week; at 8–10 reps go to 10 s on a steeper hill, then to 12 s at ~10 %; ceiling 10–12 reps; maintenance one session of
/// 6–10 a week. The plan (<see cref="PlanGenerator"/>, <c>PlanProgress.FollowHills</c>) and the progression engine
/// (<see cref="Progression.ProgressionRules"/>: <c>runstrong next</c>, <c>/progress/hill-sprints</c>) climb this one ladder.
/// </summary>
public readonly record struct HillSprintDose(int Reps, int Seconds)
{
    /// <summary>Most sprints in a session (Hudson 2008 ceiling 10–12).</summary>
    public const int CeilingReps = 12;

    /// <summary>Most sprints in a maintenance (taper) session (domain.md §4: 6–10).</summary>
    public const int MaintenanceMaxReps = 10;

    /// <summary>Walk-down recovery between sprints, seconds (domain.md §4: 2–3 min).</summary>
    public const int RecoverySeconds = 150;

    /// <summary>True for an exercise of hill sprints (a hill exercise whose slug says sprint), not a hilly run.</summary>
    public static bool IsHillSprints(Exercise exercise)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        return exercise.Kind == ExerciseKind.Hill && exercise.Slug.Contains("sprint", StringComparison.Ordinal);
    }

    /// <summary>The dose a logged session amounts to: its sprints (1 to <see cref="CeilingReps"/>), their length on the ladder (9 s or less is 8 s, 11 s or less 10 s, else 12 s).</summary>
    public static HillSprintDose Done(int reps, int seconds) =>
        new(Math.Clamp(reps, 1, CeilingReps), seconds <= 9 ? 8 : seconds <= 11 ? 10 : 12);

    /// <summary>The sprint length a rung is named for (<c>10-seconds</c> -> 10); null for a rung not named so.</summary>
    public static int? SecondsOf(ExerciseVariant rung)
    {
        ArgumentNullException.ThrowIfNull(rung);
        var dash = rung.Slug.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 && int.TryParse(rung.Slug.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? seconds : null;
    }

    /// <summary>
    /// The rung for sprints of <paramref name="seconds"/>: the one named for it (<c>10-seconds</c>), else the longest named
    /// rung shorter than that, else the first rung.
    /// </summary>
    public static ExerciseVariant RungFor(IReadOnlyList<ExerciseVariant> ladder, int seconds)
    {
        ArgumentNullException.ThrowIfNull(ladder);
        return ladder.FirstOrDefault(v => SecondsOf(v) == seconds)
            ?? ladder.Where(v => SecondsOf(v) < seconds).MaxBy(v => SecondsOf(v))
            ?? ladder[0];
    }

    /// <summary>The first session: 1 × 8 s for a runner new to strength work, 2 × 8 s otherwise.</summary>
    public static HillSprintDose Start(StrengthExperience experience) =>
        new(experience == StrengthExperience.None ? 1 : 2, 8);

    /// <summary>Reps added per week: 1 for a runner new to strength work, 2 otherwise (domain.md §4: 1–2).</summary>
    public static int WeeklyIncrement(StrengthExperience experience) => experience == StrengthExperience.None ? 1 : 2;

    /// <summary>
    /// Next week's session: 8 s sprints at 8 reps or more become 10 s; 10 s sprints at 10 reps or more become 12 s;
    /// otherwise add <paramref name="increment"/> reps, up to <see cref="CeilingReps"/>.
    /// </summary>
    public HillSprintDose Next(int increment) =>
        (Seconds, Reps) switch
        {
            (8, >= 8) => this with { Seconds = 10 },
            (10, >= 10) => this with { Seconds = 12 },
            _ => this with { Reps = Math.Min(CeilingReps, Reps + increment) },
        };

    /// <summary>The taper's maintenance session: same duration, at most <see cref="MaintenanceMaxReps"/> sprints.</summary>
    public HillSprintDose Maintenance() => this with { Reps = Math.Min(Reps, MaintenanceMaxReps) };

    /// <summary>The grade to look for, in words.</summary>
    public string Grade => Seconds switch
    {
        <= 8 => "a 6–8 % slope",
        10 => "a steeper slope, about 8 %",
        _ => "a slope of about 10 %",
    };
}
