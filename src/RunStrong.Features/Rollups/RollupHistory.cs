using Microsoft.EntityFrameworkCore;
using RunStrong.Data;
using RunStrong.Data.Entities;
using RunStrong.Domain.Training;
using RunStrong.Features.Common;
using RunStrong.Features.Dashboard;

namespace RunStrong.Features.Rollups;

/// <summary>
/// What the dashboard reads instead of the whole history: the rolled-up weeks from a day on (their runs, sessions,
/// check-ins and best performances from that day), the strength sessions of the last five weeks in full, this week's
/// logged hill-sprint and drills sessions, and the plans.
/// </summary>
public sealed record RollupHistory(
    IReadOnlyDictionary<DateOnly, WeekFacts> Weeks,
    IReadOnlyList<RunFact> Runs,
    IReadOnlyList<SessionFact> Sessions,
    IReadOnlyList<CheckInFact> CheckIns,
    IReadOnlyList<BestFact> Bests,
    IReadOnlyList<LoggedStrengthSession> RecentSessions,
    IReadOnlyList<SessionLogRecord> SessionLogs,
    IReadOnlyList<PlanRecord> Plans,
    bool HasDemoData)
{
    /// <summary>Reads the rollups of <paramref name="runner"/> from <paramref name="from"/> on (call RunnerRollups.TryRefreshAsync first).</summary>
    public static async Task<RollupHistory> LoadAsync(RunStrongDbContext db, ICurrentRunner runner, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var owner = runner.RunnerId;
        var firstWeek = Domain.Load.Weeks.StartOf(from);
        var rows = await db.WeekRollups.AsNoTracking()
            .Where(w => w.OwnerId == owner && w.WeekStart >= firstWeek)
            .OrderBy(w => w.WeekStart)
            .Select(w => new { w.WeekStart, w.Data })
            .ToListAsync(cancellationToken);
        var weeks = rows.ToDictionary(r => r.WeekStart, r => WeekFacts.Read(r.Data));
        var ordered = weeks.OrderBy(w => w.Key).Select(w => w.Value).ToArray();

        // Whole sessions (with sets) where the rollups are not enough: this week, and the weeks the suggestions look back on.
        // A session logged early for a planned day in that span counts for it, so sessions planned for those days come too.
        var recentFrom = new[] { GetDashboard.RecentSessionsFrom(to), from }.Max();
        var recentKey = RunnerHistory.PlannedSessionKey(recentFrom, 0);
        var recent = await db.StrengthSessions.AsNoTracking().Include(s => s.Sets)
            .Where(s => s.OwnerId == owner && s.Date >= from && s.Date <= to
                && (s.Date >= recentFrom || (s.PlannedSessionKey != null && string.Compare(s.PlannedSessionKey, recentKey) >= 0)))
            .OrderBy(s => s.Date).ThenBy(s => s.Id)
            .ToListAsync(cancellationToken);
        var logs = await db.SessionLogs.AsNoTracking()
            .Where(l => l.OwnerId == owner && l.Date >= to.AddDays(-7) && l.Date <= to.AddDays(7))
            .ToListAsync(cancellationToken);
        var plans = await db.Plans.AsNoTracking()
            .Where(p => p.OwnerId == owner)
            .OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id)
            .ToListAsync(cancellationToken);
        var hasDemo = await DemoRows.AnyAsync(db, owner, cancellationToken);
        return new RollupHistory(
            weeks,
            ordered.SelectMany(w => w.Runs).Where(r => r.Date >= from).ToArray(),
            ordered.SelectMany(w => w.Sessions).Where(s => s.Date >= from).ToArray(),
            ordered.SelectMany(w => w.CheckIns).Where(c => c.Date >= from).ToArray(),
            ordered.SelectMany(w => w.Bests).Where(b => b.Date >= from).ToArray(),
            recent.Select(RunnerHistory.ToSession).OfType<LoggedStrengthSession>().ToArray(),
            logs,
            plans,
            hasDemo);
    }
}
