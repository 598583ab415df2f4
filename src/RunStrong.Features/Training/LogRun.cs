using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using RunStrong.Data;
using RunStrong.Data.Entities;
using RunStrong.Domain.Activities.Metrics;
using RunStrong.Domain.Catalogue;
using RunStrong.Domain.Prediction;
using RunStrong.Domain.Training;
using RunStrong.Domain.Units;
using RunStrong.Features.Activities;
using RunStrong.Features.Common;

namespace RunStrong.Features.Training;

/// <summary>
/// Logs a run entered by hand (<c>runstrong log run</c>, <c>POST /api/log/runs</c>, /log/run) into the Activities table
/// with format "manual". A race over a standard distance is stored with that distance as a best effort, so predictions
/// and their trend use it like an imported run's best efforts. The same run entered twice is stored once (the content hash
/// is a SHA-256 of the manual fields), and the second entry answers with the first. A run faster than the world record for
/// its distance is refused: it is a typo, and stored it would feed predictions (docs/decisions/0021).
/// </summary>
public static class LogRun
{
    public sealed record Request
    {
        public DateOnly? Date { get; init; }

        /// <summary>10k, 5k, half, 8000 (metres), 8.5k.</summary>
        public string? Distance { get; init; }

        /// <summary>[h:]mm:ss.</summary>
        public string? Time { get; init; }

        /// <summary>easy, quality, long, race or hills; easy when left out.</summary>
        public string? Type { get; init; }

        /// <summary>Session RPE, 1–10.</summary>
        public double? Rpe { get; init; }

        public string? Name { get; init; }
    }

    public sealed record RunView(long Id, DateOnly Date, string Format, double DistanceMeters, double Seconds, string Time, string? Type, double? Rpe, string? Name, bool Duplicate)
    {
        /// <summary>For people, in the runner's unit: "6.21 mi in 50:00, 8:03 /mi (easy)" (the log's API fills it).</summary>
        public string? Text { get; init; }

        /// <summary>This run with its <see cref="Text"/> in <paramref name="preferences"/>' unit.</summary>
        public RunView Described(Settings.RunnerPreferences preferences)
        {
            ArgumentNullException.ThrowIfNull(preferences);
            var pace = DistanceMeters > 0 && Seconds > 0 ? preferences.ShowPace(Seconds / (DistanceMeters / 1000)) : null;
            return this with { Text = $"{preferences.ShowDistance(DistanceMeters)} in {Time}{(pace is null ? "" : ", " + pace)}{(Type is { } t ? $" ({t})" : "")}" };
        }

        public static RunView From(StoredActivity a, bool duplicate = false)
        {
            ArgumentNullException.ThrowIfNull(a);
            var seconds = a.MovingSeconds > 0 ? a.MovingSeconds : a.ElapsedSeconds;
            return new(a.Id, a.LocalDate, a.Format, a.DistanceMeters, seconds,
                seconds > 0 ? RaceTime.FromSeconds(seconds).ToString() : "0:00", a.RunType, a.Rpe, a.Name, duplicate);
        }
    }

    public static async Task<RunView> HandleAsync(
        RunStrongDbContext db, ICurrentRunner runner, TimeProvider clock, Request request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(request);
        if (!RaceDistance.TryParse(request.Distance, out var distance, out var distanceError))
        {
            throw new UserInputException("distance", "distance: " + distanceError);
        }

        if (!RaceTime.TryParse(request.Time, out var time, out var timeError))
        {
            throw new UserInputException("time", "time: " + timeError);
        }

        var preferences = await Settings.RunnerPreferences.GetAsync(db, runner, cancellationToken);
        RefuseImplausibleRun("time", distance, time, preferences.Distance, request.Distance!.Trim());
        var type = RunType.Easy;
        if (!string.IsNullOrWhiteSpace(request.Type) && !Kebab.TryParse(request.Type.Trim(), out type))
        {
            throw new UserInputException("type", $"type: unknown run type '{request.Type.Trim()}'; expected one of {string.Join(", ", Kebab.Names<RunType>())}");
        }

        if (SessionRpe.Problem(request.Rpe, "RPE") is { } rpeProblem)
        {
            throw new UserInputException("rpe", "rpe: " + rpeProblem);
        }

        var today = preferences.Today(clock);
        var date = request.Date is { } day ? LoggedDays.Check(day, today, "date", "run") : today;
        var run = new LoggedRun(date, distance.Metres, time.ToTimeSpan(), type, request.Rpe);
        var typeName = Kebab.Name(type);
        var canonical = string.Create(CultureInfo.InvariantCulture,
            $"manual|{date:yyyy-MM-dd}|{run.DistanceMetres:R}|{time.TotalSeconds:R}|{typeName}|{request.Rpe?.ToString("R", CultureInfo.InvariantCulture)}");
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
        var owner = runner.RunnerId;
        var existing = await db.Activities.AsNoTracking().FirstOrDefaultAsync(a => a.OwnerId == owner && a.ContentHash == hash, cancellationToken);
        if (existing is not null)
        {
            return RunView.From(existing, duplicate: true);
        }

        var summary = type == RunType.Race && BestEfforts.StandardDistancesMeters.Contains(distance.Metres)
            ? StoredSummary.Empty with { BestEfforts = [new BestEffort(distance.Metres, time.TotalSeconds)] }
            : StoredSummary.Empty;
        var name = string.IsNullOrWhiteSpace(request.Name) ? DefaultName(typeName, distance, time, preferences.Distance) : request.Name.Trim();
        var row = new StoredActivity
        {
            OwnerId = owner,
            Format = "manual",
            Sport = "running",
            // A run typed in has a day but no time: it is kept at noon on that day in the runner's zone.
            StartTime = preferences.ToUtc(date, new TimeOnly(12, 0)),
            LocalDate = date,
            Name = name.Length > 500 ? name[..500] : name,
            DistanceMeters = distance.Metres,
            ElapsedSeconds = time.TotalSeconds,
            MovingSeconds = time.TotalSeconds,
            ContentHash = hash,
            SourcePath = "manual entry",
            SummaryJson = summary.ToJson(),
            ImportedAt = clock.GetUtcNow().UtcDateTime,
            RunType = typeName,
            Rpe = request.Rpe,
        };
        db.Activities.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return RunView.From(row);
    }

    /// <summary>
    /// The name of a run typed in without one, its distance as the runner counts (<see cref="RaceDistance.NameIn"/>):
    /// "Easy run, 6 mi in 54:00", "Race run, 10k in 45:00", "Long run, 18.5 km in 1:50:00".
    /// </summary>
    public static string DefaultName(string typeName, RaceDistance distance, RaceTime time, DistanceUnit unit) =>
        DefaultName(typeName, distance.NameIn(unit), time);

    /// <summary>The same with the distance already named (<see cref="RaceDistance.Name"/> gave "9656.1m" before names followed the unit).</summary>
    internal static string DefaultName(string typeName, string distanceName, RaceTime time)
    {
        ArgumentException.ThrowIfNullOrEmpty(typeName);
        return $"{char.ToUpperInvariant(typeName[0])}{typeName[1..]} run, {distanceName} in {time}";
    }

    /// <summary>The shortest run that can be typed in, metres: a stride-out or a single sprint is part of a session, not a run.</summary>
    public const double ShortestRunMetres = 100;

    /// <summary>The longest run that can be typed in, metres: more than the longest non-stop ultramarathons on record.</summary>
    public const double LongestRunMetres = 1_000_000;

    /// <summary>The slowest pace of a run that can be typed in, seconds per km (an hour: a brisk walk is about 10 minutes).</summary>
    public const double SlowestSecondsPerKm = 3600;

    /// <summary>
    /// Refuses a run typed in that no run is: shorter than <see cref="ShortestRunMetres"/> or longer than
    /// <see cref="LongestRunMetres"/> (a unit left out or a digit too many), slower than <see cref="SlowestSecondsPerKm"/>,
    /// or faster than the world record for its distance (<see cref="Plausibility.WorldRecordSeconds"/>); the message names
    /// <paramref name="field"/> for a pace, "distance" for a distance, and gives the distance as typed, else in the runner's
    /// <paramref name="unit"/>, and the limits in that unit.
    /// </summary>
    /// <param name="typed">The distance as the runner typed it; null when only the time was typed (a stored run's distance
    /// stays as it is).</param>
    internal static void RefuseImplausibleRun(string field, RaceDistance distance, RaceTime time, DistanceUnit unit, string? typed)
    {
        var typedDistance = typed is not null;
        var shown = typed ?? distance.NameIn(unit);
        var per = unit == DistanceUnit.Miles ? "a mile" : "a kilometre";
        // A run typed in, not a recording: a distance or pace no run has is a typo in a unit or a digit.
        if (typedDistance && distance.Metres < ShortestRunMetres)
        {
            throw new UserInputException("distance", string.Create(CultureInfo.InvariantCulture,
                $"distance: {shown} is shorter than a run RunStrong logs ({ShortestRunMetres:0} m or more); check the distance and its unit (10k, 10 mi)"));
        }

        if (typedDistance && distance.Metres > LongestRunMetres)
        {
            throw new UserInputException("distance", string.Create(CultureInfo.InvariantCulture,
                $"distance: {shown} is longer than a run in one go ({Measure.Distance(LongestRunMetres, unit, 0)} at most); check the distance and its unit"));
        }

        if (time.TotalSeconds > distance.Metres / 1000 * SlowestSecondsPerKm)
        {
            throw new UserInputException(field, $"{field}: {shown} in {time} is slower than {RaceTime.FromSeconds(Measure.PaceIn(SlowestSecondsPerKm, unit))} {per}, slower than a walk; check the time and the distance");
        }

        if (Plausibility.IsFasterThanWorldRecord(distance.Metres, time.TotalSeconds))
        {
            throw new UserInputException(field,
                $"{field}: {shown} in {time} is faster than the world record for the distance ({RacePredictor.WorldRecord(distance)}); check the time and the distance");
        }
    }
}
