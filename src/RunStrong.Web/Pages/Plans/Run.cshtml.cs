using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RunStrong.Data;
using RunStrong.Domain.Planning;
using RunStrong.Features.Catalogue;
using RunStrong.Features.Common;
using RunStrong.Features.Plans;

namespace RunStrong.Web.Pages.Plans;

/// <summary>One of the runner's own runs in a plan: its target (duration, effort, Daniels' paces) and "Log this".</summary>
public sealed class RunModel(RunStrongDbContext db, ExerciseCatalogue catalogue, ICurrentRunner runner, TimeProvider clock) : PageModel
{
    public GetPlan.Response Plan { get; private set; } = null!;

    public PlanDay Day { get; private set; } = null!;

    public PlanWeek Week { get; private set; } = null!;

    /// <summary>The result the paces come from ("your 5k in 24:30 (VDOT 39.9)"); null without one.</summary>
    public string? Basis { get; private set; }

    public string LogUrl { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(long id, string date, CancellationToken cancellationToken)
    {
        if (await PlanDayLookup.FindAsync(db, catalogue, runner, clock, id, date, cancellationToken) is not { Day.Run: not null } found)
        {
            return NotFound();
        }

        (Plan, Day, Week) = (found.Plan, found.Day, found.Week);
        Basis = new RunTargets(Plan.RunnerProfile, Plan.StartDate).Basis;
        LogUrl = PlanLabels.LogUrl(Day.Date, PlanLabels.RunKey(Day.Date));
        return Page();
    }
}
