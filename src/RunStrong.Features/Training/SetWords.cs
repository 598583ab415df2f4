using System.Globalization;
using RunStrong.Domain.Catalogue;
using RunStrong.Domain.Training;
using RunStrong.Features.Settings;

namespace RunStrong.Features.Training;

/// <summary>
/// Logged sets in words a runner reads (issue 13): the catalogue's names ("Bulgarian split squat, dumbbells"), loads in
/// the runner's unit ("8 x 12 kg", "8 x 26.5 lb"), bands, holds, effort and marks ("RPE 7", "pain", "failed").
/// </summary>
public static class SetWords
{
    /// <summary>
    /// "Bulgarian split squat, dumbbells": the catalogue's name and the rung in a word or two (its slug, which names
    /// what sets the rung apart); the name alone for an exercise with one rung. The slugs when the catalogue no longer
    /// has the exercise.
    /// </summary>
    public static string Exercise(IReadOnlyList<Exercise> catalogue, string exercise, string variant)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(variant);
        var entry = catalogue.FirstOrDefault(e => e.Slug == exercise);
        var rung = variant.Replace('-', ' ');
        return entry is null ? $"{exercise}, {rung}"
            : entry.Progression.Count <= 1 || variant == entry.Slug ? entry.Name
            : $"{entry.Name}, {rung}";
    }

    /// <summary>"8 x 12 kg", "12 + medium band", "30 s", "10 x 60 kg, RPE 8, pain", "6 x 80 kg, failed".</summary>
    public static string Set(LoggedSetView set, RunnerPreferences preferences)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(preferences);
        var text = set.Seconds is { } seconds && set.Reps == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{seconds} s")
            : set.Reps.ToString(CultureInfo.InvariantCulture);
        if (Load(set, preferences) is { } load)
        {
            text += " x " + load;
        }

        if (set.Band is { } band)
        {
            text += $" + {band} band";
        }

        if (set.Rpe is { } rpe)
        {
            text += string.Create(CultureInfo.InvariantCulture, $", RPE {rpe:0.#}");
        }
        else if (set.RepsInReserve is { } rir)
        {
            text += string.Create(CultureInfo.InvariantCulture, $", {rir} in reserve");
        }

        if (set.Pain)
        {
            text += ", pain";
        }

        if (!set.Completed)
        {
            text += ", failed";
        }

        return text;
    }

    /// <summary>The set's load in the runner's unit ("60 kg", "132.5 lb"), null without one.</summary>
    public static string? Load(LoggedSetView set, RunnerPreferences preferences)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(preferences);
        if (set.LoadValue is not { } value)
        {
            return null;
        }

        var mass = Mass.From(value, set.LoadUnit == "lb" ? MassUnit.Pounds : MassUnit.Kilograms);
        return preferences.ShowLoad(mass);
    }

    /// <summary>"Hip thrust, barbell: 12 x 60 kg, 12 x 60 kg; Clamshell, loop band: 15 + light band" for one-line summaries.</summary>
    public static string Session(IReadOnlyList<Exercise> catalogue, IEnumerable<LoggedSetView> sets, RunnerPreferences preferences) =>
        string.Join("; ", sets.OrderBy(s => s.Position).GroupBy(s => (s.Exercise, s.Variant))
            .Select(g => $"{Exercise(catalogue, g.Key.Exercise, g.Key.Variant)}: {string.Join(", ", g.Select(s => Set(s, preferences)))}"));
}
