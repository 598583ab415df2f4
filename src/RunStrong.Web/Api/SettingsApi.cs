using Microsoft.AspNetCore.Http.HttpResults;
using RunStrong.Data;
using RunStrong.Features.Common;
using RunStrong.Features.Settings;

namespace RunStrong.Web.Api;

/// <summary>The runner's settings: units, time zone, and heart rates for Banister TRIMP.</summary>
public static class SettingsApi
{
    /// <summary>
    /// The settings as JSON. Heart rates are null while not set (and a null in a PUT clears one); units and zone always
    /// have a value (km, kg, UTC until chosen), and a null or missing one in a PUT keeps the current value.
    /// </summary>
    /// <param name="DistanceUnit">km or mi: what distances and paces are shown in. The API's numbers stay in metres and seconds.</param>
    /// <param name="WeightUnit">kg or lb: what loads are shown in, and the unit a bare number such as "60" is taken in.</param>
    /// <param name="TimeZone">IANA time zone (America/Denver): the runner's "today" and the day each activity is on.</param>
    public sealed record SettingsView(
        int? RestingHeartRate, int? MaxHeartRate, string? TrimpWeighting,
        string? DistanceUnit = null, string? WeightUnit = null, string? TimeZone = null);

    public static IEndpointRouteBuilder MapSettingsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/settings").WithTags("Settings");
        group.MapGet("/", GetAsync).WithName("GetSettings").WithSummary("The runner's units, time zone and heart rates.");
        group.MapPut("/", PutAsync).WithName("PutSettings")
            .WithSummary("Sets the runner's units (km|mi, kg|lb), time zone (IANA) and heart rates (a null heart rate clears it; a null unit or zone keeps it).")
            .ProducesValidationProblem();
        return app;
    }

    private static async Task<Ok<SettingsView>> GetAsync(RunStrongDbContext db, ICurrentRunner runner, CancellationToken cancellationToken) =>
        TypedResults.Ok(View(await RunnerSettings.GetAsync(db, runner, cancellationToken), await RunnerPreferences.GetAsync(db, runner, cancellationToken)));

    private static async Task<Ok<SettingsView>> PutAsync(
        SettingsView body, RunStrongDbContext db, ICurrentRunner runner, CancellationToken cancellationToken)
    {
        // Both checked before either is stored: a bad zone leaves the heart rates as they were, and the other way round.
        RunnerSettings.Validate(new RunnerSettings.Request(body.RestingHeartRate, body.MaxHeartRate, body.TrimpWeighting));
        var preferences = await RunnerSettings.UpdatePreferencesAsync(db, runner, new RunnerSettings.PreferencesRequest(body.DistanceUnit, body.WeightUnit, body.TimeZone), cancellationToken);
        var heart = await RunnerSettings.UpdateAsync(db, runner, new RunnerSettings.Request(body.RestingHeartRate, body.MaxHeartRate, body.TrimpWeighting), cancellationToken);
        return TypedResults.Ok(View(heart, preferences));
    }

    private static SettingsView View(HeartRateSettings s, RunnerPreferences p) =>
        new(s.RestingHeartRate, s.MaxHeartRate, s.TrimpWeighting is { } w ? Domain.Catalogue.Kebab.Name(w) : null, p.DistanceName, p.WeightName, p.ZoneId);
}
