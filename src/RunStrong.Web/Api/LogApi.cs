using Microsoft.AspNetCore.Http.HttpResults;
using RunStrong.Data;
using RunStrong.Features.Common;
using RunStrong.Features.Training;

namespace RunStrong.Web.Api;

/// <summary>
/// The training log over JSON: <c>/api/log</c> (by day), <c>/api/log/strength</c>, <c>/api/log/sets</c> (one set,
/// idempotent), <c>/api/log/runs</c> and <c>/api/log/soreness</c>. Bad input is a ProblemDetails naming the field
/// (<c>sets[0].load</c>).
/// </summary>
public static class LogApi
{
    public static IEndpointRouteBuilder MapLogApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/log").WithTags("Training log");

        group.MapGet("/", HistoryAsync)
            .WithName("GetTrainingLog")
            .WithSummary("The log by day, newest first: strength sessions, runs and soreness check-ins")
            .ProducesValidationProblem();

        group.MapPost("/strength", LogStrengthAsync)
            .WithName("LogStrengthSession")
            .WithSummary("Log a strength session with its sets")
            .WithDescription("Each set: exercise and variant slugs, reps (per side for single-leg work), load with its unit (\"60kg\", \"135 lb\"), band (light, medium, heavy), seconds for holds, rpe (1–10) or repsInReserve, pain, completed. The session links to the plan's strength session that day unless linkToPlan is false.")
            .ProducesValidationProblem();
        group.MapGet("/strength", ListStrengthAsync)
            .WithName("ListStrengthSessions")
            .WithSummary("Logged strength sessions, oldest first");
        group.MapGet("/strength/{id:long}", GetStrengthAsync)
            .WithName("GetStrengthSession")
            .WithSummary("One logged strength session")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/strength/{id:long}", DeleteStrengthAsync)
            .WithName("DeleteStrengthSession")
            .WithSummary("Delete a logged strength session and its sets")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPut("/sets", LogSetAsync)
            .WithName("LogSet")
            .WithSummary("Log one set the moment it is done; a retry replaces the set at the same position instead of adding one")
            .WithDescription("The day's session is the one for plannedSessionKey (or the day's unplanned session when it is empty), created with its first set. Position counts from 0; left out, the set goes last.")
            .ProducesValidationProblem();

        group.MapPost("/runs", LogRunAsync)
            .WithName("LogRun")
            .WithSummary("Log a run by hand: date, distance (10k, half, 8000), time ([h:]mm:ss), type, RPE")
            .WithDescription("The same run entered again is not stored twice: the answer is then 200 with duplicate: true.")
            .ProducesValidationProblem();
        group.MapGet("/runs", ListRunsAsync)
            .WithName("ListRuns")
            .WithSummary("Runs, imported and hand-entered, oldest first");
        group.MapGet("/runs/{id:long}", GetRunAsync)
            .WithName("GetRun")
            .WithSummary("One run")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/runs/{id:long}", DeleteRunAsync)
            .WithName("DeleteRun")
            .WithSummary("Delete a hand-entered run")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/soreness", LogSorenessAsync)
            .WithName("LogSoreness")
            .WithSummary("Log a soreness check-in: area (calves, hamstrings, quadriceps, glutes, hips, knees, shins, feet, lower-back) and score 0–10")
            .ProducesValidationProblem();
        group.MapGet("/soreness", ListSorenessAsync)
            .WithName("ListSoreness")
            .WithSummary("Soreness check-ins, oldest first");
        group.MapDelete("/soreness/{id:long}", DeleteSorenessAsync)
            .WithName("DeleteSoreness")
            .WithSummary("Delete a soreness check-in")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    /// <param name="from">First day, YYYY-MM-DD.</param>
    /// <param name="to">Last day, YYYY-MM-DD.</param>
    private static async Task<Ok<History.Response>> HistoryAsync(
        RunStrongDbContext db, ICurrentRunner runner, DateOnly? from, DateOnly? to, CancellationToken cancellationToken) =>
        TypedResults.Ok(await History.HandleAsync(db, runner, new History.Request(from, to), cancellationToken));

    private static async Task<Created<StrengthSessionView>> LogStrengthAsync(
        RunStrongDbContext db, ICurrentRunner runner, TimeProvider clock, LogStrengthSession.Request request, CancellationToken cancellationToken)
    {
        var session = await LogStrengthSession.HandleAsync(db, runner, clock, request, cancellationToken);
        return TypedResults.Created($"/api/log/strength/{session.Id}", session);
    }

    private static async Task<Ok<StrengthSessionView[]>> ListStrengthAsync(RunStrongDbContext db, ICurrentRunner runner, CancellationToken cancellationToken) =>
        TypedResults.Ok((await TrainingData.SessionRecordsAsync(db, runner, cancellationToken)).Select(StrengthSessionView.From).ToArray());

    private static async Task<Ok<StrengthSessionView>> GetStrengthAsync(RunStrongDbContext db, ICurrentRunner runner, long id, CancellationToken cancellationToken) =>
        TypedResults.Ok(await History.GetSessionAsync(db, runner, id, cancellationToken));

    private static async Task<NoContent> DeleteStrengthAsync(RunStrongDbContext db, ICurrentRunner runner, long id, CancellationToken cancellationToken)
    {
        await History.DeleteSessionAsync(db, runner, id, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<LogSet.Response>> LogSetAsync(
        RunStrongDbContext db, ICurrentRunner runner, TimeProvider clock, LogSet.Request request, CancellationToken cancellationToken) =>
        TypedResults.Ok(await LogSet.HandleAsync(db, runner, clock, request, cancellationToken));

    private static async Task<Results<Created<LogRun.RunView>, Ok<LogRun.RunView>>> LogRunAsync(
        RunStrongDbContext db, ICurrentRunner runner, TimeProvider clock, LogRun.Request request, CancellationToken cancellationToken)
    {
        var run = await LogRun.HandleAsync(db, runner, clock, request, cancellationToken);
        return run.Duplicate ? TypedResults.Ok(run) : TypedResults.Created($"/api/log/runs/{run.Id}", run);
    }

    private static async Task<Ok<LogRun.RunView[]>> ListRunsAsync(RunStrongDbContext db, ICurrentRunner runner, CancellationToken cancellationToken) =>
        TypedResults.Ok((await TrainingData.RunsAsync(db, runner, cancellationToken)).Select(r => LogRun.RunView.From(r.Row)).ToArray());

    private static async Task<Ok<LogRun.RunView>> GetRunAsync(RunStrongDbContext db, ICurrentRunner runner, long id, CancellationToken cancellationToken) =>
        TypedResults.Ok(await History.GetRunAsync(db, runner, id, cancellationToken));

    private static async Task<NoContent> DeleteRunAsync(RunStrongDbContext db, ICurrentRunner runner, long id, CancellationToken cancellationToken)
    {
        await History.DeleteRunAsync(db, runner, id, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Created<LogSoreness.SorenessView>> LogSorenessAsync(
        RunStrongDbContext db, ICurrentRunner runner, TimeProvider clock, LogSoreness.Request request, CancellationToken cancellationToken)
    {
        var checkIn = await LogSoreness.HandleAsync(db, runner, clock, request, cancellationToken);
        return TypedResults.Created($"/api/log/soreness/{checkIn.Id}", checkIn);
    }

    private static async Task<Ok<LogSoreness.SorenessView[]>> ListSorenessAsync(RunStrongDbContext db, ICurrentRunner runner, CancellationToken cancellationToken) =>
        TypedResults.Ok((await History.HandleAsync(db, runner, new History.Request(), cancellationToken)).CheckIns.OrderBy(c => c.Date).ThenBy(c => c.Id).ToArray());

    private static async Task<NoContent> DeleteSorenessAsync(RunStrongDbContext db, ICurrentRunner runner, long id, CancellationToken cancellationToken)
    {
        await History.DeleteCheckInAsync(db, runner, id, cancellationToken);
        return TypedResults.NoContent();
    }
}
