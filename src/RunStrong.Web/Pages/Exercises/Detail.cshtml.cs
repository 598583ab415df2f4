using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RunStrong.Domain.Catalogue;
using RunStrong.Features.Catalogue;
using RunStrong.Features.Common;

namespace RunStrong.Web.Pages.Exercises;

public sealed class DetailModel(ExerciseCatalogue catalogue) : PageModel
{
    public Exercise Exercise { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        try
        {
            Exercise = await catalogue.GetAsync(slug, cancellationToken);
            return Page();
        }
        catch (UserInputException e) when (e.NotFound)
        {
            return NotFound();
        }
    }
}
