using System.Globalization;
using RunStrong.Data;
using RunStrong.Domain.Planning;
using RunStrong.Features.Catalogue;
using RunStrong.Features.Common;
using RunStrong.Features.Plans;

namespace RunStrong.Web.Pages.Plans;

/// <summary>One day of one of the runner's plans, as the session and run pages open it from their address.</summary>
public sealed record PlanDayLookup(GetPlan.Response Plan, PlanDay Day, PlanWeek Week)
{
    /// <summary>The plan (following the log, as its page shows it) and its day <paramref name="date"/>; null when either is not there.</summary>
    public static async Task<PlanDayLookup?> FindAsync(
        RunStrongDbContext db, ExerciseCatalogue catalogue, ICurrentRunner runner, TimeProvider clock, long id, string date, CancellationToken cancellationToken)
    {
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return null;
        }

        GetPlan.Response plan;
        try
        {
            plan = await GetPlan.HandleAsync(db, catalogue, runner, clock, id, cancellationToken);
        }
        catch (UserInputException e) when (e.NotFound)
        {
            return null;
        }

        var found = plan.Plan.Days.FirstOrDefault(d => d.Date == day);
        return found is null ? null : new PlanDayLookup(plan, found, plan.Plan.Weeks.First(w => w.Days.Contains(found)));
    }
}
