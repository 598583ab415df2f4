using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RunStrong.Data;
using RunStrong.Domain.Planning;
using RunStrong.Features.Catalogue;
using RunStrong.Features.Common;
using RunStrong.Features.Plans;

namespace RunStrong.Web.Pages.Plans;

/// <summary>A plan as a month calendar (default) or one week (<c>?view=week&amp;week=N</c>), with its calendar URL.</summary>
public sealed class ShowModel(RunStrongDbContext db, ExerciseCatalogue catalogue, ICurrentRunner runner, TimeProvider clock) : PageModel
{
    public GetPlan.Response Plan { get; private set; } = null!;

    public bool WeekView { get; private set; }

    public PlanWeek Week { get; private set; } = null!;

    /// <summary>First day of the month shown.</summary>
    public DateOnly Month { get; private set; }

    public DateOnly FirstMonth { get; private set; }

    public DateOnly LastMonth { get; private set; }

    public Dictionary<DateOnly, PlanDay> Days { get; private set; } = [];

    public string FeedUrl { get; private set; } = "";

    public string WebcalUrl { get; private set; } = "";

    [TempData]
    public string? Notice { get; set; }

    /// <summary>The weight unit the viewer reads loads in (their settings): a plan made in kg reads in lb once they chose lb (docs/decisions/0037).</summary>
    public Domain.Training.MassUnit Weight { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, string? view, int? week, string? month, CancellationToken cancellationToken)
    {
        try
        {
            Plan = await GetPlan.HandleAsync(db, catalogue, runner, clock, id, cancellationToken);
            Weight = (await Features.Settings.RunnerPreferences.GetAsync(db, runner, cancellationToken)).Weight;
        }
        catch (UserInputException e) when (e.NotFound)
        {
            return NotFound();
        }

        Days = Plan.Plan.Days.ToDictionary(d => d.Date);
        var first = Plan.Plan.Days.First().Date;
        var last = Plan.Plan.Days.Last().Date;
        FirstMonth = new DateOnly(first.Year, first.Month, 1);
        LastMonth = new DateOnly(last.Year, last.Month, 1);
        var today = await Features.Training.TrainingData.TodayAsync(db, runner, clock, cancellationToken);
        var current = Plan.Plan.Weeks.FirstOrDefault(w => w.Days[0].Date <= today && today <= w.Days[^1].Date);

        WeekView = string.Equals(view, "week", StringComparison.OrdinalIgnoreCase);
        var index = week is { } n ? Math.Clamp(n, 1, Plan.Plan.Weeks.Count) : current?.Index ?? 1;
        Week = Plan.Plan.Weeks[index - 1];

        Month = DateOnly.TryParseExact(month, "yyyy-MM", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var m)
            ? m
            : current is not null ? new DateOnly(today.Year, today.Month, 1) : FirstMonth;
        Month = Month < FirstMonth ? FirstMonth : Month > LastMonth ? LastMonth : Month;

        var host = Request.Host.ToUriComponent();
        FeedUrl = $"{Request.Scheme}://{host}/calendar/{Plan.CalendarToken}.ics";
        WebcalUrl = $"webcal://{host}/calendar/{Plan.CalendarToken}.ics";
        return Page();
    }

    public async Task<IActionResult> OnPostRotateAsync(long id, CancellationToken cancellationToken)
    {
        try
        {
            await RotateCalendarToken.HandleAsync(db, runner, clock, id, cancellationToken);
            Notice = "New calendar address made. The old one no longer works: subscribe again with the new one.";
            return Redirect($"/plans/{id}#subscribe");
        }
        catch (UserInputException e) when (e.NotFound)
        {
            return NotFound();
        }
    }

    public async Task<IActionResult> OnPostDeleteAsync(long id, CancellationToken cancellationToken)
    {
        try
        {
            await DeletePlan.HandleAsync(db, runner, id, cancellationToken);
            TempData["Notice"] = "Plan deleted. Strength sessions you logged are kept.";
            return Redirect("/plans");
        }
        catch (UserInputException e) when (e.NotFound)
        {
            return NotFound();
        }
    }
}
