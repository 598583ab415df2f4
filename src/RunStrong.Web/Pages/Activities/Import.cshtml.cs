using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RunStrong.Data;
using RunStrong.Features.Activities;
using RunStrong.Features.Common;
using RunStrong.Web.Hosting;

namespace RunStrong.Web.Pages.Activities;

/// <summary>
/// A background import's progress (docs/decisions/0029): server-rendered, and while the import goes on the answer
/// carries an HTTP <c>Refresh</c> header, so the browser reloads it every few seconds without any script (strict CSP).
/// </summary>
public sealed class ImportModel(RunStrongDbContext db, ICurrentRunner runner, TimeProvider clock, RunnerPreferencesAccessor preferences) : PageModel
{
    /// <summary>Seconds between reloads while the import is queued or running.</summary>
    public const int RefreshSeconds = 2;

    public ImportJobs.Response Job { get; private set; } = null!;

    public Features.Settings.RunnerPreferences Preferences { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        try
        {
            // ?page= read by hand: "page" is the route value Razor Pages names the page by.
            var page = int.TryParse(Request.Query["page"], System.Globalization.CultureInfo.InvariantCulture, out var asked) ? Math.Max(1, asked) : 1;
            Job = await ImportJobs.GetAsync(db, runner, id, page, cancellationToken: cancellationToken);
        }
        catch (UserInputException e) when (e.NotFound)
        {
            return NotFound();
        }

        Preferences = await preferences.GetAsync(cancellationToken);
        if (!Job.Finished)
        {
            Response.Headers["Refresh"] = RefreshSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostCancelAsync(long id, CancellationToken cancellationToken)
    {
        try
        {
            await ImportJobs.CancelAsync(db, runner, clock, id, cancellationToken);
        }
        catch (UserInputException e) when (e.NotFound)
        {
            return NotFound();
        }

        return Redirect($"/activities/imports/{id}");
    }
}
