using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
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
            .WithSummary("The log by day, newest first, a page of days at a time (?before=DATE&limit=N; next is the next page): strength sessions, runs, hill-sprint and drills sessions, soreness check-ins")
            .ProducesValidationProblem()
            .KeptPerRunner();

        group.MapPost("/strength", LogStrengthAsync)
            .WithName("LogStrengthSession")
            .WithSummary("Log a strength session with its sets")
            .WithDescription("Each set: exercise and variant slugs, reps (per side for single-leg work), load with its unit (\"60kg\", \"135 lb\"), band (light, medium, heavy), seconds for holds, rpe (1–10) or repsInReserve, pain, completed. The session links to the plan's strength session that day unless linkToPlan is false.")
            .ProducesValidationProblem();
        group.MapGet("/strength", ListStrengthAsync)
            .WithName("ListStrengthSessions")
            .WithSummary("Logged strength sessions with their sets, oldest first, a page of whole days at a time (?after=DATE&limit=N, default 50; a Link header names the next page)")
            .ProducesValidationProblem()
            .KeptPerRunner();
        group.MapGet("/strength/{id:long}", GetStrengthAsync)
            .WithName("GetStrengthSession")
            .WithSummary("One logged strength session")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/strength/{id:long}", DeleteStrengthAsync)
            .WithName("DeleteStrengthSession")
            .WithSummary("Delete a logged strength session and its sets")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPatch("/strength/{id:long}", ChangeStrengthAsync)
            .WithName("ChangeStrengthSession")
            .WithSummary("Change a logged strength session's date, session RPE, duration or notes (fields left out keep their value)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/strength/{id:long}/keep", KeepAsync)
            .WithName("ChooseWatchSession")
            .WithSummary("For a strength session read from your watch on a day you also logged by hand: keep the watch's (it replaces yours and takes the planned session), keep mine (the watch's is deleted; the activity stays) or keep both")
            .WithDescription("Body: {\"keep\": \"watch\" | \"mine\" | \"both\"}. The id is the watch session's (its mergeWithSessionId names yours). 400 when it waits for no choice.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/garmin-exercises", GarminNamesAsync)
            .WithName("ListGarminExercises")
            .WithSummary("Garmin exercise names on sets from your watch: those waiting for a catalogue exercise (with how many sets) and those you mapped");
        group.MapPut("/garmin-exercises", MapGarminAsync)
            .WithName("MapGarminExercise")
            .WithSummary("Map a Garmin exercise name (garmin: \"bench-press/barbell-bench-press\") to a catalogue exercise and variant: its waiting sets take it and later imports use it (an unknown exercise is mapped where it stands, not remembered)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPut("/sets", LogSetAsync)
            .WithName("LogSet")
            .WithSummary("Log one set the moment it is done; a retry replaces the set at the same position instead of adding one")
            .WithDescription("The day's session is the one for plannedSessionKey (or the day's unplanned session when it is empty), created with its first set. Position counts from 0; left out, the set goes last. A load without a unit (\"60\") is taken in the runner's weight unit.")
            .ProducesValidationProblem();
        group.MapPatch("/sets/{id:long}", ChangeSetAsync)
            .WithName("ChangeSet")
            .WithSummary("Correct a logged set: exercise, variant, reps, load, band, seconds, RPE, pain, completed (fields left out keep their value; a new exercise takes its own variant, load and band)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/sets/{id:long}", DeleteSetAsync)
            .WithName("DeleteSet")
            .WithSummary("Delete a logged set (and its session when it was the last set)")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPut("/sessions", LogPlannedSessionAsync)
            .WithName("LogPlannedSession")
            .WithSummary("Log a planned hill-sprint or drills session: done, partly or skipped, with reps, seconds and hill grade; logging it again replaces it")
            .ProducesValidationProblem();
        group.MapDelete("/sessions/{id:long}", DeletePlannedSessionAsync)
            .WithName("DeletePlannedSessionLog")
            .WithSummary("Forget what was logged of a planned hill-sprint or drills session")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/runs", LogRunAsync)
            .WithName("LogRun")
            .WithSummary("Log a run by hand: date, distance (10k, half, 8000), time ([h:]mm:ss), type, RPE")
            .WithDescription("The same run entered again is not stored twice: the answer is then 200 with duplicate: true.")
            .ProducesValidationProblem();
        group.MapGet("/runs", ListRunsAsync)
            .WithName("ListRuns")
            .WithSummary("Runs, imported and hand-entered, oldest first, a page of whole days at a time (?after=DATE&limit=N, default 100; a Link header names the next page)")
            .ProducesValidationProblem()
            .KeptPerRunner();
        group.MapGet("/runs/{id:long}", GetRunAsync)
            .WithName("GetRun")
            .WithSummary("One run")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPatch("/runs/{id:long}", ChangeRunAsync)
            .WithName("ChangeRun")
            .WithSummary("Correct a run: name, run type, RPE, date, sport; for a run entered by hand also distance and time")
            .ProducesValidationProblem()
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
            .WithSummary("Soreness check-ins, oldest first, a page of whole days at a time (?after=DATE&limit=N, default 100; a Link header names the next page)")
            .ProducesValidationProblem()
            .KeptPerRunner();
        group.MapPatch("/soreness/{id:long}", ChangeSorenessAsync)
            .WithName("ChangeSoreness")
            .WithSummary("Correct a soreness check-in: date, area, score, notes")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/soreness/{id:long}", DeleteSorenessAsync)
            .WithName("DeleteSoreness")
            .WithSummary("Delete a soreness check-in")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    /// <param name="from">First day, YYYY-MM-DD.</param>
    /// <param name="to">Last day, YYYY-MM-DD.</param>
    /// <param name="before">Only days before this one, YYYY-MM-DD: the previous page's nextBefore.</param>
    /// <param name="limit">At most this many days with entries (1 to 100, default 30).</param>
    private static async Task<Ok<History.Response>> HistoryAsync(
        RunStrongDbContext db, ICurrentRunner runner, DateOnly? from, DateOnly? to, DateOnly? before, int? limit, CancellationToken cancellationToken) =>
        TypedResults.Ok(await History.HandleAsync(db, runner, new History.Request(from, to, before, limit), cancellationToken));

    private static async Task<Created<StrengthSessionView>> LogStrengthAsync(
        RunStrongDbContext db, ICurrentRunner runner, TimeProvider clock, LogStrengthSession.Request request, CancellationToken cancellationToken)
    {
        var session = await LogStrengthSession.HandleAsync(db, runner, clock, request, cancellationToken);
        return TypedResults.Created($"/api/log/strength/{session.Id}", session);
    }

    /// <param name="after">Only days after this one, YYYY-MM-DD: the last day of the previous page.</param>
    /// <param name="limit">At most this many sessions (1 to 100, default 50; a day is never split).</param>
    private static async Task<Ok<IReadOnlyList<StrengthSessionView>>> ListStrengthAsync(
        HttpContext context, RunStrongDbContext db, ICurrentRunner runner, DateOnly? after, int? limit, CancellationToken cancellationToken) =>
        Paged(context, await LogLists.StrengthAsync(db, runner, after, limit, cancellationToken), limit);

    /// <summary>The page's items; the next page's address in a Link header (RFC 8288), so the answer stays a plain array.</summary>
    private static Ok<IReadOnlyList<T>> Paged<T>(HttpContext context, LogLists.Page<T> page, int? limit)
    {
        if (page.NextAfter is { } next)
        {
            var path = context.Request.Path.Value;
            var size = limit is { } n ? string.Create(CultureInfo.InvariantCulture, $"&limit={n}") : "";
            context.Response.Headers.Link = string.Create(CultureInfo.InvariantCulture, $"<{path}?after={next:yyyy-MM-dd}{size}>; rel=\"next\"");
        }

        return TypedResults.Ok(page.Items);
    }

    private static async Task<Ok<StrengthSessionView>> GetStrengthAsync(RunStrongDbContext db, ICurrentRunner runner, long id, CancellationToken cancellationToken) =>
        TypedResults.Ok(await History.GetSessionAsync(db, runner, id, cancellationToken));

    private static async Task<NoContent> DeleteStrengthAsync(RunStrongDbContext db, ICurrentRunner runner, long id, CancellationToken cancellationToken)
    {
        await History.DeleteSessionAsync(db, runner, id, cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>The runner's choice for a watch session: <c>watch</c>, <c>mine</c> or <c>both</c>.</summary>
    public sealed record KeepRequest(string? Keep);

    /// <summary>A Garmin exercise name and the catalogue exercise (and variant, the first rung when left out) it is.</summary>
    public sealed record MapRequest(string? Garmin, string? Exercise, string? Variant);

    /// <summary>How many logged sets the mapping changed.</summary>
    public sealed record MapResponse(string Garmin, string Exercise, string? Variant, int Sets);

    private static async Task<Ok<WatchStrength.ChoiceResult>> KeepAsync(
        RunStrongDbContext db, ICurrentRunner runner, long id, KeepRequest request, CancellationToken cancellationToken) =>
        TypedResults.Ok(await WatchStrength.ChooseAsync(db, runner, id, request?.Keep, cancellationToken));

    private static async Task<Ok<IReadOnlyList<WatchStrength.GarminName>>> GarminNamesAsync(RunStrongDbContext db, ICurrentRunner runner, CancellationToken cancellationToken) =>
        TypedResults.Ok(await WatchStrength.NamesAsync(db, runner, cancellationToken));

    private static async Task<Ok<MapResponse>> MapGarminAsync(
        RunStrongDbContext db, ICurrentRunner runner, TimeProvider clock, MapRequest request, CancellationToken cancellationToken)
    {
        var sets = await WatchStrength.MapAsync(db, runner, clock, request?.Garmin, request?.Exercise, request?.Variant, cancellationToken);
        return TypedResults.Ok(new MapResponse(request!.Garmin!.Trim(), request.Exercise!.Trim(), request.Variant, sets));
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

    private static async Task<Ok<IReadOnlyList<LogRun.RunView>>> ListRunsAsync(
        HttpContext context, RunStrongDbContext db, ICurrentRunner runner, DateOnly? after, int? limit, CancellationToken cancellationToken) =>
        Paged(context, await LogLists.RunsAsync(db, runner, after, limit, cancellationToken), limit);

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

    private static async Task<Ok<IReadOnlyList<LogSoreness.SorenessView>>> ListSorenessAsync(
        HttpContext context, RunStrongDbContext db, ICurrentRunner runner, DateOnly? after, int? limit, CancellationToken cancellationToken) =>
        Paged(context, await LogLists.SorenessAsync(db, runner, after, limit, cancellationToken), limit);

    private static async Task<NoContent> DeleteSorenessAsync(RunStrongDbContext db, ICurrentRunner runner, long id, CancellationToken cancellationToken)
    {
        await History.DeleteCheckInAsync(db, runner, id, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<StrengthSessionView>> ChangeStrengthAsync(
        RunStrongDbContext db, ICurrentRunner runner, TimeProvider clock, long id, EditLog.SessionChange change, CancellationToken cancellationToken) =>
        TypedResults.Ok(await EditLog.ChangeSessionAsync(db, runner, clock, id, change, cancellationToken));

    private static async Task<Ok<LoggedSetView>> ChangeSetAsync(
        RunStrongDbContext db, ICurrentRunner runner, long id, EditLog.SetChange change, CancellationToken cancellationToken) =>
        TypedResults.Ok(await EditLog.ChangeSetAsync(db, runner, id, change, cancellationToken));

    private static async Task<NoContent> DeleteSetAsync(RunStrongDbContext db, ICurrentRunner runner, long id, CancellationToken cancellationToken)
    {
        await EditLog.DeleteSetAsync(db, runner, id, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Created<LogPlannedSession.SessionLogView>, Ok<LogPlannedSession.SessionLogView>>> LogPlannedSessionAsync(
        RunStrongDbContext db, ICurrentRunner runner, TimeProvider clock, LogPlannedSession.Request request, CancellationToken cancellationToken)
    {
        var logged = await LogPlannedSession.HandleAsync(db, runner, clock, request, cancellationToken);
        return logged.Created ? TypedResults.Created($"/api/log/sessions/{logged.Log.Id}", logged.Log) : TypedResults.Ok(logged.Log);
    }

    private static async Task<NoContent> DeletePlannedSessionAsync(RunStrongDbContext db, ICurrentRunner runner, long id, CancellationToken cancellationToken)
    {
        await LogPlannedSession.DeleteAsync(db, runner, id, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<LogRun.RunView>> ChangeRunAsync(
        RunStrongDbContext db, ICurrentRunner runner, TimeProvider clock, long id, Features.Activities.EditActivity.Change change, CancellationToken cancellationToken)
    {
        await Features.Activities.EditActivity.HandleAsync(db, runner, clock, id, change, cancellationToken);
        return TypedResults.Ok(await History.GetRunAsync(db, runner, id, cancellationToken));
    }

    private static async Task<Ok<LogSoreness.SorenessView>> ChangeSorenessAsync(
        RunStrongDbContext db, ICurrentRunner runner, TimeProvider clock, long id, EditLog.SorenessChange change, CancellationToken cancellationToken) =>
        TypedResults.Ok(await EditLog.ChangeSorenessAsync(db, runner, clock, id, change, cancellationToken));
}
