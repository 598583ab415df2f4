using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RunStrong.Data;
using RunStrong.Features.Common;
using RunStrong.Features.Training;
using RunStrong.Web.Hosting;

namespace RunStrong.Web.Pages.Log;

/// <summary>/log/soreness: how sore one body area is, 0–10.</summary>
public sealed class SorenessModel(RunStrongDbContext db, ICurrentRunner runner, TimeProvider clock, RunnerPreferencesAccessor preferences) : PageModel
{
    [BindProperty]
    public DateOnly? Date { get; set; }

    [BindProperty]
    public string? Area { get; set; }

    [BindProperty]
    public int? Score { get; set; }

    public string? Error { get; private set; }

    public LogSoreness.SorenessView? Logged { get; private set; }

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Today = await preferences.TodayAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Today = await preferences.TodayAsync(cancellationToken);
        try
        {
            Logged = await LogSoreness.HandleAsync(db, runner, clock, new LogSoreness.Request { Date = Date, Area = Area, Score = Score }, cancellationToken);
        }
        catch (UserInputException e)
        {
            Error = e.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }
}
