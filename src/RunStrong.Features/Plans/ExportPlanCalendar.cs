using RunStrong.Data;
using RunStrong.Features.Catalogue;
using RunStrong.Features.Common;

namespace RunStrong.Features.Plans;

/// <summary>A stored plan as an .ics download for its owner.</summary>
public static class ExportPlanCalendar
{
    public sealed record Response(string FileName, string Ics);

    public static async Task<Response> HandleAsync(
        RunStrongDbContext db, ExerciseCatalogue catalogue, ICurrentRunner runner, TimeProvider clock, long id, CancellationToken cancellationToken = default)
    {
        var plan = await GetPlan.HandleAsync(db, catalogue, runner, clock, id, cancellationToken);
        var slug = Domain.Catalogue.Kebab.Slugify(plan.Name) is { Length: > 0 } s ? s : "plan";
        return new Response($"{slug}.ics", PlanCalendar.ToIcs(plan.Plan, plan.Name, new DateTimeOffset(plan.UpdatedAt), PlanCalendarKey.For(plan.Id, plan.CreatedAt)));
    }
}
