using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using RunStrong.Data;
using RunStrong.Features.Common;
using RunStrong.Features.Portability;

namespace RunStrong.Web.Api;

/// <summary>Your data is yours: <c>GET /api/export</c> (a zip of everything you own) and <c>POST /api/import</c> (such a zip back in).</summary>
public static class DataApi
{
    public static IEndpointRouteBuilder MapDataApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api").WithTags("Your data");

        group.MapGet("/export", Export)
            .WithName("ExportRunnerData")
            .WithSummary("Download all your data as a zip: runstrong-export.json and the original activity files (docs/data-export.md)")
            .Produces(StatusCodes.Status200OK, contentType: "application/zip");

        group.MapPost("/import", ImportAsync)
            .WithName("ImportRunnerData")
            .WithSummary("Import a RunStrong export zip (multipart/form-data, field \"file\"); rows already here are skipped")
            .Accepts<IFormFile>("multipart/form-data")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        return routes;
    }

    private static PushStreamHttpResult Export(RunStrongDbContext db, ICurrentRunner runner, TimeProvider clock) =>
        TypedResults.Stream(
            async body => await ExportRunnerData.WriteAsync(db, runner, clock, body),
            "application/zip",
            ExportRunnerData.DownloadName(clock));

    private static async Task<Results<Ok<ImportRunnerData.Report>, ProblemHttpResult>> ImportAsync(
        HttpContext context, RunStrongDbContext db, ICurrentRunner runner, TimeProvider clock, IConfiguration configuration, CancellationToken cancellationToken)
    {
        var (file, problem) = await ReadUploadAsync(context, configuration, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        await using var stream = file!.OpenReadStream();
        return TypedResults.Ok(await ImportRunnerData.HandleAsync(db, runner, clock, file.FileName, stream, cancellationToken));
    }

    /// <summary>The one uploaded zip, within the upload size limit (<see cref="UploadLimits"/>); shared with the Your data page.</summary>
    public static async Task<(IFormFile? File, ProblemHttpResult? Problem)> ReadUploadAsync(HttpContext context, IConfiguration configuration, CancellationToken cancellationToken)
    {
        var max = UploadLimits.MaxBytes(configuration);
        var tooLarge = TypedResults.Problem(
            title: "Upload too large",
            detail: $"file: the upload is larger than the {max / (1024 * 1024)} MB limit; raise {UploadLimits.ConfigurationKey}",
            statusCode: StatusCodes.Status413PayloadTooLarge);
        if (context.Request.ContentLength > max)
        {
            return (null, tooLarge);
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = max;
        }

        if (!context.Request.HasFormContentType)
        {
            return (null, TypedResults.Problem(title: "Not a file upload", detail: "file: send multipart/form-data with the export zip in the field \"file\"", statusCode: StatusCodes.Status415UnsupportedMediaType));
        }

        try
        {
            var form = await context.Request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = max }, cancellationToken);
            var upload = form.Files.GetFile("file") ?? (form.Files.Count > 0 ? form.Files[0] : null);
            return upload is not null
                ? (upload, null)
                : (null, TypedResults.Problem(title: "No file", detail: "file: the request holds no file; send the export zip in the field \"file\"", statusCode: StatusCodes.Status400BadRequest));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, tooLarge);
        }
        catch (InvalidDataException e) when (e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            return (null, tooLarge);
        }
        catch (InvalidDataException e)
        {
            return (null, TypedResults.Problem(title: "Not a readable upload", detail: $"file: the multipart body cannot be read ({e.Message})", statusCode: StatusCodes.Status400BadRequest));
        }
    }
}
