using RunStrong.Domain.Training;

namespace RunStrong.Domain.Catalogue;

/// <summary>
/// Maps what a Garmin watch recorded back to the catalogue: a FIT exercise (category and name, the same table
/// <see cref="Exercise.GarminFor"/> writes workouts with) to an exercise and rung, and a set's weight to the value the
/// runner entered. Judgements, not findings (docs/decisions/0026).
/// </summary>
public static class GarminMatch
{
    /// <summary>
    /// The exercise and rung a watch's exercise stands for, or null when no rung carries that Garmin exercise. Several
    /// rungs may share one Garmin name (the hip thrust's four rungs all are <c>barbell-hip-thrust-with-bench</c>): a set
    /// with a weight goes to the first rung loaded with weights alone (barbell, dumbbell, kettlebell), then one with
    /// weights and a band; a set without goes to the bodyweight rung, then a banded one; then the first rung that has it.
    /// Among exercises, a rung that names the Garmin exercise itself wins over one that has it from its exercise, then
    /// catalogue order.
    /// </summary>
    public static (Exercise Exercise, ExerciseVariant Variant)? Find(IEnumerable<Exercise> catalogue, string? category, string? name, bool loaded)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        if (string.IsNullOrEmpty(category) || string.IsNullOrEmpty(name))
        {
            return null;
        }

        var wanted = new GarminExercise(category, name);
        var candidates = catalogue
            .SelectMany((e, order) => e.Progression.Select(v => (Exercise: e, Variant: v, Order: order)))
            .Where(c => c.Exercise.GarminFor(c.Variant.Slug) == wanted)
            .ToArray();
        if (candidates.Length == 0)
        {
            return null;
        }

        var preference = loaded
            ? new[] { LoadKind.External, LoadKind.ExternalPlusBand, LoadKind.Bodyweight, LoadKind.Band }
            : [LoadKind.Bodyweight, LoadKind.Band, LoadKind.External, LoadKind.ExternalPlusBand];
        var best = candidates
            .OrderBy(c => c.Variant.Garmin == wanted ? 0 : 1)
            .ThenBy(c => c.Order)
            .ThenBy(c => Array.IndexOf(preference, c.Variant.Load))
            .First();

        // The exercise is chosen; within it, the rung by load.
        var rung = candidates.Where(c => c.Exercise == best.Exercise)
            .OrderBy(c => Array.IndexOf(preference, c.Variant.Load))
            .First();
        return (rung.Exercise, rung.Variant);
    }

    /// <summary>
    /// A watch's weight in the unit the runner entered it in. FIT stores kilograms in 1/16 kg steps, so 135 lb comes
    /// back as 61.25 kg = 135.03 lb: the value is rounded to the nearest step a runner enters (0.5 lb; 0.25 kg, else 0.1
    /// kg) when that step is within the file's own rounding (1/32 kg), else to 0.1 in the unit. Without a display unit,
    /// the runner's own unit is used.
    /// </summary>
    /// <returns>The value and <c>kg</c> or <c>lb</c>.</returns>
    public static (double Value, string Unit) Weight(double kilograms, string? displayUnit, MassUnit runnerUnit)
    {
        var pounds = displayUnit == "pound" || (displayUnit != "kilogram" && runnerUnit == MassUnit.Pounds);
        var value = pounds ? kilograms / Mass.KilogramsPerPound : kilograms;
        var tolerance = (pounds ? FitStepKg / Mass.KilogramsPerPound : FitStepKg) / 2 + 1e-9;
        foreach (var step in pounds ? PoundSteps : KilogramSteps)
        {
            var rounded = Math.Round(value / step, MidpointRounding.AwayFromZero) * step;
            if (Math.Abs(rounded - value) <= tolerance)
            {
                return (Math.Round(rounded, 2), pounds ? "lb" : "kg");
            }
        }

        return (Math.Round(value, 1, MidpointRounding.AwayFromZero), pounds ? "lb" : "kg");
    }

    private const double FitStepKg = 1.0 / 16;

    private static readonly double[] PoundSteps = [0.5];

    private static readonly double[] KilogramSteps = [0.25, 0.1];
}
