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
public sealed class DetailModel(RunStrongDbContext db, ICurrentRunner runner, TimeProvider clock, ExerciseCatalogue catalogue) : PageModel
{
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

        Stats = (await StrengthStats.HandleAsync(db, runner, new StrengthStats.Request(Exercise.Slug), cancellationToken)).Exercises[0];
        Next = (await NextPrescription.HandleAsync(db, runner, clock, new NextPrescription.Request(Exercise.Slug), cancellationToken)).Exercises[0];
        return Page();
    }

    // Not named On...: Razor Pages would take a public method starting with "On" for a handler.
    public LineChart EstimatedMaxChart() =>
        new("one-rep-max", $"Estimated 1RM, {Exercise.Name}",
        [
            new ChartSeries("Epley", Stats.OneRepMax.Select(p => ((double)p.Date.DayNumber, p.EpleyKilograms)).ToArray()),
            new ChartSeries("Brzycki", Stats.OneRepMax.Select(p => ((double)p.Date.DayNumber, p.BrzyckiKilograms)).ToArray()),
        ])
        {
            FormatX = Day,
            FormatY = v => v.ToString("0.#", CultureInfo.InvariantCulture) + " kg",
            YLabel = "kg",
            Summary = "Estimated one-repetition maximum from each session's best set of 1 to 10 reps.",
        };

    public BarChart VolumeChart() =>
        new("volume", $"Sets per week, {Exercise.Name}", ["sets"],
            Stats.Volume.Select(w => new ChartBar(w.WeekStart.ToString("d MMM", CultureInfo.InvariantCulture), [w.Sets])).ToArray())
        {
            YLabel = "sets",
            Summary = "Sets logged each week (Monday to Sunday).",
        };

    public static string Kg(double? kg) => kg is { } v ? v.ToString("0.#", CultureInfo.InvariantCulture) + " kg" : "—";

    private static string Day(double dayNumber) => DateOnly.FromDayNumber((int)Math.Round(dayNumber)).ToString("d MMM", CultureInfo.InvariantCulture);
}
