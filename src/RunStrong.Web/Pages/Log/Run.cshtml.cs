using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RunStrong.Data;
using RunStrong.Features.Common;
using RunStrong.Features.Training;
using RunStrong.Web.Hosting;

namespace RunStrong.Web.Pages.Log;

/// <summary>/log/run: a run entered by hand.</summary>
public sealed class RunModel(RunStrongDbContext db, ICurrentRunner runner, TimeProvider clock, RunnerPreferencesAccessor preferences) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public DateOnly? Date { get; set; }

    [BindProperty]
    public string? Distance { get; set; }

    [BindProperty]
    public string? Time { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Type { get; set; }

    [BindProperty]
    public double? Rpe { get; set; }

    public string? Error { get; private set; }

    public string? ErrorField { get; private set; }

    public LogRun.RunView? Logged { get; private set; }

    public DateOnly Today { get; private set; }

    /// <summary>Examples of a distance in the runner's unit, for the field's placeholder.</summary>
    public string DistanceExamples { get; private set; } = "10k, 5k, half, 8 km";

    public Task OnGetAsync(CancellationToken cancellationToken) => ReadPreferencesAsync(cancellationToken);

    private async Task ReadPreferencesAsync(CancellationToken cancellationToken)
    {
        var mine = await preferences.GetAsync(cancellationToken);
        Today = mine.Today(clock);
        DistanceExamples = mine.Distance == Domain.Units.DistanceUnit.Miles ? "5 mi, 10k, half, 3.1 mi" : "10k, 5k, half, 8 km";
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await ReadPreferencesAsync(cancellationToken);
        try
        {
            Logged = await LogRun.HandleAsync(db, runner, clock,
                new LogRun.Request { Date = Date, Distance = Distance, Time = Time, Type = Type, Rpe = Rpe }, cancellationToken);
        }
        catch (UserInputException e)
        {
            // The refused field is marked on the form, so the message need not name it as the API does.
            Error = FieldMessage.Beside(e);
            ErrorField = e.Field;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }
}
