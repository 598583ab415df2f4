namespace RunStrong.Domain.Planning;

/// <summary>
/// One exercise's dose in a deload week, the one rule the plan (<see cref="PlanGenerator"/>) and the progression engine
/// (<see cref="Progression.ProgressionRules"/>) both apply, so that the plan and <c>runstrong next</c> agree on the day.
/// Rogerson 2024 (domain.md §2: every 4–6 weeks, ~1 week): cut sets and reps, raise reps in reserve, keep exercises and
/// frequency. How much is RunStrong's judgement within that: one set fewer (at least 1); reps from 2 below the bottom of the
/// range up to the bottom (8–12 -> 6–8); a timed hold two thirds as long (at least <see cref="ShortestHoldSeconds"/> s);
/// RPE 2 lower, 2 more reps in reserve (Zourdos 2016 scale). Vector: 3 × 8–12 at RPE 8 -> 2 × 6–8 at RPE 6.
/// Same exercise, rung and load. Hill sprints are not cut: both hold the last dose (no extra sprint) in a deload week.
/// </summary>
/// <param name="RepsMin">Bottom of the deload range; null for timed work.</param>
/// <param name="RepsMax">Top of the deload range (the normal range's bottom); null for timed work.</param>
/// <param name="Seconds">Seconds per hold for timed work; null otherwise.</param>
/// <param name="Rpe">Target RPE, 1 or more.</param>
public readonly record struct DeloadDose(int Sets, int? RepsMin, int? RepsMax, int? Seconds, int Rpe)
{
    /// <summary>Sets taken off.</summary>
    public const int FewerSets = 1;

    /// <summary>How far below the bottom of the range the deload range starts.</summary>
    public const int RepsBelowBottom = 2;

    /// <summary>RPE points taken off (reps in reserve added).</summary>
    public const int LowerRpe = 2;

    /// <summary>The shortest deload hold, seconds.</summary>
    public const int ShortestHoldSeconds = 5;

    /// <summary>
    /// The deload of a normal week's <paramref name="sets"/> × <paramref name="repsMin"/>–(top) reps, or × <paramref name="seconds"/>
    /// for timed work (<paramref name="repsMin"/> null), at <paramref name="rpe"/>.
    /// </summary>
    public static DeloadDose Of(int sets, int? repsMin, int? seconds, int rpe) =>
        repsMin is { } bottom
            ? new(Math.Max(1, sets - FewerSets), Math.Max(1, bottom - RepsBelowBottom), bottom, null, Math.Max(1, rpe - LowerRpe))
            : new(Math.Max(1, sets - FewerSets), null, null, seconds is { } s ? Math.Max(ShortestHoldSeconds, s * 2 / 3) : null, Math.Max(1, rpe - LowerRpe));
}
