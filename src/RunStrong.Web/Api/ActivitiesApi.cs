using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using RunStrong.Data;
using RunStrong.Domain.Units;
using RunStrong.Features.Activities;
using RunStrong.Features.Common;

namespace RunStrong.Web.Api;

/// <summary>Activities over JSON: <c>/api/activities</c> (upload, list, one activity, its original file, delete).</summary>
public static class ActivitiesApi
{
    /// <summary>The media type of the streamed upload results: one JSON object a line, one line a file.</summary>
    public const string NdJson = "application/x-ndjson";

    private static readonly ReadOnlyMemory<byte> NewLine = "\n"u8.ToArray();

    public static IEndpointRouteBuilder MapActivitiesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/activities").WithTags("Activities");

        group.MapPost("/", UploadAsync)
            .WithName("UploadActivities")
            .WithSummary("Import uploaded activity files")
            .WithDescription($"multipart/form-data with one or more files: FIT, GPX, TCX (gzipped or not) or zip archives, including a whole Strava or Garmin export, and optionally date=YYYY-MM-DD, the day files without times were recorded (without it such files are refused, saying so). Returns one result per file (imported, duplicate, failed or skipped); with Accept: {NdJson} the results are streamed, one JSON line per file as it is done. The request may be up to ActivityUploads:MaxMegabytes (default {UploadLimits.DefaultMegabytes} MB). With ?background=true the files are imported by a background job instead: 202 Accepted, Location /api/imports/{{id}} (see POST /api/imports).")
            .Accepts<IFormFileCollection>("multipart/form-data")
            .Produces<ImportActivities.FileResult>(StatusCodes.Status200OK, NdJson)
            .Produces<ImportJobs.Response>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        group.MapGet("/", ListAsync)
            .WithName("ListActivities")
            .WithSummary("List activities, newest first, a page of whole days at a time (?before=DATE&limit=N; the answer's next is the older page, newer the newer one, first the page's position)")
            .ProducesValidationProblem()
            .KeptPerRunner();

        group.MapGet("/{id:long}", GetAsync)
            .WithName("GetActivity")
            .WithSummary("One activity: its summary, notes, climbs, best efforts, hill sprints, splits (per km, or per mile with unit=mi) and laps; with series=true the chart series and the route too")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPut("/{id:long}/date", SetDateAsync)
            .WithName("SetActivityDate")
            .WithSummary("Confirm or correct the day of an activity whose file has no times (body: {\"date\": \"2011-11-22\"})")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{id:long}/file", GetFileAsync)
            .WithName("GetActivityFile")
            .WithSummary("The activity's original file, as it was uploaded (decompressed if it came gzipped)")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPatch("/{id:long}", ChangeAsync)
            .WithName("ChangeActivity")
            .WithSummary("Correct an activity: name, sport, run type, RPE, date; for a run entered by hand also distance and time (fields left out keep their value)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapDelete("/{id:long}", DeleteAsync)
            .WithName("DeleteActivity")
            .WithSummary("Delete an activity and its stored file")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return routes;
    }

    /// <param name="background">true to import in the background, as POST /api/imports does (202 Accepted, Location /api/imports/{id}).</param>
    private static async Task<Results<Ok<ImportActivities.Report>, PushStreamHttpResult, Accepted<ImportJobs.Response>, ProblemHttpResult>> UploadAsync(
        HttpContext context, RunStrongDbContext db, ICurrentRunner runner, TimeProvider clock, IConfiguration configuration, Quartz.ISchedulerFactory schedulers,
        bool? background, CancellationToken cancellationToken)
    {
        if (background == true)
        {
            return await ImportsApi.StartAsync(context, db, runner, clock, configuration, schedulers, cancellationToken) switch
            {
                { Result: Accepted<ImportJobs.Response> accepted } => accepted,
                { Result: ProblemHttpResult backgroundProblem } => backgroundProblem,
                _ => throw new InvalidOperationException("a background import gave neither its job nor a problem"),
            };
        }

        var (form, problem) = await UploadLimits.ReadFormAsync(context, configuration, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (form!.Files.Count == 0)
        {
            return TypedResults.Problem(
                title: "No files",
                detail: "files: the request holds no files; send multipart/form-data with one or more FIT, GPX, TCX or zip files",
                statusCode: StatusCodes.Status400BadRequest);
        }

        if (!TryReadDate(form["date"], out var date, out var dateProblem))
        {
            return dateProblem!;
        }

        var results = ImportActivities.FromUploadsAsync(db, runner, clock, Uploads(form.Files), new ImportActivities.Options(date), cancellationToken);
        if (WantsNdJson(context.Request))
        {
            return TypedResults.Stream(async body =>
            {
                await foreach (var result in results)
                {
                    await JsonSerializer.SerializeAsync(body, result, RunStrongJson.Options, cancellationToken);
                    await body.WriteAsync(NewLine, cancellationToken);
                    await body.FlushAsync(cancellationToken);
                }
            }, NdJson);
        }

        return TypedResults.Ok(await ImportActivities.CollectAsync(results, cancellationToken));
    }

    /// <summary>The upload form's optional day for files without times (yyyy-MM-dd); a bad one is a 400 naming the field.</summary>
    public static bool TryReadDate(string? text, out DateOnly? date, out ProblemHttpResult? problem)
    {
        date = null;
        problem = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
        {
            date = day;
            return true;
        }

        problem = TypedResults.Problem(title: "Not a date", detail: $"date: '{text.Trim()}' is not a day; write it as YYYY-MM-DD (2011-11-22)", statusCode: StatusCodes.Status400BadRequest);
        return false;
    }

    /// <summary>The form's files as uploads; the browser's name is used for messages only (never as a path).</summary>
    public static IEnumerable<ImportActivities.Upload> Uploads(IFormFileCollection files) =>
        files.Select(f => new ImportActivities.Upload(f.FileName, f.OpenReadStream));

    private static bool WantsNdJson(HttpRequest request) =>
        request.Headers.Accept.Any(a => a is not null && a.Contains(NdJson, StringComparison.OrdinalIgnoreCase));

    /// <param name="before">Only activities on days before this one (YYYY-MM-DD): the previous page's nextBefore.</param>
    /// <param name="after">Only activities on days after this one (YYYY-MM-DD), the oldest of them: a page's newerAfter. Not with before.</param>
    /// <param name="limit">At most this many activities, whole days only (1 to 100, default 30).</param>
    /// <param name="page">Page number instead of before (1 for the newest), for scripts written before keyset paging.</param>
    /// <param name="pageSize">With page: 1 to 200 (default 30).</param>
    private static async Task<Ok<ListActivities.Response>> ListAsync(
        RunStrongDbContext db, ICurrentRunner runner, DateOnly? before, DateOnly? after, int? limit, int? page, int? pageSize, CancellationToken cancellationToken) =>
        TypedResults.Ok(await ListActivities.HandleAsync(db, runner,
            page is not null ? new ListActivities.Request(page, pageSize ?? ListActivities.DefaultPageSize)
            : new ListActivities.Request(null, limit ?? pageSize ?? ListActivities.DefaultPageSize, before, after), cancellationToken));

    /// <param name="series">true to add the pace, heart-rate and elevation series and the route (read again from the stored file).</param>
    /// <param name="unit">km or mi: the length of the splits (the runner's own unit when left out).</param>
    private static async Task<Ok<GetActivity.Response>> GetAsync(
        RunStrongDbContext db, ICurrentRunner runner, long id, bool? series, string? unit, CancellationToken cancellationToken)
    {
        var preferences = await Features.Settings.RunnerPreferences.GetAsync(db, runner, cancellationToken);
        return TypedResults.Ok(await GetActivity.HandleAsync(db, runner, new GetActivity.Request(id, series ?? false, UnitQuery.Parse(unit, preferences.Distance)), cancellationToken));
    }

    /// <summary>The day for an activity without recorded times.</summary>
    public sealed record DateBody(DateOnly? Date);

    private static async Task<NoContent> SetDateAsync(
        RunStrongDbContext db, ICurrentRunner runner, TimeProvider clock, long id, DateBody body, CancellationToken cancellationToken)
    {
        await SetActivityDate.HandleAsync(db, runner, clock, new SetActivityDate.Request(id, body?.Date), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<FileContentHttpResult> GetFileAsync(RunStrongDbContext db, ICurrentRunner runner, long id, CancellationToken cancellationToken)
    {
        var file = await GetActivityFile.HandleAsync(db, runner, id, cancellationToken);
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    private static async Task<Ok<GetActivity.Response>> ChangeAsync(
        RunStrongDbContext db, ICurrentRunner runner, TimeProvider clock, long id, EditActivity.Change change, CancellationToken cancellationToken)
    {
        await EditActivity.HandleAsync(db, runner, clock, id, change, cancellationToken);
        return TypedResults.Ok(await GetActivity.HandleAsync(db, runner, new GetActivity.Request(id, false), cancellationToken));
    }

    private static async Task<NoContent> DeleteAsync(RunStrongDbContext db, ICurrentRunner runner, long id, CancellationToken cancellationToken)
    {
        await DeleteActivity.HandleAsync(db, runner, id, cancellationToken);
        return TypedResults.NoContent();
    }
}

/// <summary>
/// The upload size limit, from configuration (<c>ActivityUploads:MaxMegabytes</c>, default
/// <see cref="DefaultMegabytes"/>), applied to the whole request before its form is read. The API and the upload page
/// share it.
/// </summary>
public static class UploadLimits
{
    public const int DefaultMegabytes = 200;

    public const string ConfigurationKey = "ActivityUploads:MaxMegabytes";

    /// <summary>
    /// The upload page imports an upload holding a zip archive this large or larger (<c>ActivityUploads:BackgroundMegabytes</c>,
    /// default <see cref="DefaultBackgroundMegabytes"/>) in the background, and shows its progress page: an export of
    /// years of runs takes minutes, longer than a request should. The API decides by the caller's choice instead
    /// (POST /api/imports or ?background=true).
    /// </summary>
    public const int DefaultBackgroundMegabytes = 5;

    public const string BackgroundConfigurationKey = "ActivityUploads:BackgroundMegabytes";

    public static long BackgroundBytes(IConfiguration configuration) =>
        Math.Max(1, configuration.GetValue(BackgroundConfigurationKey, DefaultBackgroundMegabytes)) * 1024L * 1024L;

    /// <summary>Whether the upload page runs <paramref name="files"/> as a background import (a large zip among them).</summary>
    public static bool GoesToBackground(IFormFileCollection files, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(files);
        var threshold = BackgroundBytes(configuration);
        return files.Any(f => f.Length >= threshold && f.FileName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase));
    }

    public static long MaxBytes(IConfiguration configuration) =>
        Math.Max(1, configuration.GetValue(ConfigurationKey, DefaultMegabytes)) * 1024L * 1024L;

    /// <summary>Reads the multipart form within the limit; a request over it gives a 413 ProblemDetails saying the limit.</summary>
    public static async Task<(IFormCollection? Form, ProblemHttpResult? Problem)> ReadFormAsync(HttpContext context, IConfiguration configuration, CancellationToken cancellationToken)
    {
        var max = MaxBytes(configuration);
        if (context.Request.ContentLength > max)
        {
            return (null, TooLarge(context.Request.ContentLength.Value, max));
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = max;
        }

        if (!context.Request.HasFormContentType)
        {
            return (null, TypedResults.Problem(
                title: "Not a file upload",
                detail: "files: send multipart/form-data with one or more FIT, GPX, TCX or zip files",
                statusCode: StatusCodes.Status415UnsupportedMediaType));
        }

        try
        {
            var form = await context.Request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = max, ValueCountLimit = 1024 }, cancellationToken);
            return (form, null);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge(null, max));
        }
        catch (InvalidDataException e) when (e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            // The multipart reader reports a body over MultipartBodyLengthLimit this way.
            return (null, TooLarge(null, max));
        }
        catch (InvalidDataException e)
        {
            return (null, TypedResults.Problem(title: "Not a readable upload", detail: $"files: the multipart body cannot be read ({e.Message})", statusCode: StatusCodes.Status400BadRequest));
        }
    }

    public static string TooLargeMessage(long? length, long max) =>
        $"files: the upload{(length is { } l ? $" ({l / (1024.0 * 1024.0):0.#} MB)" : "")} is larger than the {max / (1024 * 1024)} MB limit; send fewer files at a time, or raise {ConfigurationKey}";

    private static ProblemHttpResult TooLarge(long? length, long max) =>
        TypedResults.Problem(title: "Upload too large", detail: TooLargeMessage(length, max), statusCode: StatusCodes.Status413PayloadTooLarge);
}

/// <summary>
/// The runner's distance unit as the API and pages take it (<c>?unit=km|mi</c>), kilometres when left out. Until the
/// runner's own setting exists it is per request; it will default to that setting.
/// </summary>
public static class UnitQuery
{
    /// <summary><paramref name="fallback"/> (km unless given: the runner's own unit) when <paramref name="text"/> is empty; a word that is neither is a 400 naming <c>unit</c>.</summary>
    public static DistanceUnit Parse(string? text, DistanceUnit fallback = DistanceUnit.Kilometres) =>
        string.IsNullOrWhiteSpace(text) ? fallback
        : Measure.TryParse(text, out var unit) ? unit
        : throw new UserInputException("unit", $"unit: '{text.Trim()}' is not a distance unit; use km or mi");
}
