using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RunStrong.Data;
using RunStrong.Domain.Planning;
using RunStrong.Features.Catalogue;
using RunStrong.Features.Coaching;
using RunStrong.Features.Common;
using RunStrong.Features.Plans;
using RunStrong.Features.Training;

namespace RunStrong.Web.Pages.Coach;

/// <summary>
/// /coach/{runnerId}: an athlete's plan (newest first, one week at a time, <c>?plan=&amp;week=</c>) and their most recent
/// logged days, read-only. 404 unless the athlete shares with the signed-in account.
/// </summary>
public sealed class AthleteModel(RunStrongDbContext db, ExerciseCatalogue catalogue, ICurrentRunner coach, TimeProvider clock) : PageModel
{
    /// <summary>How many logged days the page shows, newest first.</summary>
    public const int RecentDays = 10;

    public AthleteAccess.Athlete Athlete { get; private set; } = null!;

    public IReadOnlyList<ListPlans.Item> Plans { get; private set; } = [];

    public AthletePlan.Response? Plan { get; private set; }

    public PlanWeek? Week { get; private set; }

    public DateOnly Today { get; private set; }

    public IReadOnlyList<Features.Training.History.Day> Log { get; private set; } = [];

    /// <summary>The weight unit the viewer reads loads in (their settings): a plan made in kg reads in lb once they chose lb (docs/decisions/0037).</summary>
    public Domain.Training.MassUnit Weight { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid runnerId, long? plan, int? week, CancellationToken cancellationToken)
    {
        try
        {
            Athlete = await AthleteAccess.OpenAsync(db, coach, runnerId, cancellationToken);
            Weight = (await Features.Settings.RunnerPreferences.GetAsync(db, coach, cancellationToken)).Weight;
            Plans = await ListPlans.HandleAsync(db, Athlete.Runner, cancellationToken);
            if ((plan is { } chosen ? Plans.FirstOrDefault(p => p.Id == chosen) : Plans.Count > 0 ? Plans[0] : null) is { } shown)
            {
                Plan = await AthletePlan.HandleAsync(db, catalogue, Athlete, clock, shown.Id, cancellationToken);
            }
        }
        catch (UserInputException e) when (e.NotFound)
        {
            return NotFound();
        }

        // The athlete's day, in the athlete's time zone.
        Today = await Features.Training.TrainingData.TodayAsync(db, Athlete.Runner, clock, cancellationToken);
        if (Plan is { Plan.Weeks.Count: > 0 } p)
        {
            var current = p.Plan.Weeks.FirstOrDefault(w => w.Days[0].Date <= Today && Today <= w.Days[^1].Date);
            var index = week is { } n ? Math.Clamp(n, 1, p.Plan.Weeks.Count) : current?.Index ?? 1;
            Week = p.Plan.Weeks[index - 1];
        }

        Log = (await Features.Training.History.HandleAsync(db, Athlete.Runner, new Features.Training.History.Request(), cancellationToken)).Days.Take(RecentDays).ToArray();
        return Page();
    }

    public string WeekUrl(int week) => $"/coach/{Athlete.RunnerId}?plan={Plan!.Id}&week={week}";
}
