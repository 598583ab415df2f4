using Microsoft.AspNetCore.Http.HttpResults;
using RunStrong.Data;
using RunStrong.Features.Catalogue;
using RunStrong.Features.Common;
using RunStrong.Features.Dashboard;

namespace RunStrong.Web.Api;

/// <summary>The dashboard's numbers over JSON: <c>/api/dashboard</c>.</summary>
public static class DashboardApi
{
    public static IEndpointRouteBuilder MapDashboardApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/dashboard").WithTags("Dashboard");

        group.MapGet("/", GetAsync)
            .WithName("GetDashboard")
            .WithSummary("The current runner's dashboard: volume, strength, sets per muscle, 1RM and prediction trends, load, soreness and suggestions")
            .WithDescription("Weekly series (Monday to Sunday) for the last `weeks` weeks up to `to` (default: 16 weeks up to today), this week of the newest plan with what is done, and rule-based suggestions with their reasons.")
            .ProducesValidationProblem()
            .KeptPerRunner();

        return routes;
    }

    /// <param name="to">The last day shown (yyyy-MM-dd); today when left out.</param>
    /// <param name="weeks">Weeks shown, 1–104; 16 when left out.</param>
    private static async Task<Ok<DashboardView>> GetAsync(
        RunStrongDbContext db, ExerciseCatalogue catalogue, ICurrentRunner runner, TimeProvider clock, string? to, int? weeks,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await GetDashboard.HandleAsync(db, catalogue, runner, clock,
            new GetDashboard.Request(GetDashboard.ParseTo(to), weeks ?? GetDashboard.DefaultWeeks), cancellationToken));
}
