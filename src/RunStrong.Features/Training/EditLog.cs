using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RunStrong.Data;
using RunStrong.Domain.Catalogue;
using RunStrong.Domain.Training;
using RunStrong.Features.Catalogue;
using RunStrong.Features.Common;

namespace RunStrong.Features.Training;

/// <summary>
/// Corrections to the log (issue 13): change or delete a logged set, a strength session, a soreness check-in. Each
/// change is checked as a new entry is (the same messages, naming the field) and leaves everything else as it was.
/// Progression, predictions and load read the log afresh, so they follow at once.
/// </summary>
public static class EditLog
{
    /// <summary>A change to one set: fields left null keep their value; <see cref="Load"/> "" removes the load, <see cref="Band"/> "" the band.</summary>
    public sealed record SetChange
    {
        public string? Exercise { get; init; }

        public string? Variant { get; init; }

        public int? Reps { get; init; }

        public string? Load { get; init; }

        public string? Band { get; init; }

        public int? Seconds { get; init; }

        public double? Rpe { get; init; }

        public bool? Pain { get; init; }

        public bool? Completed { get; init; }
    }

    /// <summary>Changes one logged set; 404 when it is not the runner's.</summary>
    public static async Task<LoggedSetView> ChangeSetAsync(
        RunStrongDbContext db, ICurrentRunner runner, long id, SetChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(change);
        var owner = runner.RunnerId;
        var row = await db.LoggedSets.AsTracking().FirstOrDefaultAsync(s => s.OwnerId == owner && s.Id == id, cancellationToken)
            ?? throw NotFound("set", id);
        var exerciseChanged = change.Exercise is { Length: > 0 } && change.Exercise.Trim() != row.ExerciseSlug;
        var input = new SetInput
        {
            Exercise = change.Exercise ?? row.ExerciseSlug,
            // A new exercise takes its own variant, load and band: what fits one exercise rarely fits another.
            Variant = change.Variant ?? (exerciseChanged ? null : row.VariantSlug),
            Reps = change.Reps ?? row.Reps,
            Load = change.Load is not null ? change.Load : exerciseChanged ? null : row.LoadValue is { } v ? string.Create(CultureInfo.InvariantCulture, $"{v:0.###}{row.LoadUnit}") : null,
            Band = change.Band is not null ? change.Band : exerciseChanged ? null : row.Band,
            Seconds = change.Seconds ?? (exerciseChanged ? null : row.Seconds),
            Rpe = change.Rpe ?? row.Rpe,
            RepsInReserve = change.Rpe is null ? row.RepsInReserve : null,
            Pain = change.Pain ?? row.Pain,
            Completed = change.Completed ?? row.Completed,
        };
        var catalogue = await new ExerciseCatalogue(db).AllAsync(cancellationToken);
        var preferences = await Settings.RunnerPreferences.GetAsync(db, runner, cancellationToken);
        var valid = SetValidation.Validate(input with { Rpe = input.RepsInReserve is null ? input.Rpe : null }, row.Position, catalogue, preferences.Weight, path: "");
        LogStrengthSession.Apply(row, LogStrengthSession.ToRecord(runner, valid, row.Position));
        await db.SaveChangesAsync(cancellationToken);
        return LoggedSetView.From(row);
    }

    /// <summary>Deletes one logged set, and its session when it was the last set; 404 when it is not the runner's.</summary>
    public static async Task DeleteSetAsync(RunStrongDbContext db, ICurrentRunner runner, long id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(runner);
        var owner = runner.RunnerId;
        var row = await db.LoggedSets.AsTracking().FirstOrDefaultAsync(s => s.OwnerId == owner && s.Id == id, cancellationToken)
            ?? throw NotFound("set", id);
        db.LoggedSets.Remove(row);
        await db.SaveChangesAsync(cancellationToken);
        if (!await db.LoggedSets.AnyAsync(s => s.OwnerId == owner && s.SessionId == row.SessionId, cancellationToken))
        {
            await db.StrengthSessions.Where(s => s.OwnerId == owner && s.Id == row.SessionId).ExecuteDeleteAsync(cancellationToken);
            await db.TouchRunnerAsync(owner, cancellationToken);
        }
    }

    /// <summary>A change to a strength session: fields left null keep their value; <see cref="Notes"/> "" removes the notes.</summary>
    public sealed record SessionChange(DateOnly? Date = null, double? SessionRpe = null, double? DurationMinutes = null, string? Notes = null);

    /// <summary>Changes a strength session's day, session RPE, duration or notes; 404 when it is not the runner's.</summary>
    public static async Task<StrengthSessionView> ChangeSessionAsync(
        RunStrongDbContext db, ICurrentRunner runner, TimeProvider clock, long id, SessionChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(change);
        var owner = runner.RunnerId;
        var row = await db.StrengthSessions.AsTracking().Include(s => s.Sets).FirstOrDefaultAsync(s => s.OwnerId == owner && s.Id == id, cancellationToken)
            ?? throw NotFound("strength session", id);
        if (SessionRpe.Problem(change.SessionRpe, "session RPE") is { } rpeProblem)
        {
            throw new UserInputException("sessionRpe", "sessionRpe: " + rpeProblem);
        }

        if (change.DurationMinutes is { } minutes && !(minutes > 0 && minutes <= 600))
        {
            throw new UserInputException("durationMinutes", string.Create(CultureInfo.InvariantCulture, $"durationMinutes: duration must be between 1 and 600 minutes, got {minutes}"));
        }

        if (change.Notes is { Length: > 2000 })
        {
            throw new UserInputException("notes", "notes: at most 2000 characters");
        }

        if (change.Date is { } date && date != row.Date)
        {
            LoggedDays.CheckPlannedSession(date, await TrainingData.TodayAsync(db, runner, clock, cancellationToken), "date", "strength session");

            // On another day it no longer fulfils the planned session of its old day.
            row.Date = date;
            row.PlanId = null;
            row.PlannedSessionKey = null;
        }

        row.SessionRpe = change.SessionRpe ?? row.SessionRpe;
        row.DurationMinutes = change.DurationMinutes ?? row.DurationMinutes;
        row.Notes = change.Notes is null ? row.Notes : string.IsNullOrWhiteSpace(change.Notes) ? null : change.Notes.Trim();
        await db.SaveChangesAsync(cancellationToken);
        return StrengthSessionView.From(row);
    }

    /// <summary>A change to a soreness check-in: fields left null keep their value.</summary>
    public sealed record SorenessChange(DateOnly? Date = null, string? Area = null, int? Score = null, string? Notes = null);

    /// <summary>Changes a soreness check-in; 404 when it is not the runner's.</summary>
    public static async Task<LogSoreness.SorenessView> ChangeSorenessAsync(
        RunStrongDbContext db, ICurrentRunner runner, TimeProvider clock, long id, SorenessChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(change);
        var owner = runner.RunnerId;
        var row = await db.SorenessCheckIns.AsTracking().FirstOrDefaultAsync(s => s.OwnerId == owner && s.Id == id, cancellationToken)
            ?? throw NotFound("soreness check-in", id);
        if (change.Area is not null)
        {
            row.Area = Kebab.TryParse<BodyArea>(change.Area.Trim(), out var area)
                ? Kebab.Name(area)
                : throw new UserInputException("area", $"area: unknown body area '{change.Area.Trim()}'; expected one of {string.Join(", ", Kebab.Names<BodyArea>())}");
        }

        if (change.Score is { } score)
        {
            row.Score = score is >= 0 and <= 10
                ? score
                : throw new UserInputException("score", string.Create(CultureInfo.InvariantCulture, $"score: soreness must be between 0 and 10, got {score}"));
        }

        if (change.Date is { } date && date != row.Date)
        {
            row.Date = LoggedDays.Check(date, await TrainingData.TodayAsync(db, runner, clock, cancellationToken), "date", "soreness check-in");
        }

        row.Notes = change.Notes is null ? row.Notes : string.IsNullOrWhiteSpace(change.Notes) ? null : change.Notes.Trim()[..Math.Min(2000, change.Notes.Trim().Length)];
        await db.SaveChangesAsync(cancellationToken);
        return LogSoreness.SorenessView.From(row);
    }

    private static UserInputException NotFound(string what, long id) =>
        new("id", string.Create(CultureInfo.InvariantCulture, $"no {what} {id} in your log"), notFound: true);
}
