using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RunStrong.Data;
using RunStrong.Domain.Load;
using RunStrong.Features.Common;

namespace RunStrong.Features.Settings;

/// <summary>
/// What RunStrong needs to know about the runner's heart to weigh runs by Banister's TRIMP (domain.md §6): resting and
/// maximum heart rate and which of Banister's weightings to use. Nothing else reads them; all three may stay unset.
/// </summary>
public sealed record HeartRateSettings(int? RestingHeartRate, int? MaxHeartRate, TrimpWeighting? TrimpWeighting)
{
    public static readonly HeartRateSettings None = new(null, null, null);

    /// <summary>True when TRIMP can be worked out: all three are given.</summary>
    public bool IsComplete => RestingHeartRate is not null && MaxHeartRate is not null && TrimpWeighting is not null;
}

/// <summary>Reads and changes the current runner's settings.</summary>
public static class RunnerSettings
{
    /// <summary>The settings as a form or the API sends them; empty means "not set".</summary>
    public sealed record Request(int? RestingHeartRate, int? MaxHeartRate, string? TrimpWeighting);

    public static async Task<HeartRateSettings> GetAsync(RunStrongDbContext db, ICurrentRunner runner, CancellationToken cancellationToken = default)
    {
        var row = await db.Runners.Where(r => r.Id == runner.RunnerId)
            .Select(r => new { r.RestingHeartRate, r.MaxHeartRate, r.TrimpWeighting })
            .FirstOrDefaultAsync(cancellationToken);
        return row is null
            ? HeartRateSettings.None
            : new HeartRateSettings(row.RestingHeartRate, row.MaxHeartRate, ParseWeighting(row.TrimpWeighting));
    }

    /// <summary>Checks <paramref name="request"/> and stores it; a bad value is refused naming its field, nothing stored.</summary>
    public static async Task<HeartRateSettings> UpdateAsync(
        RunStrongDbContext db, ICurrentRunner runner, Request request, CancellationToken cancellationToken = default)
    {
        var settings = Validate(request);
        var row = await db.Runners.AsTracking().FirstOrDefaultAsync(r => r.Id == runner.RunnerId, cancellationToken)
            ?? throw new UserInputException("runner", "this runner does not exist", notFound: true);
        row.RestingHeartRate = settings.RestingHeartRate;
        row.MaxHeartRate = settings.MaxHeartRate;
        row.TrimpWeighting = settings.TrimpWeighting is { } w ? Domain.Catalogue.Kebab.Name(w) : null;
        await db.SaveChangesAsync(cancellationToken);
        return settings;
    }

    public static HeartRateSettings Validate(Request request)
    {
        if (request.RestingHeartRate is { } rest && rest is < 20 or > 120)
        {
            throw new UserInputException("restingHeartRate", Text($"resting heart rate must be between 20 and 120 beats per minute, got {rest}"));
        }

        if (request.MaxHeartRate is { } max)
        {
            if (max is < 100 or > 250)
            {
                throw new UserInputException("maxHeartRate", Text($"maximum heart rate must be between 100 and 250 beats per minute, got {max}"));
            }

            if (request.RestingHeartRate is { } resting && max <= resting)
            {
                throw new UserInputException("maxHeartRate", Text($"maximum heart rate ({max}) must be above the resting heart rate ({resting})"));
            }
        }

        TrimpWeighting? weighting = null;
        if (!string.IsNullOrWhiteSpace(request.TrimpWeighting))
        {
            weighting = ParseWeighting(request.TrimpWeighting)
                ?? throw new UserInputException("trimpWeighting", $"TRIMP weighting must be men or women, got '{request.TrimpWeighting.Trim()}'");
        }

        return new HeartRateSettings(request.RestingHeartRate, request.MaxHeartRate, weighting);
    }

    /// <summary>Units and zone as a form or the API sends them; null or empty keeps the current value.</summary>
    public sealed record PreferencesRequest(string? DistanceUnit, string? WeightUnit, string? TimeZone);

    /// <summary>
    /// Checks and stores the runner's units and time zone; a bad value is refused naming its field, nothing stored. A new
    /// time zone re-dates the runner's imported activities (each to its day in the new zone); hand-entered runs keep the
    /// day they were logged for.
    /// </summary>
    public static async Task<RunnerPreferences> UpdatePreferencesAsync(
        RunStrongDbContext db, ICurrentRunner runner, PreferencesRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(request);
        var row = await db.Runners.AsTracking().FirstOrDefaultAsync(r => r.Id == runner.RunnerId, cancellationToken)
            ?? throw new UserInputException("runner", "this runner does not exist", notFound: true);
        if (!string.IsNullOrWhiteSpace(request.DistanceUnit))
        {
            row.DistanceUnit = Domain.Units.Measure.TryParse(request.DistanceUnit, out var unit)
                ? Domain.Units.Measure.Symbol(unit)
                : throw new UserInputException("distanceUnit", $"distanceUnit: '{request.DistanceUnit.Trim()}' is not a distance unit; expected km or mi");
        }

        if (!string.IsNullOrWhiteSpace(request.WeightUnit))
        {
            row.WeightUnit = Domain.Units.Measure.TryParseMass(request.WeightUnit, out var mass)
                ? mass == Domain.Training.MassUnit.Pounds ? "lb" : "kg"
                : throw new UserInputException("weightUnit", $"weightUnit: '{request.WeightUnit.Trim()}' is not a weight unit; expected kg or lb");
        }

        var zoneChanged = false;
        if (!string.IsNullOrWhiteSpace(request.TimeZone))
        {
            var zone = RunnerPreferences.FindZone(request.TimeZone)
                ?? throw new UserInputException("timeZone", $"timeZone: '{request.TimeZone.Trim()}' is not an IANA time zone; use a name such as America/Denver or Europe/Berlin");
            zoneChanged = (row.TimeZone ?? "UTC") != zone.Id;
            row.TimeZone = zone.Id;
        }

        var preferences = RunnerPreferences.From(row.DistanceUnit, row.WeightUnit, row.TimeZone);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (zoneChanged)
        {
            await RedateActivitiesAsync(db, runner.RunnerId, preferences, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return preferences;
    }

    /// <summary>Every imported activity of <paramref name="owner"/> to its day in the runner's zone, in batches.</summary>
    private static async Task RedateActivitiesAsync(RunStrongDbContext db, Guid owner, RunnerPreferences preferences, CancellationToken cancellationToken)
    {
        const int Batch = 500;
        long after = 0;
        while (true)
        {
            var rows = await db.Activities.AsTracking()
                .Where(a => a.OwnerId == owner && a.Format != "manual" && a.Id > after)
                .OrderBy(a => a.Id).Take(Batch)
                .ToListAsync(cancellationToken);
            if (rows.Count == 0)
            {
                return;
            }

            foreach (var row in rows)
            {
                row.LocalDate = preferences.DayOf(row.StartTime);
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            after = rows[^1].Id;
        }
    }

    private static TrimpWeighting? ParseWeighting(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "men" => TrimpWeighting.Men,
        "women" => TrimpWeighting.Women,
        _ => null,
    };

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
