using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using RunStrong.Data;
using RunStrong.Domain.Planning;
using RunStrong.Features.Catalogue;
using RunStrong.Features.Common;
using RunStrong.Features.Plans;

namespace RunStrong.Web.Api;

/// <summary>Plans over JSON (<c>/api/plans</c>) and the private calendar feed (<c>/calendar/{token}.ics</c>).</summary>
public static class PlansApi
{
    /// <summary>What a client sends to create, preview or change a plan.</summary>
    /// <param name="Name">The plan's name; default from the race or the start.</param>
    /// <param name="Profile">The runner profile: a JSON object (or a string holding one) in RunnerProfileJson's shape.</param>
    /// <param name="Start">First day, YYYY-MM-DD; default the profile's start, else today (an edited plan keeps its own).</param>
    /// <param name="Weeks">Plan length in weeks, only for a plan without a race.</param>
    public sealed record PlanBody(string? Name, JsonElement? Profile, string? Start, int? Weeks)
    {
        internal string? ProfileText => Profile switch
        {
            null => null,
            { ValueKind: JsonValueKind.String } p => p.GetString(),
            { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
            { } p => p.GetRawText(),
        };

        internal DateOnly? StartDate =>
            string.IsNullOrWhiteSpace(Start) ? null
            : DateOnly.TryParseExact(Start.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
            : throw new UserInputException("start", $"start: '{Start}' is not a date; expected YYYY-MM-DD");
    }

    public static IEndpointRouteBuilder MapPlansApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/plans").WithTags("Plans");

        group.MapPost("/preview", PreviewAsync)
            .WithName("PreviewPlan")
            .WithSummary("Generate a plan from a profile without storing it")
            .ProducesValidationProblem();
        group.MapPost("/", CreateAsync)
            .WithName("CreatePlan")
            .WithSummary("Store a plan (its profile); the plan is generated from it on every read")
            .ProducesValidationProblem();
        group.MapGet("/", ListAsync)
            .WithName("ListPlans")
            .WithSummary("The runner's stored plans, newest first");
        group.MapGet("/{id:long}", GetAsync)
            .WithName("GetPlan")
            .WithSummary("One stored plan with its generated weeks, days and sessions")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:long}.ics", CalendarAsync)
            .WithName("GetPlanCalendar")
            .WithSummary("One stored plan as an iCalendar (.ics) file: an all-day event per session")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:long}/sessions/{key}.fit", SessionWorkoutAsync)
            .WithName("GetPlanSessionWorkout")
            .WithSummary("One planned strength, hill-sprint or drills session as a FIT workout file for a watch; the key is the session's day and number (2026-12-08#0, escaped as 2026-12-08%230, or 2026-12-08-0)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:long}/weeks/{week:int}.zip", WeekWorkoutsAsync)
            .WithName("GetPlanWeekWorkouts")
            .WithSummary("A plan week's sessions as FIT workout files for a watch, one per session (named by date and kind), in a zip")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{id:long}", UpdateAsync)
            .WithName("UpdatePlan")
            .WithSummary("Replace a plan's profile and name: re-plans; logged strength sessions are kept")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/{id:long}", DeleteAsync)
            .WithName("DeletePlan")
            .WithSummary("Delete a plan; logged strength sessions are kept")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:long}/calendar-token", RotateAsync)
            .WithName("RotatePlanCalendarToken")
            .WithSummary("Give the plan a new private calendar URL; the old one stops working")
            .ProducesProblem(StatusCodes.Status404NotFound);

        routes.MapGet("/calendar/{token}.ics", FeedAsync)
            .WithTags("Calendar")
            .WithName("PlanCalendarFeed")
            .WithSummary("A plan's private calendar feed: subscribe to it from Google, Apple or Outlook calendar (the token is the secret)")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .AllowAnonymous();
        return routes;
    }

    private static async Task<Ok<Plan>> PreviewAsync(
        PlanBody body, RunStrongDbContext db, ICurrentRunner runner, ExerciseCatalogue catalogue, TimeProvider clock, CancellationToken cancellationToken)
    {
        var preferences = await Features.Settings.RunnerPreferences.GetAsync(db, runner, cancellationToken);
        var preview = await PreviewPlan.HandleAsync(catalogue, clock, new PreviewPlan.Request(body.ProfileText, body.StartDate, body.Weeks, preferences), cancellationToken);
        return TypedResults.Ok(preview.Plan);
    }

    private static async Task<Created<CreatePlan.Response>> CreateAsync(
        PlanBody body, RunStrongDbContext db, ICurrentRunner runner, TimeProvider clock, CancellationToken cancellationToken)
    {
        var created = await CreatePlan.HandleAsync(db, runner, clock, new CreatePlan.Request(body.Name, body.ProfileText, body.StartDate, body.Weeks), cancellationToken);
        return TypedResults.Created($"/api/plans/{created.Id}", created);
    }

    private static async Task<Ok<IReadOnlyList<ListPlans.Item>>> ListAsync(RunStrongDbContext db, ICurrentRunner runner, CancellationToken cancellationToken) =>
        TypedResults.Ok(await ListPlans.HandleAsync(db, runner, cancellationToken));

    private static async Task<Ok<GetPlan.Response>> GetAsync(
        long id, RunStrongDbContext db, ExerciseCatalogue catalogue, ICurrentRunner runner, TimeProvider clock, CancellationToken cancellationToken) =>
        TypedResults.Ok(await GetPlan.HandleAsync(db, catalogue, runner, clock, id, cancellationToken));

    private static async Task<FileContentHttpResult> CalendarAsync(
        long id, RunStrongDbContext db, ExerciseCatalogue catalogue, ICurrentRunner runner, TimeProvider clock, CancellationToken cancellationToken)
    {
        var export = await ExportPlanCalendar.HandleAsync(db, catalogue, runner, clock, id, cancellationToken);
        return TypedResults.File(Encoding.UTF8.GetBytes(export.Ics), "text/calendar; charset=utf-8", export.FileName);
    }

    private static async Task<FileContentHttpResult> SessionWorkoutAsync(
        long id, string key, RunStrongDbContext db, ExerciseCatalogue catalogue, ICurrentRunner runner, TimeProvider clock, CancellationToken cancellationToken)
    {
        PlanWorkouts.ParseKey(key);
        var plan = await GetPlan.HandleAsync(db, catalogue, runner, clock, id, cancellationToken);
        var file = await PlanWorkouts.ForSessionAsync(plan.Plan, key, catalogue, clock, cancellationToken);
        return TypedResults.File(file.Bytes, PlanWorkouts.FitContentType, file.Name);
    }

    private static async Task<FileContentHttpResult> WeekWorkoutsAsync(
        long id, int week, RunStrongDbContext db, ExerciseCatalogue catalogue, ICurrentRunner runner, TimeProvider clock, CancellationToken cancellationToken)
    {
        var plan = await GetPlan.HandleAsync(db, catalogue, runner, clock, id, cancellationToken);
        var found = plan.Plan.Weeks.FirstOrDefault(w => w.Index == week)
            ?? throw new UserInputException("week", $"week: the plan has weeks 1 to {plan.Plan.Weeks.Count}, not {week}", notFound: true);
        var files = await PlanWorkouts.ForDaysAsync(found.Days, catalogue, clock, cancellationToken);
        if (files.Count == 0)
        {
            throw new UserInputException("week", $"week: week {week} has no strength, hill-sprint or drills session", notFound: true);
        }

        return TypedResults.File(PlanWorkouts.Zip(files), "application/zip", string.Create(CultureInfo.InvariantCulture, $"plan-{id}-week-{week}-workouts.zip"));
    }

    private static async Task<Ok<UpdatePlan.Response>> UpdateAsync(
        long id, PlanBody body, RunStrongDbContext db, ICurrentRunner runner, TimeProvider clock, CancellationToken cancellationToken) =>
        TypedResults.Ok(await UpdatePlan.HandleAsync(db, runner, clock, id, new UpdatePlan.Request(body.Name, body.ProfileText, body.StartDate, body.Weeks), cancellationToken));

    private static async Task<NoContent> DeleteAsync(long id, RunStrongDbContext db, ICurrentRunner runner, CancellationToken cancellationToken)
    {
        await DeletePlan.HandleAsync(db, runner, id, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<RotateCalendarToken.Response>> RotateAsync(
        long id, RunStrongDbContext db, ICurrentRunner runner, TimeProvider clock, CancellationToken cancellationToken) =>
        TypedResults.Ok(await RotateCalendarToken.HandleAsync(db, runner, clock, id, cancellationToken));

    private static async Task<ContentHttpResult> FeedAsync(string token, RunStrongDbContext db, ExerciseCatalogue catalogue, TimeProvider clock, CancellationToken cancellationToken)
    {
        var feed = await GetPlanByCalendarToken.HandleAsync(db, catalogue, clock, token, cancellationToken);
        return TypedResults.Text(feed.Ics, "text/calendar; charset=utf-8");
    }
}
