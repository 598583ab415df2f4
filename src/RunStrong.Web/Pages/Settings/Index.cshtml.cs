using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RunStrong.Data;
using RunStrong.Features.Common;
using RunStrong.Features.Settings;

namespace RunStrong.Web.Pages.Settings;

/// <summary>/settings: the runner's units and time zone, and heart rates for Banister TRIMP on the dashboard.</summary>
public sealed class IndexModel(RunStrongDbContext db, ICurrentRunner runner) : PageModel
{
    [BindProperty]
    public int? RestingHeartRate { get; set; }

    [BindProperty]
    public int? MaxHeartRate { get; set; }

    [BindProperty]
    public string? TrimpWeighting { get; set; }

    [BindProperty]
    public string? DistanceUnit { get; set; }

    [BindProperty]
    public string? WeightUnit { get; set; }

    [BindProperty]
    public string? TimeZone { get; set; }

    /// <summary>The zones offered (IANA ids).</summary>
    public IReadOnlyList<string> Zones => RunnerPreferences.ZoneIds;

    public string? Error { get; private set; }

    public string? ErrorField { get; private set; }

    public bool Saved { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var settings = await RunnerSettings.GetAsync(db, runner, cancellationToken);
        RestingHeartRate = settings.RestingHeartRate;
        MaxHeartRate = settings.MaxHeartRate;
        TrimpWeighting = settings.TrimpWeighting is { } w ? Domain.Catalogue.Kebab.Name(w) : null;
        var preferences = await RunnerPreferences.GetAsync(db, runner, cancellationToken);
        (DistanceUnit, WeightUnit, TimeZone) = (preferences.DistanceName, preferences.WeightName, preferences.ZoneId);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        try
        {
            // Both checked before either is stored.
            RunnerSettings.Validate(new RunnerSettings.Request(RestingHeartRate, MaxHeartRate, TrimpWeighting));
            await RunnerSettings.UpdatePreferencesAsync(db, runner, new RunnerSettings.PreferencesRequest(DistanceUnit, WeightUnit, TimeZone), cancellationToken);
            await RunnerSettings.UpdateAsync(db, runner, new RunnerSettings.Request(RestingHeartRate, MaxHeartRate, TrimpWeighting), cancellationToken);
            Saved = true;
        }
        catch (UserInputException e)
        {
            Error = FieldMessage.Beside(e);
            ErrorField = e.Field;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }
}
