using Microsoft.AspNetCore.Http.HttpResults;
using Quartz;
using RunStrong.Data;
using RunStrong.Features.Activities;
using RunStrong.Features.Common;
using RunStrong.Web.Hosting;

namespace RunStrong.Web.Api;

/// <summary>
/// Background imports over JSON: <c>/api/imports</c> (start one, list, progress, cancel). A large export becomes a job any
/// web node runs, that survives a crash of the node running it and can be watched and cancelled (docs/decisions/0029).
/// </summary>
public static class ImportsApi
{
    public static IEndpointRouteBuilder MapImportsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/imports").WithTags("Imports");

        group.MapPost("/", StartAsync)
            .WithName("StartImport")
            .WithSummary("Import uploaded activity files in the background")
            .WithDescription("multipart/form-data as POST /api/activities takes it (files, optional date=YYYY-MM-DD). The files are stored and imported by a background job on whichever node is free: 202 Accepted with Location /api/imports/{id}, whose progress the answer already holds. POST /api/activities?background=true does the same.")
            .Accepts<IFormFileCollection>("multipart/form-data")
            .Produces<ImportJobs.Response>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        group.MapGet("/", ListAsync)
            .WithName("ListImports")
            .WithSummary("The runner's background imports, newest first (the last 100)");

        group.MapGet("/{id:long}", GetAsync)
            .WithName("GetImport")
            .WithSummary("A background import's progress: state (queued, running, done, cancelled, failed), entries done and total, counts per status, and a page of per-file results (?page=1&pageSize=100; nextPage when there are more)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapDelete("/{id:long}", CancelAsync)
            .WithName("CancelImport")
            .WithSummary("Cancel a background import: a queued one at once, a running one after the file it is on (files imported so far stay); returns its progress")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return routes;
    }

    /// <summary>Stores the request's files as a job and schedules it; the API's and the upload page's way in.</summary>
    public static async Task<(long? Id, ProblemHttpResult? Problem)> StartFromFormAsync(
        HttpContext context, RunStrongDbContext db, ICurrentRunner runner, TimeProvider clock, IConfiguration configuration, ISchedulerFactory schedulers,
        IFormCollection? form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (form is null)
        {
            var (read, problem) = await UploadLimits.ReadFormAsync(context, configuration, cancellationToken);
            if (problem is not null)
            {
                return (null, problem);
            }

            form = read!;
        }

        if (form.Files.Count == 0)
        {
            return (null, TypedResults.Problem(
                title: "No files",
                detail: "files: the request holds no files; send multipart/form-data with one or more FIT, GPX, TCX or zip files",
                statusCode: StatusCodes.Status400BadRequest));
        }

        if (!ActivitiesApi.TryReadDate(form["date"], out var date, out var dateProblem))
        {
            return (null, dateProblem);
        }

        var files = form.Files.Select(f => new ImportJobs.NewFile(f.FileName, f.OpenReadStream)).ToList();
        var id = await ImportJobs.CreateAsync(db, runner, clock, files, date, cancellationToken);
        // Stored first, scheduled second: a node that stops in between leaves a queued job, which the next node to
        // start schedules (UnfinishedImports).
        await BackgroundImports.ScheduleAsync(schedulers, id, cancellationToken);
        return (id, null);
    }

    internal static async Task<Results<Accepted<ImportJobs.Response>, ProblemHttpResult>> StartAsync(
        HttpContext context, RunStrongDbContext db, ICurrentRunner runner, TimeProvider clock, IConfiguration configuration, ISchedulerFactory schedulers,
        CancellationToken cancellationToken)
    {
        var (id, problem) = await StartFromFormAsync(context, db, runner, clock, configuration, schedulers, form: null, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        return TypedResults.Accepted($"/api/imports/{id}", await ImportJobs.GetAsync(db, runner, id!.Value, cancellationToken: cancellationToken));
    }

    private static async Task<Ok<IReadOnlyList<ImportJobs.Summary>>> ListAsync(RunStrongDbContext db, ICurrentRunner runner, CancellationToken cancellationToken) =>
        TypedResults.Ok(await ImportJobs.ListAsync(db, runner, cancellationToken));

    /// <param name="page">Page of per-file results, from 1.</param>
    /// <param name="pageSize">Results per page, 1 to 500 (default 100).</param>
    private static async Task<Ok<ImportJobs.Response>> GetAsync(RunStrongDbContext db, ICurrentRunner runner, long id, int? page, int? pageSize, CancellationToken cancellationToken) =>
        TypedResults.Ok(await ImportJobs.GetAsync(db, runner, id, page ?? 1, pageSize ?? ImportJobs.DefaultPageSize, cancellationToken));

    private static async Task<Ok<ImportJobs.Response>> CancelAsync(RunStrongDbContext db, ICurrentRunner runner, TimeProvider clock, long id, CancellationToken cancellationToken)
    {
        await ImportJobs.CancelAsync(db, runner, clock, id, cancellationToken);
        return TypedResults.Ok(await ImportJobs.GetAsync(db, runner, id, cancellationToken: cancellationToken));
    }
}
