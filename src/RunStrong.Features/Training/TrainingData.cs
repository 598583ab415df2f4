using Microsoft.EntityFrameworkCore;
using RunStrong.Data;
using RunStrong.Data.Entities;
using RunStrong.Domain.Catalogue;
using RunStrong.Domain.Training;
using RunStrong.Features.Activities;
using RunStrong.Features.Common;

namespace RunStrong.Features.Training;

/// <summary>Reads the runner's log from storage as domain values, for progression, statistics and history.</summary>
public static class TrainingData
{
    /// <param name="from">Only sessions on or after this day (null: all).</param>
    /// <param name="to">Only sessions on or before this day (null: all).</param>
    /// <param name="exercise">Only sessions with a set of this exercise (its slug), each with that exercise's sets only; null: all.</param>
    public static async Task<IReadOnlyList<StrengthSessionRecord>> SessionRecordsAsync(
        RunStrongDbContext db, ICurrentRunner runner, CancellationToken cancellationToken, DateOnly? from = null, DateOnly? to = null, string? exercise = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(runner);
        var owner = runner.RunnerId;
        var query = exercise is null
            ? db.StrengthSessions.AsNoTracking().Include(s => s.Sets).Where(s => s.OwnerId == owner)
            : db.StrengthSessions.AsNoTracking().Include(s => s.Sets.Where(x => x.ExerciseSlug == exercise)).Where(s => s.OwnerId == owner);
        if (from is { } first)
        {
            query = query.Where(s => s.Date >= first);
        }

        if (to is { } last)
        {
            query = query.Where(s => s.Date <= last);
        }

        if (exercise is not null)
        {
            query = query.Where(s => s.Sets.Any(x => x.ExerciseSlug == exercise));
        }

        return await ListAsync(query, cancellationToken);
    }

    /// <summary>Sessions (with their sets included) as every reader wants them: oldest first, each one's sets in order.</summary>
    internal static async Task<IReadOnlyList<StrengthSessionRecord>> ListAsync(IQueryable<StrengthSessionRecord> query, CancellationToken cancellationToken)
    {
        var sessions = await query.ToListAsync(cancellationToken);
        foreach (var session in sessions)
        {
            session.Sets = [.. session.Sets.OrderBy(s => s.Position)];
        }

        return [.. sessions.OrderBy(s => s.Date).ThenBy(s => s.Id)];
    }

    /// <summary>
    /// Every exercise in the runner's log (sessions that count for progression, <see cref="ToDomain(IEnumerable{StrengthSessionRecord}, Func{StrengthSessionRecord, bool}?)"/>),
    /// in the order they first appear in it, without reading the whole log: the first day of each, and the sessions of a
    /// first day shared by several exercises to order those.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ExercisesLoggedAsync(RunStrongDbContext db, ICurrentRunner runner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(runner);
        var owner = runner.RunnerId;
        var counting = db.StrengthSessions.AsNoTracking().Where(s => s.OwnerId == owner && s.MergeWithSessionId == null);
        var firsts = await counting
            .SelectMany(s => s.Sets.Where(x => x.ExerciseSlug != WatchStrength.Unmapped), (s, x) => new { x.ExerciseSlug, s.Date })
            .GroupBy(x => x.ExerciseSlug)
            .Select(g => new { Slug = g.Key, First = g.Min(x => x.Date) })
            .ToListAsync(cancellationToken);
        var shared = firsts.GroupBy(f => f.First).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        if (shared.Length > 0)
        {
            var sessions = await counting.Include(s => s.Sets).Where(s => shared.Contains(s.Date)).ToListAsync(cancellationToken);
            foreach (var set in sessions.OrderBy(s => s.Date).ThenBy(s => s.Id).SelectMany(s => s.Sets.OrderBy(x => x.Position)))
            {
                order.TryAdd(set.ExerciseSlug, order.Count);
            }
        }

        return [.. firsts.OrderBy(f => f.First).ThenBy(f => order.GetValueOrDefault(f.Slug)).Select(f => f.Slug)];
    }

    /// <summary>
    /// Sessions as the domain sees them, oldest first; <paramref name="isDeload"/> marks sessions of a plan's deload week.
    /// A watch session waiting for the runner's choice against a hand-logged one, and watch sets whose Garmin exercise
    /// is not mapped yet, count for nothing (<see cref="WatchStrength"/>).
    /// </summary>
    public static IReadOnlyList<LoggedStrengthSession> ToDomain(IEnumerable<StrengthSessionRecord> records, Func<StrengthSessionRecord, bool>? isDeload = null) =>
        records.Where(r => r.MergeWithSessionId is null && r.Sets.Any(s => s.ExerciseSlug != WatchStrength.Unmapped)).Select(r => new LoggedStrengthSession(
            r.Date,
            r.Sets.Where(s => s.ExerciseSlug != WatchStrength.Unmapped).OrderBy(s => s.Position).Select(ToDomain),
            notes: r.Notes,
            duration: r.DurationMinutes is > 0 and var m ? TimeSpan.FromMinutes(m) : null,
            sessionRpe: r.SessionRpe is >= 1 and <= 10 ? r.SessionRpe : null,
            isDeload: isDeload?.Invoke(r) ?? false)).ToArray();

    public static LoggedSet ToDomain(LoggedSetRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        Mass? load = record.LoadValue is { } value ? Mass.From(value, record.LoadUnit == "lb" ? MassUnit.Pounds : MassUnit.Kilograms) : null;
        BandResistance? band = record.Band is { } b && Kebab.TryParse<BandResistance>(b, out var parsed) ? parsed : null;
        Rpe? effort = record.Rpe is { } rpe ? Rpe.FromRating(rpe) : record.RepsInReserve is { } rir ? Rpe.FromRepsInReserve(rir) : null;
        return new LoggedSet(record.ExerciseSlug, record.VariantSlug, record.Reps, load, band, record.Seconds, effort, record.Pain, record.Completed);
    }

    /// <summary>
    /// Runs from the Activities table (imported and hand-entered), as the domain sees them. A run with hill sprints in its
    /// summary counts as a hill session; its hilly minutes are its time on hills (credited to hip extension).
    /// </summary>
    /// <param name="includeOffRoad">Also hikes and walks (for predictions to count what they leave out).</param>
    /// <param name="from">Only runs on or after this day (null: all).</param>
    /// <param name="to">Only runs on or before this day (null: all).</param>
    public static async Task<IReadOnlyList<(StoredActivity Row, LoggedRun Run, StoredSummary Summary)>> RunsAsync(
        RunStrongDbContext db, ICurrentRunner runner, CancellationToken cancellationToken, bool includeOffRoad = false, DateOnly? from = null,
        DateOnly? to = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(runner);
        var owner = runner.RunnerId;
        var activities = db.Activities.AsNoTracking().Where(a => a.OwnerId == owner);
        if (from is { } first)
        {
            activities = activities.Where(a => a.LocalDate >= first);
        }

        if (to is { } last)
        {
            activities = activities.Where(a => a.LocalDate <= last);
        }

        var rows = await activities
            .Where(a => (a.Sport == "running" || a.Format == "manual" || (includeOffRoad && (a.Sport == "hiking" || a.Sport == "walking"))))
            .OrderBy(a => a.LocalDate).ThenBy(a => a.StartTime)
            .ToListAsync(cancellationToken);
        var runs = new List<(StoredActivity, LoggedRun, StoredSummary)>(rows.Count);
        foreach (var row in rows)
        {
            var seconds = row.MovingSeconds > 0 ? row.MovingSeconds : row.ElapsedSeconds;
            if (row.DistanceMeters <= 0 || seconds <= 0)
            {
                continue;
            }

            var summary = StoredSummary.Read(row.SummaryJson);
            var type = row.RunType is { } t && Kebab.TryParse<RunType>(t, out var parsed)
                ? parsed
                : summary.HillSprints.Count > 0 ? RunType.Hills : RunType.Easy;
            var duration = TimeSpan.FromSeconds(seconds);
            var hills = TimeSpan.FromMinutes(Math.Clamp(summary.HillyMinutes, 0, duration.TotalMinutes));
            var run = new LoggedRun(row.LocalDate, row.DistanceMeters, duration, type,
                row.Rpe is >= 1 and <= 10 ? row.Rpe : null,
                row.AverageHeartRate is >= 30 and <= 250 ? row.AverageHeartRate : null,
                hills > TimeSpan.Zero ? hills : null);
            runs.Add((row, run, summary));
        }

        return runs;
    }

    /// <param name="from">Only check-ins on or after this day (null: all).</param>
    public static async Task<IReadOnlyList<SorenessCheckIn>> CheckInsAsync(
        RunStrongDbContext db, ICurrentRunner runner, CancellationToken cancellationToken, DateOnly? from = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(runner);
        var owner = runner.RunnerId;
        var query = db.SorenessCheckIns.AsNoTracking().Where(s => s.OwnerId == owner);
        if (from is { } first)
        {
            query = query.Where(s => s.Date >= first);
        }

        var rows = await query.OrderBy(s => s.Date).ToListAsync(cancellationToken);
        return rows
            .Where(r => Kebab.TryParse<BodyArea>(r.Area, out _))
            .Select(r => new SorenessCheckIn(r.Date, Kebab.TryParse<BodyArea>(r.Area, out var a) ? a : default, Math.Clamp(r.Score, 0, 10)))
            .ToArray();
    }

    /// <summary>The runner's calendar day now, in their time zone.</summary>
    public static async Task<DateOnly> TodayAsync(RunStrongDbContext db, ICurrentRunner runner, TimeProvider clock, CancellationToken cancellationToken) =>
        (await Settings.RunnerPreferences.GetAsync(db, runner, cancellationToken)).Today(clock);
}
