using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RunStrong.Data;
using RunStrong.Features.Catalogue;
using RunStrong.Features.Common;
using RunStrong.Features.Plans;

namespace RunStrong.Web.Pages.Plans;

/// <summary>The whole plan on paper: one table per week, doses written out.</summary>
public sealed class PrintModel(RunStrongDbContext db, ExerciseCatalogue catalogue, ICurrentRunner runner, TimeProvider clock) : PageModel
{
    public GetPlan.Response Plan { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        try
        {
            Plan = await GetPlan.HandleAsync(db, catalogue, runner, clock, id, cancellationToken);
            return Page();
        }
        catch (UserInputException e) when (e.NotFound)
        {
            return NotFound();
        }
    }
}
