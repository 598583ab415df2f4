using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RunStrong.Data;
using RunStrong.Domain.Activities;
using RunStrong.Domain.Activities.Metrics;
using RunStrong.Domain.Catalogue;
using RunStrong.Domain.Prediction;
using RunStrong.Domain.Training;
using RunStrong.Domain.Units;
using RunStrong.Features.Common;

namespace RunStrong.Features.Activities;

/// <summary>
/// Corrects an activity (<c>PATCH /api/activities/{id}</c>, <c>PATCH /api/log/runs/{id}</c>, the activity page,
/// <c>runstrong activities edit</c>): its name, sport, run type, RPE and day; for a run entered by hand also its distance
/// and time (an imported file's own numbers stay the file's). Predictions, load and the dashboard read the corrected row.
/// </summary>
public static class EditActivity
{
    /// <summary>Fields left null keep their value; an empty <see cref="Name"/> goes back to the default title.</summary>
    /// <param name="Date">The day it is on: 1990-01-01 to the runner's today (<see cref="MoveToDay"/>).</param>
    /// <param name="RunType">easy, quality, long, race or hills.</param>
    /// <param name="Sport">running, cycling, walking, hiking, swimming, training, other.</param>
    /// <param name="Distance">Hand-entered runs only: 10k, 6.2mi, 8000.</param>
    /// <param name="Time">Hand-entered runs only: [h:]mm:ss.</param>
    public sealed record Change(
        string? Name = null, string? Sport = null, string? RunType = null, double? Rpe = null, DateOnly? Date = null,
        string? Distance = null, string? Time = null);

    public static async Task HandleAsync(RunStrongDbContext db, ICurrentRunner runner, TimeProvider clock, long id, Change change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(change);
        var owner = runner.RunnerId;
        var row = await db.Activities.AsTracking().FirstOrDefaultAsync(a => a.OwnerId == owner && a.Id == id, cancellationToken)
            ?? throw GetActivity.NotFound(id);
        var manual = row.Format == "manual";
        // A run typed in without a name was named after its type, distance and time (LogRun.DefaultName); a correction of
        // any of them renames it, unless the runner has named it themselves.
        var unit = (await Settings.RunnerPreferences.GetAsync(db, runner, cancellationToken)).Distance;
        var namedByDefault = manual && change.Name is null && row.Name is { } oldName && DefaultNames(row, unit).Contains(oldName);

        if (change.Name is { } name)
        {
            var trimmed = name.Trim();
            row.Name = trimmed.Length == 0 ? null : trimmed.Length > 500 ? trimmed[..500] : trimmed;
        }

        if (change.Sport is { } sportText)
        {
            row.Sport = Kebab.TryParse<Sport>(sportText.Trim(), out var sport) && sport is not (Sport.Unknown or Sport.Transition or Sport.Multisport)
                ? Kebab.Name(sport)
                : throw new UserInputException("sport", $"sport: unknown sport '{sportText.Trim()}'; expected one of running, cycling, walking, hiking, swimming, training, other");
        }

        if (change.RunType is { } typeText)
        {
            row.RunType = string.IsNullOrWhiteSpace(typeText) ? null
                : Kebab.TryParse<RunType>(typeText.Trim(), out var type) ? Kebab.Name(type)
                : throw new UserInputException("runType", $"runType: unknown run type '{typeText.Trim()}'; expected one of {string.Join(", ", Kebab.Names<RunType>())}");
        }

        if (change.Rpe is { } rpe)
        {
            row.Rpe = SessionRpe.Problem(rpe, "RPE") is { } rpeProblem ? throw new UserInputException("rpe", "rpe: " + rpeProblem) : rpe;
        }

        if (change.Date is { } date && date != row.LocalDate)
        {
            var today = (await Settings.RunnerPreferences.GetAsync(db, runner, cancellationToken)).Today(clock);
            MoveToDay(row, date, today);
        }

        if (change.Distance is not null || change.Time is not null)
        {
            if (!manual)
            {
                throw new UserInputException(change.Distance is not null ? "distance" : "time",
                    $"{(change.Distance is not null ? "distance" : "time")}: activity {id} was imported from a {row.Format} file; its distance and time are the file's");
            }

            var metres = row.DistanceMeters;
            var seconds = row.MovingSeconds > 0 ? row.MovingSeconds : row.ElapsedSeconds;
            if (change.Distance is not null)
            {
                metres = RaceDistance.TryParse(change.Distance, out var distance, out var error)
                    ? distance.Metres
                    : throw new UserInputException("distance", "distance: " + error);
            }

            if (change.Time is not null)
            {
                seconds = RaceTime.TryParse(change.Time, out var time, out var error)
                    ? time.TotalSeconds
                    : throw new UserInputException("time", "time: " + error);
            }

            // As when it was logged (LogRun): a run typed in that no run is (too short, too long, too slow, faster than the
            // world record) is a typo, refused before any change.
            if (row.Sport == "running" && metres > 0 && seconds > 0)
            {
                Training.LogRun.RefuseImplausibleRun(change.Time is not null ? "time" : "distance", RaceDistance.FromMetres(metres),
                    RaceTime.FromSeconds(seconds), unit, change.Distance?.Trim());
            }

            row.DistanceMeters = metres;
            if (change.Time is not null)
            {
                row.ElapsedSeconds = seconds;
                row.MovingSeconds = seconds;
            }
        }

        if (manual && (change.RunType is not null || change.Distance is not null || change.Time is not null))
        {
            // A hand-entered race over a standard distance is its own best effort (LogRun); keep that true after an edit.
            var seconds = row.MovingSeconds > 0 ? row.MovingSeconds : row.ElapsedSeconds;
            var summary = StoredSummary.Read(row.SummaryJson);
            var isRace = row.RunType == "race" && BestEfforts.StandardDistancesMeters.Contains(row.DistanceMeters) && seconds > 0;
            row.SummaryJson = (summary with { BestEfforts = isRace ? [new BestEffort(row.DistanceMeters, seconds)] : [] }).ToJson();
            if (namedByDefault && DefaultNames(row, unit) is [var renamed, ..])
            {
                row.Name = renamed;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The names LogRun gives a run typed in with <paramref name="row"/>'s type, distance and time: in the runner's unit
    /// first, then as runs logged before names followed the unit were named ("Easy run, 9656.1m in 54:00").
    /// </summary>
    private static string[] DefaultNames(Data.Entities.StoredActivity row, DistanceUnit unit)
    {
        var seconds = row.MovingSeconds > 0 ? row.MovingSeconds : row.ElapsedSeconds;
        if (row.DistanceMeters <= 0 || seconds <= 0 || row.RunType is not { Length: > 0 } type)
        {
            return [];
        }

        var distance = RaceDistance.FromMetres(row.DistanceMeters);
        var time = RaceTime.FromSeconds(seconds);
        return
        [
            Training.LogRun.DefaultName(type, distance, time, unit),
            Training.LogRun.DefaultName(type, distance, time, unit == DistanceUnit.Miles ? DistanceUnit.Kilometres : DistanceUnit.Miles),
            Training.LogRun.DefaultName(type, distance.Name, time),
        ];
    }

    /// <summary>
    /// The one rule for an activity's day, whichever way the runner changes it (this correction, or confirming the day of a
    /// file without times, <see cref="SetActivityDate"/>): a day from 1990-01-01 to the runner's today (<see cref="LoggedDays"/>). A file with
    /// recorded times keeps its time of day on the new day (its clock was off by whole days, or the runner typed the wrong
    /// day; pages then show the day with the recorded start beside it); a file without times, or dated only by its metadata,
    /// is kept at the start of the day the runner entered. The link to a planned run goes: the runner links it again.
    /// </summary>
    internal static void MoveToDay(Data.Entities.StoredActivity row, DateOnly date, DateOnly today)
    {
        LoggedDays.Check(date, today, "date", "activity");
        var summary = StoredSummary.Read(row.SummaryJson);
        if (summary.StartTimeSource == "recorded" || row.Format == "manual")
        {
            row.StartTime = row.StartTime.AddDays(date.DayNumber - row.LocalDate.DayNumber);
        }
        else
        {
            row.StartTime = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            row.SummaryJson = (summary with { StartTimeSource = "entered" }).ToJson();
        }

        row.LocalDate = date;
        row.PlannedFor = null;
    }
}
