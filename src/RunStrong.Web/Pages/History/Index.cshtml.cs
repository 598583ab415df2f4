using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RunStrong.Data;
using RunStrong.Domain.Catalogue;
using RunStrong.Features.Catalogue;
using RunStrong.Features.Common;
using RunStrong.Features.Settings;
using RunStrong.Features.Training;
using RunStrong.Web.Charts;
using RunStrong.Web.Hosting;

namespace RunStrong.Web.Pages.History;

/// <summary>
/// /history: the log a month at a time (newest first, <c>?month=2026-11</c>), each week with its totals, in the runner's
/// units and words; and weekly sets per muscle (hill work credited to the gluteus maximus). A month is read on its
/// own, so the page is as quick after ten years as after one.
/// </summary>
public sealed class IndexModel(RunStrongDbContext db, ICurrentRunner runner, RunnerPreferencesAccessor preferences, ExerciseCatalogue catalogue) : PageModel
{
    public Features.Training.History.Response Log { get; private set; } = null!;

    /// <summary>Sets per muscle of the eight weeks with training up to the month shown, oldest first.</summary>
    public IReadOnlyList<StrengthStats.WeekOfMuscles> MuscleWeeks { get; private set; } = [];

    public RunnerPreferences Preferences { get; private set; } = RunnerPreferences.Default;

    public IReadOnlyList<Exercise> Catalogue { get; private set; } = [];

    /// <summary>The first day of the month shown.</summary>
    public DateOnly Month { get; private set; }

    /// <summary>The month before, when anything was logged before this one.</summary>
    public DateOnly? Older { get; private set; }

    /// <summary>The month after, unless this is the current one.</summary>
    public DateOnly? Newer { get; private set; }

    public bool HasAnything { get; private set; }

    /// <summary>Why the month asked for is not shown (one outside the days RunStrong shows); this month is shown instead.</summary>
    public string? Error { get; private set; }

    public async Task OnGetAsync(string? month, CancellationToken cancellationToken)
    {
        Preferences = await preferences.GetAsync(cancellationToken);
        var today = await preferences.TodayAsync(cancellationToken);
        var current = new DateOnly(today.Year, today.Month, 1);
        Month = DateOnly.TryParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m) ? m : current;
        if (!LoggedDays.IsShown(Month, today))
        {
            // A month at the calendar's edge (0001-01, 9999-12) has no month before or after it to page to.
            Error = $"month: {month} is outside the months RunStrong shows ({LoggedDays.Earliest:yyyy-MM} to {today.AddYears(LoggedDays.ShownYearsAhead):yyyy-MM}); showing this month";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Month = current;
        }

        var last = Month.AddMonths(1).AddDays(-1);
        // The weeks the month's days fall in, whole: a week's totals count its days in the month before or after too.
        WholeWeeks = await Features.Training.History.HandleAsync(db, runner,
            new Features.Training.History.Request(Domain.Load.Weeks.StartOf(Month), Domain.Load.Weeks.StartOf(last).AddDays(6), Limit: 42), cancellationToken);
        Log = WholeWeeks with { Days = WholeWeeks.Days.Where(d => d.Date >= Month && d.Date <= last).ToArray() };
        Through = last < today ? last : today;
        MuscleWeeks = await StrengthStats.RecentWeeksOfMusclesAsync(db, runner, Through, 8, cancellationToken);
        Catalogue = await catalogue.AllAsync(cancellationToken);
        var before = await Features.Training.History.HandleAsync(db, runner, new Features.Training.History.Request(To: Month.AddDays(-1), Limit: 1), cancellationToken);
        Older = before.Days.Count > 0 ? new DateOnly(before.Days[0].Date.Year, before.Days[0].Date.Month, 1) : null;
        Newer = Month < current ? Month.AddMonths(1) : null;
        HasAnything = Log.Days.Count > 0 || Older is not null
            || await db.StrengthSessions.AnyAsync(s => s.OwnerId == runner.RunnerId, cancellationToken)
            || await db.Activities.AnyAsync(a => a.OwnerId == runner.RunnerId, cancellationToken);
    }

    /// <summary>The days of the weeks the month falls in, those of the months around it too (for the weeks' totals).</summary>
    public Features.Training.History.Response WholeWeeks { get; private set; } = null!;

    /// <summary>The last day the muscle chart counts: the month's last day, or today in this month.</summary>
    public DateOnly Through { get; private set; }

    /// <summary>The days of the month grouped by their week (Monday first), newest week first.</summary>
    public IEnumerable<IGrouping<DateOnly, Features.Training.History.Day>> Weeks =>
        Log.Days.GroupBy(d => Domain.Load.Weeks.StartOf(d.Date));

    /// <summary>
    /// "3 runs, 24.5 km in 2:10:00 · 2 strength sessions, 18 sets" for the whole week starting <paramref name="monday"/>,
    /// its days in the month before or after included (the dashboard's week is the same).
    /// </summary>
    public string WeekSummary(DateOnly monday)
    {
        var list = WholeWeeks.Days.Where(d => Domain.Load.Weeks.StartOf(d.Date) == monday).ToArray();
        var runs = list.SelectMany(d => d.Runs).ToArray();
        var sessions = list.SelectMany(d => d.Sessions).ToArray();
        var parts = new List<string>();
        if (runs.Length > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture,
                $"{runs.Length} run{(runs.Length == 1 ? "" : "s")}, {Preferences.ShowDistance(runs.Sum(r => r.DistanceMeters), 1)} in {Domain.Units.Measure.Duration(runs.Sum(r => r.Seconds))}"));
        }

        if (sessions.Length > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture,
                $"{sessions.Length} strength session{(sessions.Length == 1 ? "" : "s")}, {Count(sessions.Sum(s => s.Sets.Count), "set")}"));
        }

        return parts.Count == 0 ? "soreness check-ins only" : string.Join(" · ", parts);
    }

    /// <summary>"1 set", "18 sets".</summary>
    private static string Count(int n, string noun) => string.Create(CultureInfo.InvariantCulture, $"{n} {noun}{(n == 1 ? "" : "s")}");

    /// <summary>
    /// Whether the week starting <paramref name="monday"/> runs into the month before or after the one shown (its totals
    /// then count days not listed here).
    /// </summary>
    public bool CrossesTheMonth(DateOnly monday) => monday < Month || monday.AddDays(6) > Month.AddMonths(1).AddDays(-1);

    /// <summary>"Weeks of 12 Oct 2026 to 23 Nov 2026": the chart's bars carry day and month only.</summary>
    public string MuscleSpan => MuscleWeeks.Count == 0 ? ""
        : string.Create(CultureInfo.InvariantCulture, $"Weeks of {MuscleWeeks[0].WeekStart:d MMM yyyy} to {MuscleWeeks[^1].WeekStart:d MMM yyyy}.");

    /// <summary>Sets per muscle for the eight weeks with training up to the month shown, stacked by muscle.</summary>
    public BarChart MuscleChart()
    {
        var weeks = MuscleWeeks;
        var muscles = new[] { "gluteus-maximus", "gluteus-medius", "gluteus-minimus", "hamstrings", "quadriceps", "calves" };
        return new BarChart("muscle-sets", "Sets per muscle per week", muscles.Select(m => m.Replace('-', ' ')).ToArray(),
            weeks.Select(w => new ChartBar(w.WeekStart.ToString("d MMM", CultureInfo.InvariantCulture),
                muscles.Select(m => w.Sets.GetValueOrDefault(m)).ToArray())).ToArray())
        {
            YLabel = "sets",
            Summary = "Hard sets per muscle each week; hill sprints and hilly running count as gluteus maximus work.",
        };
    }
}
