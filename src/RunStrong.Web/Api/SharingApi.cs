using Microsoft.AspNetCore.Http.HttpResults;
using RunStrong.Data;
using RunStrong.Features.Catalogue;
using RunStrong.Features.Coaching;
using RunStrong.Features.Common;
using RunStrong.Features.Plans;
using RunStrong.Features.Training;

namespace RunStrong.Web.Api;

/// <summary>
/// Coaching over JSON. The runner's side, <c>/api/shares</c>: share plans and log with a coach's account (read-only or
/// with plan editing), list, revoke. The coach's side, <c>/api/coach/athletes</c>: the runners who share, and each one's
/// plans and log, read through the same handlers as the runner's own API once the share is checked. An athlete who
/// does not share (or stopped) is 404 everywhere; a change the share does not allow is 403.
/// </summary>
public static class SharingApi
{
    public static IEndpointRouteBuilder MapSharingApi(this IEndpointRouteBuilder routes)
    {
        var shares = routes.MapGroup("/api/shares").WithTags("Sharing");
        shares.MapGet("/", ListSharesAsync)
            .WithName("ListCoachShares")
            .WithSummary("The coaches you share your plans and log with: coach, access (read or edit-plans), since");
        shares.MapPost("/", ShareAsync)
            .WithName("ShareWithCoach")
            .WithSummary("Share your plans and log with a coach's account by user name; sharing again changes the access")
            .WithDescription("Body: {\"coach\": \"user name\", \"access\": \"read\" | \"edit-plans\"}. A new share is 201, a changed one 200.")
            .ProducesValidationProblem();
        shares.MapDelete("/{id:long}", RevokeAsync)
            .WithName("RevokeCoachShare")
            .WithSummary("Stop sharing with a coach: they see nothing of yours from now on")
            .ProducesProblem(StatusCodes.Status404NotFound);

        var coach = routes.MapGroup("/api/coach/athletes").WithTags("Coaching");
        coach.MapGet("/", ListAthletesAsync)
            .WithName("ListAthletes")
            .WithSummary("The runners who share their plans and log with you");
        coach.MapGet("/{runnerId:guid}/plans", ListPlansAsync)
            .WithName("ListAthletePlans")
            .WithSummary("An athlete's plans, newest first")
            .ProducesProblem(StatusCodes.Status404NotFound);
        coach.MapGet("/{runnerId:guid}/plans/{id:long}", GetPlanAsync)
            .WithName("GetAthletePlan")
            .WithSummary("One of an athlete's plans with its weeks, days and sessions (without their private calendar address)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        coach.MapPut("/{runnerId:guid}/plans/{id:long}", UpdatePlanAsync)
            .WithName("UpdateAthletePlan")
            .WithSummary("Change an athlete's plan (profile and name), when they share with plan editing; read-only shares get 403")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        coach.MapGet("/{runnerId:guid}/log", LogAsync)
            .WithName("GetAthleteLog")
            .WithSummary("An athlete's log by day, newest first: strength sessions, runs and soreness check-ins")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    private static async Task<Ok<ListShares.Item[]>> ListSharesAsync(RunStrongDbContext db, ICurrentRunner runner, CancellationToken cancellationToken) =>
        TypedResults.Ok(await ListShares.HandleAsync(db, runner, cancellationToken));

    private static async Task<Results<Created<ListShares.Item>, Ok<ListShares.Item>>> ShareAsync(
        ShareWithCoach.Request request, RunStrongDbContext db, ICurrentRunner runner, TimeProvider clock, CancellationToken cancellationToken)
    {
        var shared = await ShareWithCoach.HandleAsync(db, runner, clock, request, cancellationToken);
        return shared.Created ? TypedResults.Created($"/api/shares/{shared.Share.Id}", shared.Share) : TypedResults.Ok(shared.Share);
    }

    private static async Task<NoContent> RevokeAsync(long id, RunStrongDbContext db, ICurrentRunner runner, CancellationToken cancellationToken)
    {
        await RevokeShare.HandleAsync(db, runner, id, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<ListAthletes.Item[]>> ListAthletesAsync(RunStrongDbContext db, ICurrentRunner coach, CancellationToken cancellationToken) =>
        TypedResults.Ok(await ListAthletes.HandleAsync(db, coach, cancellationToken));

    private static async Task<Ok<IReadOnlyList<ListPlans.Item>>> ListPlansAsync(
        Guid runnerId, RunStrongDbContext db, ICurrentRunner coach, CancellationToken cancellationToken)
    {
        var athlete = await AthleteAccess.OpenAsync(db, coach, runnerId, cancellationToken);
        return TypedResults.Ok(await ListPlans.HandleAsync(db, athlete.Runner, cancellationToken));
    }

    private static async Task<Ok<AthletePlan.Response>> GetPlanAsync(
        Guid runnerId, long id, RunStrongDbContext db, ExerciseCatalogue catalogue, ICurrentRunner coach, TimeProvider clock, CancellationToken cancellationToken)
    {
        var athlete = await AthleteAccess.OpenAsync(db, coach, runnerId, cancellationToken);
        return TypedResults.Ok(await AthletePlan.HandleAsync(db, catalogue, athlete, clock, id, cancellationToken));
    }

    private static async Task<Results<Ok<UpdatePlan.Response>, ProblemHttpResult>> UpdatePlanAsync(
        Guid runnerId, long id, PlansApi.PlanBody body, RunStrongDbContext db, ICurrentRunner coach, TimeProvider clock, CancellationToken cancellationToken)
    {
        var athlete = await AthleteAccess.OpenAsync(db, coach, runnerId, cancellationToken);
        if (!athlete.CanEditPlans)
        {
            return TypedResults.Problem(
                title: "Read-only share",
                detail: $"access: {athlete.Name} shares with you read-only; they can give you plan editing on their sharing page.",
                statusCode: StatusCodes.Status403Forbidden);
        }

        var request = new UpdatePlan.Request(body.Name, body.ProfileText, body.StartDate, body.Weeks);
        return TypedResults.Ok(await UpdatePlan.HandleAsync(db, athlete.Runner, clock, id, request, cancellationToken));
    }

    /// <param name="runnerId">The athlete.</param>
    /// <param name="from">First day, YYYY-MM-DD.</param>
    /// <param name="to">Last day, YYYY-MM-DD.</param>
    /// <param name="before">Only days before this one, YYYY-MM-DD: the previous page's nextBefore.</param>
    /// <param name="limit">At most this many days with entries (1 to 100, default 30).</param>
    private static async Task<Ok<History.Response>> LogAsync(
        Guid runnerId, DateOnly? from, DateOnly? to, DateOnly? before, int? limit, RunStrongDbContext db, ICurrentRunner coach, CancellationToken cancellationToken)
    {
        var athlete = await AthleteAccess.OpenAsync(db, coach, runnerId, cancellationToken);
        var page = await History.HandleAsync(db, athlete.Runner, new History.Request(from, to, before, limit), cancellationToken);
        // The next page is the athlete's, at this address, not the coach's own log.
        return TypedResults.Ok(page with
        {
            Next = page.NextBefore is { } next
                ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"/api/coach/athletes/{runnerId}/log?before={next:yyyy-MM-dd}&limit={limit ?? History.DefaultDays}")
                : null,
        });
    }
}
