using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RunStrong.Data;
using RunStrong.Data.Entities;
using RunStrong.Domain.Catalogue;
using RunStrong.Domain.Training;
using RunStrong.Features.Activities;
using RunStrong.Features.Common;

namespace RunStrong.Features.Dashboard;

/// <summary>A stored run as the load and insight rules see it, with the parts of its summary the dashboard reads.</summary>
/// <param name="PlannedFor">The plan day the runner counted it for, when not its own day.</param>
/// <param name="ForPredictions">A road run or race (<see cref="Predictions.PredictionRuns"/>): its best efforts feed predictions.</param>
public sealed record HistoryRun(long Id, LoggedRun Run, StoredSummary Summary, bool IsDemo, DateOnly? PlannedFor = null, bool ForPredictions = true)
{
    /// <summary>The plan day the run counts for: the one it was linked to, else its own.</summary>
    public DateOnly CountsFor => PlannedFor ?? Run.Date;
}

/// <summary>
/// One runner's stored training, read straight from the entities and turned into domain values: runs (activities whose
/// sport is running), strength sessions with their sets, soreness check-ins and the plans (newest first). Rows that the domain
/// would reject (a run of 0 m, a set with an impossible RPE) are left out rather than failing the whole dashboard.
/// </summary>
public sealed record RunnerHistory(
    IReadOnlyList<HistoryRun> Runs,
    IReadOnlyList<LoggedStrengthSession> Sessions,
    IReadOnlyList<SorenessCheckIn> CheckIns,
    IReadOnlyList<PlanRecord> Plans,
    bool HasDemoData,
    IReadOnlyList<SessionLogRecord>? SessionLogs = null)
{
    public bool IsEmpty => Runs.Count == 0 && Sessions.Count == 0 && CheckIns.Count == 0 && Plans.Count == 0;

    public IReadOnlyList<LoggedRun> LoggedRuns { get; } = Runs.Select(r => r.Run).ToArray();

    /// <summary>Reads everything of <paramref name="runner"/> dated on or after <paramref name="from"/>.</summary>
    public static async Task<RunnerHistory> LoadAsync(RunStrongDbContext db, ICurrentRunner runner, DateOnly from, CancellationToken cancellationToken)
    {
        var owner = runner.RunnerId;
        var activities = await db.Activities.AsNoTracking()
            .Where(a => a.OwnerId == owner && a.Sport == "running" && a.LocalDate >= from)
            .OrderBy(a => a.LocalDate).ThenBy(a => a.StartTime)
            .ToListAsync(cancellationToken);
        var sessions = await db.StrengthSessions.AsNoTracking().Include(s => s.Sets)
            .Where(s => s.OwnerId == owner && s.Date >= from)
            .OrderBy(s => s.Date).ThenBy(s => s.Id)
            .ToListAsync(cancellationToken);
        var checkIns = await db.SorenessCheckIns.AsNoTracking()
            .Where(c => c.OwnerId == owner && c.Date >= from)
            .OrderBy(c => c.Date).ThenBy(c => c.Id)
            .ToListAsync(cancellationToken);
        var plans = await db.Plans.AsNoTracking()
            .Where(p => p.OwnerId == owner)
            .OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id)
            .ToListAsync(cancellationToken);
        var hasDemo = await DemoRows.AnyAsync(db, owner, cancellationToken);
        var sessionLogs = await db.SessionLogs.AsNoTracking().Where(l => l.OwnerId == owner && l.Date >= from).ToListAsync(cancellationToken);

        return new RunnerHistory(
            activities.Select(ToRun).OfType<HistoryRun>().ToArray(),
            sessions.Select(ToSession).OfType<LoggedStrengthSession>().ToArray(),
            checkIns.Select(ToCheckIn).OfType<SorenessCheckIn>().ToArray(),
            plans,
            hasDemo,
            sessionLogs);
    }

    /// <summary>The id a planned session gets for adherence: from its date and its index that day (the stored key).</summary>
    public static Guid PlannedSessionId(DateOnly date, int index) =>
        new(date.DayNumber, (short)index, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>The stored form of a planned session's key: <c>2026-12-08#0</c>.</summary>
    public static string PlannedSessionKey(DateOnly date, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{date:yyyy-MM-dd}#{index}");

    internal static Guid? ParsePlannedSessionKey(string? key)
    {
        if (key is null || key.Split('#') is not [var day, var number]
            || !DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || !int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            return null;
        }

        return PlannedSessionId(date, index);
    }

    internal static HistoryRun? ToRun(StoredActivity a)
    {
        var seconds = a.MovingSeconds > 0 ? a.MovingSeconds : a.ElapsedSeconds;
        if (!(a.DistanceMeters > 0) || !(seconds > 0))
        {
            return null;
        }

        var summary = SafeSummary(a.SummaryJson);
        var duration = TimeSpan.FromSeconds(seconds);
        var type = Kebab.TryParse<RunType>(a.RunType, out var t) ? t : summary.HillSprints.Count > 0 ? RunType.Hills : RunType.Easy;
        var hills = TimeSpan.FromMinutes(Math.Clamp(summary.HillyMinutes, 0, duration.TotalMinutes));
        var run = new LoggedRun(
            a.LocalDate,
            a.DistanceMeters,
            duration,
            type,
            a.Rpe is >= 1 and <= 10 ? a.Rpe : null,
            a.AverageHeartRate is >= 30 and <= 250 ? a.AverageHeartRate : null,
            summary.HillyMinutes > 0 ? hills : null);
        return new HistoryRun(a.Id, run, summary, a.IsDemo, a.PlannedFor, Predictions.PredictionRuns.WhyLeftOut(a, summary) is null);
    }

    internal static StoredSummary SafeSummary(string json)
    {
        try
        {
            return StoredSummary.Read(json);
        }
        catch (System.Text.Json.JsonException)
        {
            return StoredSummary.Empty;
        }
    }

    internal static LoggedStrengthSession? ToSession(StrengthSessionRecord s)
    {
        var sets = s.Sets.OrderBy(x => x.Position).Select(ToSet).OfType<LoggedSet>().ToArray();
        if (sets.Length == 0)
        {
            return null;
        }

        return new LoggedStrengthSession(
            s.Date,
            sets,
            ParsePlannedSessionKey(s.PlannedSessionKey),
            s.Notes,
            s.DurationMinutes is > 0 and < 24 * 60 ? TimeSpan.FromMinutes(s.DurationMinutes.Value) : null,
            s.SessionRpe is >= 1 and <= 10 ? s.SessionRpe : null);
    }

    private static LoggedSet? ToSet(LoggedSetRecord r)
    {
        try
        {
            Mass? load = r.LoadValue is { } value and >= 0
                ? Mass.From(value, string.Equals(r.LoadUnit, "lb", StringComparison.OrdinalIgnoreCase) ? MassUnit.Pounds : MassUnit.Kilograms)
                : null;
            BandResistance? band = Kebab.TryParse<BandResistance>(r.Band, out var b) ? b : null;
            Rpe? effort = r.Rpe is { } rpe ? Rpe.FromRating(rpe) : r.RepsInReserve is { } rir ? Rpe.FromRepsInReserve(rir) : null;
            return new LoggedSet(r.ExerciseSlug, r.VariantSlug, r.Reps, load, band, r.Seconds, effort, r.Pain, r.Completed);
        }
        catch (DomainValueException)
        {
            return null;
        }
    }

    internal static SorenessCheckIn? ToCheckIn(SorenessRecord c) =>
        Kebab.TryParse<BodyArea>(c.Area, out var area) && c.Score is >= 0 and <= 10 ? new SorenessCheckIn(c.Date, area, c.Score) : null;
}

/// <summary>Whether a runner has rows written by the demo filler.</summary>
internal static class DemoRows
{
    /// <remarks>One statement (four EXISTS probes of the partial "_Demo" indexes), asked on every dashboard computation.</remarks>
    public static async Task<bool> AnyAsync(RunStrongDbContext db, Guid owner, CancellationToken cancellationToken) =>
        await db.Runners.Where(r => r.Id == owner)
            .Select(r => db.Activities.Any(a => a.OwnerId == owner && a.IsDemo)
                || db.StrengthSessions.Any(s => s.OwnerId == owner && s.IsDemo)
                || db.SorenessCheckIns.Any(c => c.OwnerId == owner && c.IsDemo)
                || db.Plans.Any(p => p.OwnerId == owner && p.IsDemo))
            .FirstOrDefaultAsync(cancellationToken);
}
