using Microsoft.AspNetCore.Http.HttpResults;
using RunStrong.Data;
using RunStrong.Features.Common;
using RunStrong.Features.Settings;

namespace RunStrong.Web.Api;

/// <summary>The runner's settings: heart rates for Banister TRIMP.</summary>
public static class SettingsApi
{
    /// <summary>The settings as JSON: each field null while not set.</summary>
    public sealed record SettingsView(int? RestingHeartRate, int? MaxHeartRate, string? TrimpWeighting);

    public static IEndpointRouteBuilder MapSettingsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/settings").WithTags("Settings");
        group.MapGet("/", GetAsync).WithName("GetSettings").WithSummary("The runner's heart rates for Banister TRIMP.");
        group.MapPut("/", PutAsync).WithName("PutSettings")
            .WithSummary("Sets the runner's resting and maximum heart rate and Banister's weighting (men or women); null clears one.");
        return app;
    }

    private static async Task<Ok<SettingsView>> GetAsync(RunStrongDbContext db, ICurrentRunner runner, CancellationToken cancellationToken) =>
        TypedResults.Ok(View(await RunnerSettings.GetAsync(db, runner, cancellationToken)));

    private static async Task<Ok<SettingsView>> PutAsync(
        SettingsView body, RunStrongDbContext db, ICurrentRunner runner, CancellationToken cancellationToken) =>
        TypedResults.Ok(View(await RunnerSettings.UpdateAsync(db, runner, new RunnerSettings.Request(body.RestingHeartRate, body.MaxHeartRate, body.TrimpWeighting), cancellationToken)));

    private static SettingsView View(HeartRateSettings s) =>
        new(s.RestingHeartRate, s.MaxHeartRate, s.TrimpWeighting is { } w ? Domain.Catalogue.Kebab.Name(w) : null);
}
