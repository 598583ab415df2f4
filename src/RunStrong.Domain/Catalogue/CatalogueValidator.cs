using System.Text.RegularExpressions;

namespace RunStrong.Domain.Catalogue;

/// <summary>
/// Checks catalogue entries before RunStrong uses them: built-in entries at load, imported entries before they are
/// stored. Every problem names its entry (number from 1 in list order, and slug).
/// </summary>
public static partial class CatalogueValidator
{
    /// <summary>Most sets a single prescription may ask for (hill sprints count one sprint per set).</summary>
    public const int MaxSets = 10;

    /// <summary>Longest timed dose in seconds: a hilly run of up to two hours.</summary>
    public const int MaxSeconds = 7200;

    /// <summary>Longest rest between sets in seconds (walking down a hill takes 2–3 min, domain.md §4).</summary>
    public const int MaxRestSeconds = 600;

    private static readonly HashSet<Equipment> Weights =
        [Equipment.Barbell, Equipment.Dumbbell, Equipment.Kettlebell, Equipment.Cable, Equipment.Machine, Equipment.HipThrustMachine];

    /// <summary>True when <paramref name="slug"/> is lower-case kebab-case: <c>single-leg-calf-raise</c>.</summary>
    public static bool IsKebabSlug(string? slug) => slug is not null && KebabSlug().IsMatch(slug);

    /// <summary>All problems in <paramref name="exercises"/>; empty when every entry is sound.</summary>
    public static IReadOnlyList<CatalogueProblem> Validate(IReadOnlyList<Exercise> exercises)
    {
        var problems = new List<CatalogueProblem>();
        var firstWithSlug = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < exercises.Count; i++)
        {
            var exercise = exercises[i];
            var number = i + 1;
            foreach (var message in ValidateEntry(exercise))
            {
                problems.Add(new CatalogueProblem(number, exercise.Slug, message));
            }

            if (!string.IsNullOrEmpty(exercise.Slug) && !firstWithSlug.TryAdd(exercise.Slug, number))
            {
                problems.Add(new CatalogueProblem(number, exercise.Slug, $"slug already used by entry {firstWithSlug[exercise.Slug]}"));
            }
        }

        return problems;
    }

    /// <summary>The problems of one entry, without its number (uniqueness across entries is checked by <see cref="Validate"/>).</summary>
    public static IReadOnlyList<string> ValidateEntry(Exercise exercise)
    {
        var problems = new List<string>();
        if (!IsKebabSlug(exercise.Slug))
        {
            problems.Add($"slug '{exercise.Slug}' is not kebab-case (lower-case letters and digits joined by single hyphens)");
        }

        if (string.IsNullOrWhiteSpace(exercise.Name))
        {
            problems.Add("name is empty");
        }

        CheckDefined(exercise.Kind, "kind", problems);
        CheckDefined(exercise.Level, "level", problems);
        CheckList(exercise.PrimaryMuscles, "primary muscle", required: true, problems);
        CheckList(exercise.SecondaryMuscles, "secondary muscle", required: false, problems);
        foreach (var muscle in (exercise.PrimaryMuscles ?? []).Intersect(exercise.SecondaryMuscles ?? []))
        {
            problems.Add($"muscle '{Kebab.Name(muscle)}' is both primary and secondary");
        }

        CheckList(exercise.JointActions, "joint action", required: true, problems);
        CheckList(exercise.Locations, "location", required: true, problems);
        CheckEquipment(exercise.Equipment, "equipment", problems);
        CheckDose(exercise.Dose, problems);
        CheckTexts(exercise.Cues, "cue", problems);
        CheckTexts(exercise.CommonMistakes, "common mistake", problems);
        CheckProgression(exercise, problems);
        CheckSource(exercise.Source, problems);

        if (exercise.Kind == ExerciseKind.Hill)
        {
            if (exercise.Equipment?.Contains(Equipment.Hill) != true)
            {
                problems.Add("hill work needs the equipment 'hill'");
            }

            if (exercise.Locations?.Contains(Location.Outdoors) != true)
            {
                problems.Add("hill work must list the location 'outdoors'");
            }
        }

        return problems;
    }

    private static void CheckDefined<TEnum>(TEnum value, string what, List<string> problems) where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            problems.Add($"{what} {value} is not one of {string.Join(", ", Kebab.Names<TEnum>())}");
        }
    }

    private static void CheckList<TEnum>(IReadOnlyList<TEnum>? values, string what, bool required, List<string> problems)
        where TEnum : struct, Enum
    {
        if (values is null || values.Count == 0)
        {
            if (required)
            {
                problems.Add($"needs at least one {what}");
            }

            return;
        }

        foreach (var value in values)
        {
            CheckDefined(value, what, problems);
        }

        foreach (var duplicate in values.GroupBy(v => v).Where(g => g.Count() > 1))
        {
            problems.Add($"{what} '{Kebab.Name(duplicate.Key)}' is listed twice");
        }
    }

    private static void CheckEquipment(IReadOnlyList<Equipment>? equipment, string where, List<string> problems)
    {
        CheckList(equipment, where == "equipment" ? "equipment" : $"{where} equipment", required: true, problems);
        if (equipment is { Count: > 1 } && equipment.Contains(Equipment.None))
        {
            problems.Add($"{where}: 'none' cannot be listed with other equipment");
        }
    }

    private static void CheckDose(Dose? dose, List<string> problems)
    {
        if (dose is null)
        {
            problems.Add("dose is missing");
            return;
        }

        if (dose.Sets is < 1 or > MaxSets)
        {
            problems.Add($"dose: sets must be 1 to {MaxSets}, not {dose.Sets}");
        }

        if (dose.RestSeconds is < 0 or > MaxRestSeconds)
        {
            problems.Add($"dose: restSeconds must be 0 to {MaxRestSeconds}, not {dose.RestSeconds}");
        }

        var hasReps = dose.RepsMin is not null || dose.RepsMax is not null;
        var hasSeconds = dose.Seconds is not null;
        if (hasReps == hasSeconds)
        {
            problems.Add(hasReps
                ? "dose: give either reps (repsMin/repsMax) or seconds, not both"
                : "dose: give either reps (repsMin/repsMax) or seconds");
        }

        if (hasReps)
        {
            if (dose.RepsMin is null || dose.RepsMax is null)
            {
                problems.Add("dose: repsMin and repsMax go together");
            }
            else if (dose.RepsMin < 1 || dose.RepsMin > dose.RepsMax || dose.RepsMax > 100)
            {
                problems.Add($"dose: reps {dose.RepsMin}–{dose.RepsMax} must satisfy 1 <= repsMin <= repsMax <= 100");
            }
        }

        if (dose.Seconds is { } seconds && seconds is < 1 or > MaxSeconds)
        {
            problems.Add($"dose: seconds must be 1 to {MaxSeconds}, not {seconds}");
        }
    }

    private static void CheckTexts(IReadOnlyList<string>? texts, string what, List<string> problems)
    {
        if (texts is not null && texts.Any(string.IsNullOrWhiteSpace))
        {
            problems.Add($"a {what} is empty");
        }
    }

    private static void CheckProgression(Exercise exercise, List<string> problems)
    {
        var progression = exercise.Progression;
        if (progression is null || progression.Count == 0)
        {
            problems.Add("progression is empty: an exercise without a ladder still has one variant");
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < progression.Count; i++)
        {
            var variant = progression[i];
            var label = $"progression {i + 1} '{variant.Slug}'";
            if (!IsKebabSlug(variant.Slug))
            {
                problems.Add($"{label}: slug is not kebab-case");
            }
            else if (!seen.Add(variant.Slug))
            {
                problems.Add($"{label}: variant slug is used twice");
            }

            if (string.IsNullOrWhiteSpace(variant.Name))
            {
                problems.Add($"{label}: name is empty");
            }

            CheckDefined(variant.Load, $"{label}: load", problems);
            CheckEquipment(variant.Equipment, label, problems);
            if (variant.Equipment is { Count: > 0 } equipment)
            {
                CheckLoad(variant.Load, equipment, label, problems);
            }
        }

        if (exercise.Equipment is { Count: > 0 } && progression[0].Equipment is { Count: > 0 } easiest
            && !exercise.Equipment.ToHashSet().SetEquals(easiest))
        {
            problems.Add($"equipment ({string.Join(", ", exercise.Equipment.Select(Kebab.Name))}) must be that of the easiest variant "
                + $"'{progression[0].Slug}' ({string.Join(", ", easiest.Select(Kebab.Name))})");
        }
    }

    // The load kind says how a rung is loaded; its equipment must make that possible (domain.md §3 ladder).
    private static void CheckLoad(LoadKind load, IReadOnlyList<Equipment> equipment, string label, List<string> problems)
    {
        var band = equipment.Contains(Equipment.LoopBand);
        var weight = equipment.Any(Weights.Contains);
        var message = load switch
        {
            LoadKind.Bodyweight when band || weight => "a bodyweight rung cannot need a band or a weight",
            LoadKind.Band when !band => "a band rung needs 'loop-band'",
            LoadKind.Band when weight => "a band rung with a weight is 'external-plus-band'",
            LoadKind.External when !weight => "an external-load rung needs a barbell, dumbbell, kettlebell, cable or machine",
            LoadKind.External when band => "an external-load rung with a band is 'external-plus-band'",
            LoadKind.ExternalPlusBand when !(band && weight) => "an external-plus-band rung needs 'loop-band' and a weight",
            _ => null,
        };
        if (message is not null)
        {
            problems.Add($"{label}: {message}");
        }
    }

    private static void CheckSource(ExerciseSource? source, List<string> problems)
    {
        if (source is null || string.IsNullOrWhiteSpace(source.Name))
        {
            problems.Add("source needs a name");
        }
        else if (source.Name != ExerciseSource.BuiltIn.Name && string.IsNullOrWhiteSpace(source.ExternalId))
        {
            problems.Add($"an entry from '{source.Name}' needs its externalId, so that re-import finds it again");
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex KebabSlug();
}
