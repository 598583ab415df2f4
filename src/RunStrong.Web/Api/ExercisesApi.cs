using Microsoft.AspNetCore.Http.HttpResults;
using RunStrong.Features.Catalogue;

namespace RunStrong.Web.Api;

/// <summary>The exercise catalogue over JSON: <c>/api/exercises</c>.</summary>
public static class ExercisesApi
{
    public static IEndpointRouteBuilder MapExercisesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/exercises").WithTags("Exercises");

        group.MapGet("/", ListAsync)
            .WithName("ListExercises")
            .WithSummary("List the exercise catalogue")
            .WithDescription("Built-in and imported exercises, filtered by a muscle, a piece of equipment, a place and a text search. Names are kebab-case (gluteus-medius, loop-band, home).")
            .ProducesValidationProblem();

        group.MapGet("/{slug}", GetAsync)
            .WithName("GetExercise")
            .WithSummary("One exercise with its how-to, muscles and progression ladder")
            .ProducesProblem(StatusCodes.Status404NotFound);

        // Pictures of imported entries, kept in this server's pictures folder: served from here, never linked elsewhere.
        routes.MapGet(ExercisePictures.ImportedPath + "{source}/{**file}", ImportedPicture)
            .WithName("ImportedExercisePicture")
            .WithTags("Exercises")
            .WithSummary("A picture of an imported exercise, when this server keeps a copy")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return routes;
    }

    private static IResult ImportedPicture(ExercisePictures pictures, HttpContext context, string source, string file)
    {
        if (pictures.ImportedFile(source, file) is not { } path)
        {
            return TypedResults.NotFound();
        }

        context.Response.Headers.CacheControl = "public, max-age=86400";
        return TypedResults.PhysicalFile(path, ExercisePictures.ImportedContentTypes[Path.GetExtension(path)]);
    }

    /// <param name="muscle">A muscle the exercise loads, primary or secondary (gluteus-maximus, gluteus-medius, hamstrings, ...).</param>
    /// <param name="equipment">Equipment some rung of the ladder uses; <c>none</c> for exercises that need nothing.</param>
    /// <param name="location">home, gym or outdoors.</param>
    /// <param name="q">Text in the name or slug.</param>
    private static async Task<Ok<ExerciseView[]>> ListAsync(
        ExerciseCatalogue catalogue, ExercisePictures pictures, string? muscle, string? equipment, string? location, string? q, CancellationToken cancellationToken)
    {
        var exercises = await ListExercises.HandleAsync(catalogue, new ListExercises.Request(muscle, equipment, location, q), cancellationToken);
        return TypedResults.Ok(exercises.Select(e => ExerciseView.From(e, pictures)).ToArray());
    }

    private static async Task<Ok<ExerciseView>> GetAsync(ExerciseCatalogue catalogue, ExercisePictures pictures, string slug, CancellationToken cancellationToken) =>
        TypedResults.Ok(ExerciseView.From(await catalogue.GetAsync(slug, cancellationToken), pictures));
}
