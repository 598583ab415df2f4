using System.Globalization;
using RunStrong.Domain.Catalogue;
using RunStrong.Domain.Training;
using RunStrong.Features.Common;

namespace RunStrong.Features.Training;

/// <summary>
/// One set as a person typed it (web form, API body or the CLI's set notation), before validation. <see cref="Load"/> is
/// text with its unit ("60kg", "135 lb") so that a load without a unit can be refused; <see cref="Band"/> is light,
/// medium or heavy; give <see cref="Rpe"/> (1–10, half steps) or <see cref="RepsInReserve"/> (0–9), not both.
/// </summary>
public sealed record SetInput
{
    public string? Exercise { get; init; }

    public string? Variant { get; init; }

    /// <summary>Reps, per side for single-leg work; 0 for a hold.</summary>
    public int? Reps { get; init; }

    public string? Load { get; init; }

    public string? Band { get; init; }

    public int? Seconds { get; init; }

    public double? Rpe { get; init; }

    public int? RepsInReserve { get; init; }

    public bool Pain { get; init; }

    /// <summary>False for a failed set; true when left out.</summary>
    public bool? Completed { get; init; }
}

/// <summary>A validated set: the domain set and how it is stored (the load in the unit the runner typed).</summary>
public sealed record ValidSet(LoggedSet Set, double? LoadValue, string? LoadUnit, double? Rpe, int? RepsInReserve);

/// <summary>Checks sets against the domain types and the catalogue; every message names the set and the field.</summary>
public static class SetValidation
{
    /// <summary>The most reps one set can hold when typed in: more is a digit too many (10000 for 100), not a set.</summary>
    public const int MostReps = 200;

    /// <summary>The longest hold or timed set that can be typed in, seconds (an hour).</summary>
    public const int LongestSeconds = 3600;

    /// <summary>The heaviest load that can be typed in: above the heaviest squats and hip thrusts on record (a unit mixed up, kg for g).</summary>
    public static readonly Mass HeaviestLoad = Mass.FromKilograms(700);

    /// <param name="index">The set's index in the request, from 0; messages say "set 1" for index 0.</param>
    /// <param name="bareUnit">The unit a load typed without one ("60") is taken in: the runner's weight unit.</param>
    /// <param name="path">
    /// Where the set stands in a request that holds one set, so the error names the field the client sent: "set" for
    /// <c>PUT /api/log/sets</c> (<c>set.rpe</c>), "" for a change to the set itself (<c>rpe</c>). Null for a session's list
    /// of sets: <c>sets[0].rpe</c>, "set 1, rpe: ...".
    /// </param>
    public static ValidSet Validate(SetInput input, int index, IReadOnlyList<Exercise> catalogue, MassUnit bareUnit = MassUnit.Kilograms, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        var label = string.Create(CultureInfo.InvariantCulture, $"set {index + 1}");
        string Field(string name) => path is null ? string.Create(CultureInfo.InvariantCulture, $"sets[{index}].{name}") : path.Length == 0 ? name : $"{path}.{name}";
        UserInputException Bad(string field, string message) => new(Field(field), path is null ? $"{label}, {field}: {message}" : $"{Field(field)}: {message}");

        if (string.IsNullOrWhiteSpace(input.Exercise))
        {
            throw Bad("exercise", "enter an exercise slug, such as hip-thrust");
        }

        var slug = input.Exercise.Trim().ToLowerInvariant();
        var exercise = catalogue.FirstOrDefault(e => string.Equals(e.Slug, slug, StringComparison.OrdinalIgnoreCase))
            ?? throw Bad("exercise", $"unknown exercise '{input.Exercise.Trim()}'; see `runstrong exercises` or /exercises for the slugs");

        var variants = exercise.Progression.Select(v => v.Slug).ToArray();
        var variantText = string.IsNullOrWhiteSpace(input.Variant) && variants.Length == 1 ? variants[0] : input.Variant?.Trim().ToLowerInvariant();
        if (string.IsNullOrWhiteSpace(variantText))
        {
            throw Bad("variant", $"enter the variant of {exercise.Slug}: {string.Join(", ", variants)}");
        }

        var variant = exercise.Progression.FirstOrDefault(v => string.Equals(v.Slug, variantText, StringComparison.OrdinalIgnoreCase))
            ?? throw Bad("variant", $"unknown variant '{variantText}' of {exercise.Slug}; expected one of {string.Join(", ", variants)}");

        var reps = input.Reps ?? 0;
        if (reps < 0)
        {
            throw Bad("reps", string.Create(CultureInfo.InvariantCulture, $"reps must be 0 or more, got {reps}"));
        }

        if (reps > MostReps)
        {
            throw Bad("reps", string.Create(CultureInfo.InvariantCulture, $"{reps} reps in one set is more than {MostReps}; check the number (log each set on its own)"));
        }

        if (input.Seconds is > LongestSeconds)
        {
            throw Bad("seconds", string.Create(CultureInfo.InvariantCulture, $"{input.Seconds} seconds in one set is more than an hour ({LongestSeconds}); check the number"));
        }

        Mass? load = null;
        double? loadValue = null;
        string? loadUnit = null;
        if (!string.IsNullOrWhiteSpace(input.Load))
        {
            if (!Mass.TryParse(input.Load, bareUnit, out var mass, out var error))
            {
                throw Bad("load", error);
            }

            var unit = HasUnit(input.Load) ? UnitOf(input.Load) : bareUnit;
            if (mass > HeaviestLoad)
            {
                throw Bad("load", $"{mass.Format(unit)} is more than any lift on record ({Mass.From(Math.Round(HeaviestLoad.In(unit)), unit).Format(unit)}); check the number and its unit");
            }

            load = mass;
            loadUnit = unit == MassUnit.Pounds ? "lb" : "kg";
            loadValue = Math.Round(mass.In(unit), 3);
        }

        BandResistance? band = null;
        if (!string.IsNullOrWhiteSpace(input.Band))
        {
            band = Kebab.TryParse<BandResistance>(input.Band.Trim(), out var b)
                ? b
                : throw Bad("band", $"unknown band '{input.Band.Trim()}'; expected one of {string.Join(", ", Kebab.Names<BandResistance>())}");
        }

        if (input.Rpe is not null && input.RepsInReserve is not null)
        {
            throw Bad("rpe", "give RPE or reps in reserve, not both");
        }

        Rpe? effort;
        try
        {
            effort = input.Rpe is { } r ? Rpe.FromRating(r) : input.RepsInReserve is { } rir ? Rpe.FromRepsInReserve(rir) : null;
        }
        catch (DomainValueException e)
        {
            throw Bad(input.Rpe is null ? "repsInReserve" : "rpe", e.Message);
        }

        try
        {
            var set = new LoggedSet(exercise.Slug, variant.Slug, reps, load, band, input.Seconds, effort, input.Pain, input.Completed ?? true);
            return new ValidSet(set, loadValue, loadUnit, input.Rpe, input.RepsInReserve);
        }
        catch (DomainValueException e)
        {
            var field = e.Message.StartsWith("seconds", StringComparison.Ordinal) ? "seconds" : "reps";
            throw Bad(field, e.Message);
        }
    }

    /// <summary>True when the load text names a unit (any letter after the number).</summary>
    public static bool HasUnit(string load) => load.Any(char.IsAsciiLetter);

    /// <summary>The unit the runner typed: a word starting with l or p is pounds, else kilograms.</summary>
    public static MassUnit UnitOf(string load)
    {
        var letters = load.Trim().SkipWhile(c => !char.IsAsciiLetter(c)).FirstOrDefault();
        return char.ToLowerInvariant(letters) is 'l' or 'p' ? MassUnit.Pounds : MassUnit.Kilograms;
    }
}
