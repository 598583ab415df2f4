using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RunStrong.Data;
using RunStrong.Domain.Catalogue;
using RunStrong.Features.Catalogue;
using RunStrong.Features.Common;
using RunStrong.Features.Training;
using RunStrong.Web.Charts;

namespace RunStrong.Web.Pages.Progress;

/// <summary>/progress/{slug}: one exercise's estimated 1RM and weekly volume, its records and the next prescription.</summary>
public sealed class DetailModel(
    RunStrongDbContext db, ICurrentRunner runner, TimeProvider clock, ExerciseCatalogue catalogue, Hosting.RunnerPreferencesAccessor preferences) : PageModel
{
    /// <summary>The runner's units: loads are shown in kg or lb.</summary>
    public Features.Settings.RunnerPreferences Units { get; private set; } = Features.Settings.RunnerPreferences.Default;

    public Exercise Exercise { get; private set; } = null!;

    public StrengthStats.ExerciseStats Stats { get; private set; } = null!;

    public NextPrescription.Item Next { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        try
        {
            Exercise = await catalogue.GetAsync(slug, cancellationToken);
        }
        catch (UserInputException e) when (e.NotFound)
        {
            return NotFound();
        }

        Units = await preferences.GetAsync(cancellationToken);
        Stats = await StrengthStats.ExerciseAsync(db, runner, Exercise.Slug, cancellationToken);
        Next = (await NextPrescription.HandleAsync(db, runner, clock, new NextPrescription.Request(Exercise.Slug), cancellationToken)).Exercises[0];
        return Page();
    }

    // Not named On...: Razor Pages would take a public method starting with "On" for a handler.
    public LineChart EstimatedMaxChart()
    {
        var epley = new ChartSeries("Epley", Stats.OneRepMax.Select(p => ((double)p.Date.DayNumber, InUnit(p.EpleyKilograms))).ToArray());
        var brzycki = new ChartSeries("Brzycki", Stats.OneRepMax.Select(p => ((double)p.Date.DayNumber, InUnit(p.BrzyckiKilograms))).ToArray());
        // The two formulas agree exactly at 10 reps: one line drawn over the other left a legend key with no line. One
        // line then, and the title says whose it is.
        var same = Stats.OneRepMax.All(p => Math.Abs(p.EpleyKilograms - p.BrzyckiKilograms) < 0.05);
        return new("one-rep-max", same ? $"Estimated 1RM, {Exercise.Name} (Epley and Brzycki agree at 10 reps)" : $"Estimated 1RM, {Exercise.Name}",
            same ? [epley with { Name = "Epley and Brzycki" }] : [epley, brzycki])
        {
            XIsDayNumber = true,
            FormatX = Day,
            // The ticks carry the unit ("55 kg"); a rotated "kg" beside them ran into the longer ones.
            FormatY = v => v.ToString("0.#", CultureInfo.InvariantCulture) + " " + Units.WeightName,
            Summary = "Estimated one-repetition maximum from each session's best set of 1 to 10 reps.",
        };
    }

    /// <summary>At most this many bars in the volume chart, so each stays a few pixels wide on a phone.</summary>
    public const int MostBars = 60;

    /// <summary>
    /// Sets per week while the weeks logged span at most <see cref="MostBars"/> weeks; over a longer log, per month, and
    /// past <see cref="MostBars"/> months per quarter (a week counts in the month its Monday falls in): ten years of
    /// weekly bars were each a fraction of a pixel on a phone.
    /// </summary>
    public BarChart VolumeChart()
    {
        var (per, bars) = VolumeBars(Stats.Volume);
        return new("volume", $"Sets per {per}, {Exercise.Name}", ["sets"], bars)
        {
            YLabel = "sets",
            Summary = per == "week"
                ? "Sets logged each week (Monday to Sunday)."
                : $"Sets logged each {per} (a week counts in the {per} its Monday falls in).",
        };
    }

    /// <summary>
    /// The bars of <see cref="VolumeChart"/> and what each stands for: "week", "month" or "quarter". Every week, month or
    /// quarter from the first to the last has its bar, an empty one when nothing was logged: a break shows as a gap.
    /// </summary>
    public static (string Per, ChartBar[] Bars) VolumeBars(IReadOnlyList<StrengthStats.WeekVolume> weeks)
    {
        ArgumentNullException.ThrowIfNull(weeks);
        if (weeks.Count == 0)
        {
            return ("week", []);
        }

        var (first, last) = (weeks[0].WeekStart, weeks[^1].WeekStart);
        if ((last.DayNumber - first.DayNumber) / 7 < MostBars)
        {
            var sets = weeks.ToDictionary(w => w.WeekStart, w => w.Sets);
            return ("week", [.. Enumerable.Range(0, ((last.DayNumber - first.DayNumber) / 7) + 1).Select(i => first.AddDays(7 * i))
                .Select(w => new ChartBar(w.ToString("d MMM", CultureInfo.InvariantCulture), [sets.GetValueOrDefault(w)], w))]);
        }

        return (last.Year * 12) + last.Month - ((first.Year * 12) + first.Month) < MostBars
            ? ("month", Bucket(weeks, 1, d => d.ToString("MMM yyyy", CultureInfo.InvariantCulture)))
            : ("quarter", Bucket(weeks, 3, d => $"Q{((d.Month - 1) / 3) + 1} {d.Year}"));
    }

    /// <summary>Sets per span of <paramref name="months"/> months (1 or 3), each week counted where its Monday falls.</summary>
    private static ChartBar[] Bucket(IReadOnlyList<StrengthStats.WeekVolume> weeks, int months, Func<DateOnly, string> label)
    {
        DateOnly Start(DateOnly d) => new(d.Year, ((d.Month - 1) / months * months) + 1, 1);
        var sets = weeks.GroupBy(w => Start(w.WeekStart)).ToDictionary(g => g.Key, g => g.Sum(w => w.Sets));
        var bars = new List<ChartBar>();
        for (var span = Start(weeks[0].WeekStart); span <= weeks[^1].WeekStart; span = span.AddMonths(months))
        {
            bars.Add(new ChartBar(label(span), [sets.GetValueOrDefault(span)]));
        }

        return [.. bars];
    }

    /// <summary>A load in kilograms as the runner reads it: "62.5 kg" or "137.8 lb".</summary>
    public string Kg(double? kg) => kg is { } v ? Units.ShowLoad(Domain.Training.Mass.FromKilograms(v)) : "—";

    private double InUnit(double kg) => Math.Round(Units.Weight == Domain.Training.MassUnit.Pounds ? kg / Domain.Training.Mass.KilogramsPerPound : kg, 1);

    private static string Day(double dayNumber) => DateOnly.FromDayNumber((int)Math.Round(dayNumber)).ToString("d MMM yyyy", CultureInfo.InvariantCulture);
}
