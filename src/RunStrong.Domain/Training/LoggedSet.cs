namespace RunStrong.Domain.Training;

/// <summary>How hard a loop band pulls, as bands are sold (colours differ by brand, so RunStrong uses words).</summary>
public enum BandResistance
{
    Light,
    Medium,
    Heavy,
}

/// <summary>
/// One set as the runner did it. Reps are per side for single-leg work (10 reps of a split squat = 10 each leg).
/// A failed set (<see cref="Completed"/> false) is one the runner could not finish as planned.
/// </summary>
public sealed record LoggedSet
{
    /// <param name="exerciseSlug">The catalogue slug (<c>hip-thrust</c>).</param>
    /// <param name="variantSlug">The rung of the exercise's ladder (<c>barbell</c>).</param>
    /// <param name="reps">Repetitions done, per side for single-leg work; 0 or more (0 for a hold or a set failed at once).</param>
    /// <param name="load">External load (per hand for dumbbells and kettlebells); null for bodyweight or a band alone.</param>
    /// <param name="band">Loop band resistance, null without a band.</param>
    /// <param name="seconds">Seconds held, for holds and timed work; 1 or more when given.</param>
    /// <param name="effort">RPE or reps in reserve (see <see cref="Rpe"/>), when the runner gave it.</param>
    /// <param name="pain">True when the runner felt pain (not effort) during the set.</param>
    /// <param name="completed">False for a failed set.</param>
    public LoggedSet(
        string exerciseSlug,
        string variantSlug,
        int reps,
        Mass? load = null,
        BandResistance? band = null,
        int? seconds = null,
        Rpe? effort = null,
        bool pain = false,
        bool completed = true)
    {
        ExerciseSlug = Guard.NotBlank(exerciseSlug, "exercise");
        VariantSlug = Guard.NotBlank(variantSlug, "variant");
        Reps = Guard.AtLeast(reps, 0, "reps");
        Load = load;
        Band = band is { } b ? Guard.Defined(b, "band") : null;
        Seconds = seconds is { } s ? Guard.AtLeast(s, 1, "seconds") : null;
        if (completed && reps == 0 && seconds is null)
        {
            throw new DomainValueException("a completed set needs reps or seconds, got 0 reps and no seconds");
        }

        Effort = effort;
        Pain = pain;
        Completed = completed;
    }

    public string ExerciseSlug { get; }

    public string VariantSlug { get; }

    /// <summary>Repetitions, per side for single-leg work.</summary>
    public int Reps { get; }

    /// <summary>External load, per hand for dumbbells; null for bodyweight or a band alone.</summary>
    public Mass? Load { get; }

    public BandResistance? Band { get; }

    /// <summary>Seconds held, for timed work.</summary>
    public int? Seconds { get; }

    public Rpe? Effort { get; }

    public bool Pain { get; }

    /// <summary>False for a failed set.</summary>
    public bool Completed { get; }
}
