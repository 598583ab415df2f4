using RunStrong.Domain.Training;

namespace RunStrong.Domain.Progression;

/// <summary>
/// Estimated one-repetition maximum (domain.md §3), only from sets of 1–10 reps: beyond 10 the formulas drift apart.
/// Epley: <c>w·(1 + r/30)</c>; Brzycki: <c>w·36/(37 − r)</c>; one rep gives the load itself.
/// Vector: 100 kg × 5 -> Epley 116.67 kg, Brzycki 112.50 kg.
/// </summary>
public static class OneRepMax
{
    /// <summary>The most reps an estimate is made from.</summary>
    public const int MaxReps = 10;

    /// <summary>Epley's estimate; null outside 1–10 reps.</summary>
    public static Mass? Epley(Mass load, int reps) =>
        reps is < 1 or > MaxReps ? null : reps == 1 ? load : load * (1 + (reps / 30.0));

    /// <summary>Brzycki's estimate; null outside 1–10 reps.</summary>
    public static Mass? Brzycki(Mass load, int reps) =>
        reps is < 1 or > MaxReps ? null : reps == 1 ? load : load * (36.0 / (37 - reps));

    /// <summary>Epley's estimate for a completed, loaded set; null for bodyweight, band-only, failed or long sets.</summary>
    public static Mass? Estimate(LoggedSet set) =>
        set is { Completed: true, Load: { } load } && load > Mass.Zero ? Epley(load, set.Reps) : null;
}

/// <summary>A record and when it was set.</summary>
public sealed record PersonalRecord(DateOnly Date, string VariantSlug, Mass? Load, int Reps, Mass? EstimatedOneRepMax);

/// <summary>One exercise's personal records, from completed sets only.</summary>
/// <param name="HeaviestLoad">The heaviest load lifted for at least one rep; null when no set was loaded.</param>
/// <param name="BestEstimatedOneRepMax">The best Epley estimate (sets of 1–10 reps); null when none qualifies.</param>
/// <param name="MostRepsAtLoad">For each rung and load (bodyweight and band rungs have no load), the most reps in one set, heaviest first.</param>
public sealed record ExerciseRecords(
    string ExerciseSlug,
    PersonalRecord? HeaviestLoad,
    PersonalRecord? BestEstimatedOneRepMax,
    IReadOnlyList<PersonalRecord> MostRepsAtLoad);

/// <summary>Personal records per exercise. Ties keep the earliest date: the day the record was first set.</summary>
public static class PersonalRecords
{
    public static ExerciseRecords For(string exerciseSlug, IEnumerable<LoggedStrengthSession> sessions)
    {
        var sets = sessions
            .OrderBy(s => s.Date)
            .SelectMany(s => s.SetsOf(exerciseSlug).Where(x => x.Completed && x.Reps > 0)
                .Select(x => new PersonalRecord(s.Date, x.VariantSlug, x.Load, x.Reps, OneRepMax.Estimate(x))))
            .ToArray();

        var heaviest = sets.Where(r => r.Load is not null).OrderByDescending(r => r.Load!.Value).ThenBy(r => r.Date).FirstOrDefault();
        var best = sets.Where(r => r.EstimatedOneRepMax is not null)
            .OrderByDescending(r => r.EstimatedOneRepMax!.Value).ThenBy(r => r.Date).FirstOrDefault();
        var mostReps = sets
            .GroupBy(r => (r.VariantSlug, Kilograms: r.Load?.Kilograms ?? 0))
            .Select(g => g.OrderByDescending(r => r.Reps).ThenBy(r => r.Date).First())
            .OrderByDescending(r => r.Load?.Kilograms ?? 0)
            .ThenBy(r => r.VariantSlug, StringComparer.Ordinal)
            .ToArray();
        return new ExerciseRecords(exerciseSlug, heaviest, best, mostReps);
    }

    /// <summary>Records for every exercise that appears in the sessions, by slug.</summary>
    public static IReadOnlyDictionary<string, ExerciseRecords> All(IReadOnlyCollection<LoggedStrengthSession> sessions) =>
        sessions.SelectMany(s => s.Sets).Select(s => s.ExerciseSlug).Distinct(StringComparer.OrdinalIgnoreCase)
            .ToDictionary(slug => slug, slug => For(slug, sessions), StringComparer.OrdinalIgnoreCase);
}
