using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RunStrong.Data;
using RunStrong.Features.Activities;
using RunStrong.Features.Common;

namespace RunStrong.Web.Pages.Activities;

public sealed class IndexModel(RunStrongDbContext db, ICurrentRunner runner, Hosting.RunnerPreferencesAccessor preferences) : PageModel
{
    /// <summary>The runner's units: climb in metres beside km, in feet beside miles.</summary>
    public Features.Settings.RunnerPreferences Units { get; private set; } = Features.Settings.RunnerPreferences.Default;

    /// <remarks>Each item carries its start, distance and pace in the runner's units and zone (ListActivities).</remarks>

    /// <summary>Only days before this one: the page of older activities (keyset paging; the newest page without it).</summary>
    [BindProperty(SupportsGet = true, Name = "before")]
    public DateOnly? Before { get; set; }

    /// <summary>Only days after this one: the page of newer activities (the <c>newerAfter</c> of an older page).</summary>
    [BindProperty(SupportsGet = true, Name = "after")]
    public DateOnly? After { get; set; }

    public ListActivities.Response? List { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        try
        {
            Units = await preferences.GetAsync(cancellationToken);
            List = await ListActivities.HandleAsync(db, runner, new ListActivities.Request(Before: Before, After: After), cancellationToken);
        }
        catch (UserInputException e)
        {
            Error = e.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }
}
