using RunStrong.Data;
using RunStrong.Data.Entities;
using RunStrong.Domain.Training;
using RunStrong.Features.Catalogue;
using RunStrong.Features.Common;

namespace RunStrong.Features.Training;

/// <summary>
/// Logs a whole strength session (CLI <c>runstrong log strength</c>, <c>POST /api/log/strength</c>). Each set is checked
/// with the domain types and the catalogue; a bad one is refused with a message naming the set and the field. A session is
/// linked to the plan's strength session that day (or the one named by <see cref="Request.PlannedSessionKey"/>); a day
/// without one logs an unplanned session.
/// </summary>
public static class LogStrengthSession
{
    public sealed record Request
    {
        /// <summary>The day; today when left out.</summary>
        public DateOnly? Date { get; init; }

        /// <summary>The planned session fulfilled (<c>2026-12-08#0</c>); when null, the plan's strength session that day if any.</summary>
        public string? PlannedSessionKey { get; init; }

        /// <summary>False to log an unplanned session even on a planned day.</summary>
        public bool LinkToPlan { get; init; } = true;

        public string? Notes { get; init; }

        /// <summary>How hard the whole session felt, 1–10.</summary>
        public double? SessionRpe { get; init; }

        public double? DurationMinutes { get; init; }

        public IReadOnlyList<SetInput> Sets { get; init; } = [];
    }

    public static async Task<StrengthSessionView> HandleAsync(
        RunStrongDbContext db, ICurrentRunner runner, TimeProvider clock, Request request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(request);
        var catalogue = await new ExerciseCatalogue(db).AllAsync(cancellationToken);
        if (request.Sets is null || request.Sets.Count == 0)
        {
            throw new UserInputException("sets", "a strength session needs at least one set");
        }

        var preferences = await Settings.RunnerPreferences.GetAsync(db, runner, cancellationToken);
        var sets = request.Sets.Select((s, i) => SetValidation.Validate(s ?? new SetInput(), i, catalogue, preferences.Weight)).ToArray();
        if (SessionRpe.Problem(request.SessionRpe, "session RPE") is { } rpeProblem)
        {
            throw new UserInputException("sessionRpe", "sessionRpe: " + rpeProblem);
        }

        if (request.DurationMinutes is { } minutes && !(minutes > 0 && minutes <= 600))
        {
            throw new UserInputException("durationMinutes", $"duration must be between 1 and 600 minutes, got {minutes}");
        }

        if (request.Notes is { Length: > 2000 })
        {
            throw new UserInputException("notes", "notes must be at most 2000 characters");
        }

        var today = preferences.Today(clock);
        var date = request.Date is { } day ? LoggedDays.CheckPlannedSession(day, today, "date", "strength session") : today;
        var link = await PlanLink.ResolveAsync(db, runner, catalogue, date, request.PlannedSessionKey, request.LinkToPlan, cancellationToken);
        var record = new StrengthSessionRecord
        {
            OwnerId = runner.RunnerId,
            Date = date,
            PlanId = link?.PlanId,
            PlannedSessionKey = link?.Key,
            SessionRpe = request.SessionRpe,
            DurationMinutes = request.DurationMinutes,
            Notes = string.IsNullOrWhiteSpace(request.Notes) ? null : request.Notes.Trim(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            Sets = [.. sets.Select((s, i) => ToRecord(runner, s, i))],
        };
        db.StrengthSessions.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return StrengthSessionView.From(record);
    }

    internal static LoggedSetRecord ToRecord(ICurrentRunner runner, ValidSet valid, int position)
    {
        var set = valid.Set;
        return new LoggedSetRecord
        {
            OwnerId = runner.RunnerId,
            Position = position,
            ExerciseSlug = set.ExerciseSlug,
            VariantSlug = set.VariantSlug,
            Reps = set.Reps,
            LoadValue = valid.LoadValue,
            LoadUnit = valid.LoadUnit,
            Band = set.Band is { } b ? Domain.Catalogue.Kebab.Name(b) : null,
            Seconds = set.Seconds,
            Rpe = valid.Rpe,
            RepsInReserve = valid.RepsInReserve,
            Pain = set.Pain,
            Completed = set.Completed,
        };
    }

    internal static void Apply(LoggedSetRecord target, LoggedSetRecord source)
    {
        target.ExerciseSlug = source.ExerciseSlug;
        target.VariantSlug = source.VariantSlug;
        target.Reps = source.Reps;
        target.LoadValue = source.LoadValue;
        target.LoadUnit = source.LoadUnit;
        target.Band = source.Band;
        target.Seconds = source.Seconds;
        target.Rpe = source.Rpe;
        target.RepsInReserve = source.RepsInReserve;
        target.Pain = source.Pain;
        target.Completed = source.Completed;
    }
}

/// <summary>Which planned session a logged one fulfils.</summary>
internal sealed record PlanLink(long PlanId, string Key)
{
    public static async Task<PlanLink?> ResolveAsync(
        RunStrongDbContext db, ICurrentRunner runner, IReadOnlyList<Domain.Catalogue.Exercise> catalogue, DateOnly date, string? key, bool linkToPlan,
        CancellationToken cancellationToken)
    {
        if (!linkToPlan && string.IsNullOrWhiteSpace(key))
        {
            return null;
        }

        var plan = await TrainingPlan.ForDayAsync(db, runner, catalogue, date, cancellationToken);
        var planned = plan?.StrengthOn(date) ?? [];
        if (string.IsNullOrWhiteSpace(key))
        {
            return planned.Count > 0 ? new PlanLink(planned[0].PlanId, planned[0].Key) : null;
        }

        var match = planned.FirstOrDefault(p => p.Key == key.Trim());
        if (match is null && await MovedAsync(db, runner, catalogue, date, key.Trim(), cancellationToken) is { } moved)
        {
            return moved;
        }

        return match is null
            ? throw new UserInputException("plannedSessionKey",
                $"no planned strength session '{key.Trim()}' on {date:yyyy-MM-dd} in the plan for that day{(planned.Count > 0 ? "; that day has " + string.Join(", ", planned.Select(p => p.Key)) : "")}")
            : new PlanLink(match.PlanId, match.Key);
    }

    /// <summary>
    /// A strength session of another day of <paramref name="date"/>'s week, done on <paramref name="date"/> instead (a missed
    /// session offered later in its week, docs/decisions/0027): linked to its own key, so that it counts as done, moved.
    /// </summary>
    private static async Task<PlanLink?> MovedAsync(
        RunStrongDbContext db, ICurrentRunner runner, IReadOnlyList<Domain.Catalogue.Exercise> catalogue, DateOnly date, string key, CancellationToken cancellationToken)
    {
        if (!System.Text.RegularExpressions.Regex.IsMatch(key, @"^\d{4}-\d{2}-\d{2}#\d{1,2}$"))
        {
            return null;
        }

        var (plannedOn, _) = LogPlannedSession.ParseKey(key);
        if (plannedOn == date || !PlanStatuses.SameWeek(plannedOn, date))
        {
            return null;
        }

        var plan = await TrainingPlan.ForDayAsync(db, runner, catalogue, plannedOn, cancellationToken);
        return plan?.StrengthOn(plannedOn).FirstOrDefault(p => p.Key == key) is { } session ? new PlanLink(session.PlanId, session.Key) : null;
    }
}
