using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.TimeZones;
using RunStrong.Data;
using RunStrong.Domain.Training;
using RunStrong.Domain.Units;
using RunStrong.Features.Common;

namespace RunStrong.Features.Settings;

/// <summary>
/// How a runner reads RunStrong: distances and paces in km or miles, loads in kg or lb, days and times in their own
/// time zone (IANA, from NodaTime's built-in tz database, so every machine agrees). Stored numbers stay SI (metres,
/// seconds, kilograms) and instants stay UTC; these only decide what is shown and what "today" is.
/// </summary>
public sealed record RunnerPreferences(DistanceUnit Distance, MassUnit Weight, DateTimeZone Zone)
{
    /// <summary>km, kg and UTC: what a runner gets until they choose.</summary>
    public static readonly RunnerPreferences Default = new(DistanceUnit.Kilometres, MassUnit.Kilograms, DateTimeZone.Utc);

    /// <summary>The zone's IANA id ("America/Denver", "UTC").</summary>
    public string ZoneId => Zone.Id;

    /// <summary>"km" or "mi".</summary>
    public string DistanceName => Measure.Symbol(Distance);

    /// <summary>"kg" or "lb".</summary>
    public string WeightName => Weight == MassUnit.Pounds ? "lb" : "kg";

    /// <summary>The runner's calendar day now.</summary>
    public DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DayOf(clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>The runner's calendar day at a UTC instant.</summary>
    public DateOnly DayOf(DateTime utc) => DateOnly.FromDateTime(LocalTime(utc));

    /// <summary>A UTC instant as the runner's wall-clock time.</summary>
    public DateTime LocalTime(DateTime utc) =>
        Instant.FromDateTimeUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).InZone(Zone).ToDateTimeUnspecified();

    /// <summary>The UTC instant of a wall-clock time on the runner's calendar (the later one when clocks go back, the next valid one when they go forward).</summary>
    public DateTime ToUtc(DateOnly day, TimeOnly time) =>
        LocalDateTime.FromDateTime(day.ToDateTime(time)).InZoneLeniently(Zone).ToDateTimeUtc();

    /// <summary>"Thu 3 Dec 2026, 07:16 MST": a UTC instant in the runner's zone, with the zone's abbreviation.</summary>
    public string ShowTime(DateTime utc, string format = "ddd d MMM yyyy, HH:mm")
    {
        var zoned = Instant.FromDateTimeUtc(System.DateTime.SpecifyKind(utc, DateTimeKind.Utc)).InZone(Zone);
        return zoned.ToDateTimeUnspecified().ToString(format, CultureInfo.InvariantCulture) + " " + zoned.GetZoneInterval().Name;
    }

    /// <summary>
    /// When an activity was: its recorded start in the runner's zone ("Sat 15 Aug 2015, 08:45 MDT"); the day alone when
    /// its file had no recorded start; the day it is on with the recorded time beside it when the runner moved it to another day.
    /// </summary>
    public string ShowStart(DateTime utc, DateOnly day, bool recorded = true)
    {
        var dayText = day.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture);
        return !recorded ? dayText : DayOf(utc) == day ? ShowTime(utc) : $"{dayText} (recorded {ShowTime(utc)})";
    }

    /// <summary>"10.00 km" / "6.21 mi".</summary>
    public string ShowDistance(double metres, int decimals = 2) => Measure.Distance(metres, Distance, decimals);

    /// <summary>"5:00 /km" / "8:03 /mi" from seconds per km.</summary>
    public string ShowPace(double? secondsPerKm) => Measure.Pace(secondsPerKm, Distance);

    /// <summary>"60 kg" / "132.28 lb": a load as lifted, in the runner's unit.</summary>
    public string ShowLoad(Mass load) => load.Format(Weight);

    /// <summary>Climb and elevation: "120 m" beside km, "394 ft" beside miles.</summary>
    public string ShowClimb(double? metres) => Measure.Height(metres, Distance);

    /// <summary>A zone by IANA id, or null when the tz database has none by that name.</summary>
    public static DateTimeZone? FindZone(string? id) =>
        string.IsNullOrWhiteSpace(id) ? null : DateTimeZoneProviders.Tzdb.GetZoneOrNull(id.Trim());

    /// <summary>Every IANA zone id the runner may choose, sorted.</summary>
    public static IReadOnlyList<string> ZoneIds { get; } =
        [.. (TzdbDateTimeZoneSource.Default.ZoneLocations?.Select(l => l.ZoneId) ?? []).Append("UTC").Distinct().Order(StringComparer.Ordinal)];

    /// <summary>The current runner's preferences (the defaults for a runner who chose nothing, or values no longer valid).</summary>
    public static Task<RunnerPreferences> GetAsync(RunStrongDbContext db, ICurrentRunner runner, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runner);
        return GetAsync(db, runner.RunnerId, cancellationToken);
    }

    /// <summary>The preferences of the runner <paramref name="runnerId"/>.</summary>
    public static async Task<RunnerPreferences> GetAsync(RunStrongDbContext db, Guid runnerId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var row = await db.Runners.AsNoTracking().Where(r => r.Id == runnerId)
            .Select(r => new { r.DistanceUnit, r.WeightUnit, r.TimeZone })
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? Default : From(row.DistanceUnit, row.WeightUnit, row.TimeZone);
    }

    /// <summary>Preferences from stored names; anything unknown falls back to the default.</summary>
    public static RunnerPreferences From(string? distance, string? weight, string? zone) => new(
        Measure.TryParse(distance, out var d) ? d : DistanceUnit.Kilometres,
        Measure.TryParseMass(weight, out var w) ? w.Value : MassUnit.Kilograms,
        FindZone(zone) ?? DateTimeZone.Utc);
}
