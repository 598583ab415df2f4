using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RunStrong.Domain.Catalogue;
using RunStrong.Features.Catalogue;
using RunStrong.Features.Common;

namespace RunStrong.Web.Pages.Exercises;

public sealed class IndexModel(ExerciseCatalogue catalogue) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Muscle { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Equipment { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Location { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public IReadOnlyList<Exercise> Exercises { get; private set; } = [];

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        try
        {
            Exercises = await ListExercises.HandleAsync(catalogue, new ListExercises.Request(Muscle, Equipment, Location, Q), cancellationToken);
        }
        catch (UserInputException e)
        {
            Error = e.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }

    public static string Label<T>(T value) where T : struct, Enum
    {
        var name = Kebab.Name(value).Replace('-', ' ');
        return char.ToUpperInvariant(name[0]) + name[1..];
    }
}
