using Microsoft.AspNetCore.Mvc.RazorPages;
using RunStrong.Data;
using RunStrong.Features.Coaching;
using RunStrong.Features.Common;

namespace RunStrong.Web.Pages.Coach;

/// <summary>/coach: the runners who share their training with the signed-in account.</summary>
public sealed class IndexModel(RunStrongDbContext db, ICurrentRunner coach) : PageModel
{
    public IReadOnlyList<ListAthletes.Item> Athletes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Athletes = await ListAthletes.HandleAsync(db, coach, cancellationToken);
    }
}
