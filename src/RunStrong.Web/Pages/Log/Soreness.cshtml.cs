using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RunStrong.Data;
using RunStrong.Features.Common;
using RunStrong.Features.Training;
using System.Globalization;
using RunStrong.Web.Hosting;

namespace RunStrong.Web.Pages.Log;

/// <summary>/log/soreness: how sore one body area is, 0–10.</summary>
public sealed class SorenessModel(RunStrongDbContext db, ICurrentRunner runner, TimeProvider clock, RunnerPreferencesAccessor preferences) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public DateOnly? Date { get; set; }

    [BindProperty]
    public string? Area { get; set; }

    [BindProperty]
    public int? Score { get; set; }

    public string? Error { get; private set; }

    public LogSoreness.SorenessView? Logged { get; private set; }

    public DateOnly Today { get; private set; }

    /// <summary>The check-in being corrected (<c>?id=</c>), null for a new one.</summary>
    [BindProperty(SupportsGet = true)]
    public long? Id { get; set; }

    public string? Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Today = await preferences.TodayAsync(cancellationToken);
        if (Id is { } id)
        {
            var row = await db.SorenessCheckIns.AsNoTracking().FirstOrDefaultAsync(c => c.OwnerId == runner.RunnerId && c.Id == id, cancellationToken);
            if (row is null)
            {
                return NotFound();
            }

            (Date, Area, Score) = (row.Date, row.Area, row.Score);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostChangeAsync(CancellationToken cancellationToken)
    {
        Today = await preferences.TodayAsync(cancellationToken);
        try
        {
            var changed = await EditLog.ChangeSorenessAsync(db, runner, clock, Id ?? 0, new EditLog.SorenessChange(Date, Area, Score), cancellationToken);
            Saved = $"Changed to {changed.Area.Replace('-', ' ')} {changed.Score}/10 on {changed.Date:d MMM yyyy}.";
        }
        catch (UserInputException e) when (!e.NotFound)
        {
            Error = e.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        catch (UserInputException)
        {
            return NotFound();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Features.Training.History.DeleteCheckInAsync(db, runner, Id ?? 0, cancellationToken);
        }
        catch (UserInputException)
        {
            return NotFound();
        }

        return Redirect($"/log?saved={Uri.EscapeDataString("Soreness check-in deleted.")}");
    }

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
