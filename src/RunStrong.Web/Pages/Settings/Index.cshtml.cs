using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RunStrong.Data;
using RunStrong.Features.Common;
using RunStrong.Features.Settings;

namespace RunStrong.Web.Pages.Settings;

/// <summary>/settings: the runner's heart rates for Banister TRIMP on the dashboard.</summary>
public sealed class IndexModel(RunStrongDbContext db, ICurrentRunner runner) : PageModel
{
    [BindProperty]
    public int? RestingHeartRate { get; set; }

    [BindProperty]
    public int? MaxHeartRate { get; set; }

    [BindProperty]
    public string? TrimpWeighting { get; set; }

    public string? Error { get; private set; }

    public string? ErrorField { get; private set; }

    public bool Saved { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var settings = await RunnerSettings.GetAsync(db, runner, cancellationToken);
        RestingHeartRate = settings.RestingHeartRate;
        MaxHeartRate = settings.MaxHeartRate;
        TrimpWeighting = settings.TrimpWeighting is { } w ? Domain.Catalogue.Kebab.Name(w) : null;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        try
        {
            await RunnerSettings.UpdateAsync(db, runner, new RunnerSettings.Request(RestingHeartRate, MaxHeartRate, TrimpWeighting), cancellationToken);
            Saved = true;
        }
        catch (UserInputException e)
        {
            Error = e.Message;
            ErrorField = e.Field;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }
}
