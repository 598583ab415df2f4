using Microsoft.AspNetCore.Http.HttpResults;
using RunStrong.Data;
using RunStrong.Features.Common;
using RunStrong.Features.Training;

namespace RunStrong.Web.Api;

/// <summary>The progression engine and strength statistics over JSON: <c>/api/progression</c>, <c>/api/stats/strength</c>.</summary>
public static class ProgressionApi
{
    public static IEndpointRouteBuilder MapProgressionApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/progression").WithTags("Progression")
            .MapGet("/", NextAsync)
            .WithName("GetNextPrescriptions")
            .WithSummary("The next session's prescription per exercise, computed from the log, each with its reason")
            .WithDescription("exercise: one slug (default: every exercise planned next or in the log). date: the day to prescribe for (deload weeks).")
            .ProducesValidationProblem();

        routes.MapGroup("/api/stats").WithTags("Statistics")
            .MapGet("/strength", StatsAsync)
            .WithName("GetStrengthStats")
            .WithSummary("Estimated 1RM over time (Epley, Brzycki), personal records, weekly volume per exercise and weekly sets per muscle")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    private static async Task<Ok<NextPrescription.Response>> NextAsync(
        RunStrongDbContext db, ICurrentRunner runner, TimeProvider clock, string? exercise, DateOnly? date, CancellationToken cancellationToken) =>
        TypedResults.Ok(await NextPrescription.HandleAsync(db, runner, clock, new NextPrescription.Request(exercise, date), cancellationToken));

    private static async Task<Ok<StrengthStats.Response>> StatsAsync(
        RunStrongDbContext db, ICurrentRunner runner, string? exercise, CancellationToken cancellationToken) =>
        TypedResults.Ok(await StrengthStats.HandleAsync(db, runner, new StrengthStats.Request(exercise), cancellationToken));
}
