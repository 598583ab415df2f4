using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RunStrong.Data;
using RunStrong.Features.Common;
using RunStrong.Features.Plans;

namespace RunStrong.Web.Pages.Plans;

public sealed class IndexModel(RunStrongDbContext db, ICurrentRunner runner) : PageModel
{
    public IReadOnlyList<ListPlans.Item> Plans { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Plans = await ListPlans.HandleAsync(db, runner, cancellationToken);
}
