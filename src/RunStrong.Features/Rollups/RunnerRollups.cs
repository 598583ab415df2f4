using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using RunStrong.Data;
using RunStrong.Data.Entities;
using RunStrong.Domain.Prediction;
using RunStrong.Domain.Training;
using RunStrong.Features.Dashboard;
using RunStrong.Features.Predictions;

namespace RunStrong.Features.Rollups;

/// <summary>
/// Keeps a runner's weekly and monthly rollups (WeekRollup, MonthRollup) current (docs/decisions/0028-rollups.md):
/// built in full the first time they are read (or by <c>runstrong rollups rebuild</c>), then only the weeks marked stale
/// by a save (RollupMark) are recomputed from the log, each with the months it touches. They live in the database, so
/// every web node reads the same ones.
/// </summary>
public static class RunnerRollups
{
    /// <summary>The format of the rows; raise it when WeekFacts or MonthRollup change meaning, and every runner is rebuilt on the next read.</summary>
    /// <remarks>2: the dashboard's bests and the months count one rule of efforts (StoredPerformances.ForTrend), no longer 5 km+ with VDOT 15–90 and a mile+ with any VDOT.</remarks>
    /// <remarks>3: a week's sets per exercise also hold each session's sets capped at a hill session's worth (SlugSets.HillSessionSets).</remarks>
    public const int Version = 3;

    /// <summary>
    /// Brings the runner's rollups up to date; false when another request was writing them at the same moment and the
    /// caller should recompute from the log instead (nothing is lost: the marks stay for the next read).
    /// </summary>
    public static async Task<bool> TryRefreshAsync(RunStrongDbContext db, Guid owner, CancellationToken cancellationToken)
    {
        try
        {
            await RefreshAsync(db, owner, cancellationToken);
            return true;
        }
        catch (Exception e) when (e is DbUpdateException or DbException || e.InnerException is DbUpdateException or DbException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>Recomputes the weeks marked stale, or builds everything when the runner has no rollups (or old ones).</summary>
    /// <remarks>
    /// Several requests, on several nodes, may find the same marks. Each computes the marked weeks from the log on its
    /// own, then writes them in turns: it locks the runner's rollup state row (a write that changes nothing), checks that
    /// every mark it read is still there (if one is gone, another refresh wrote those weeks: it writes nothing), replaces
    /// the weeks and deletes exactly the marks it read (a change that came after its read has a newer mark, left for the
    /// next read). Without the turn, two refreshes deleted and inserted the same weeks and PostgreSQL ended one as a
    /// deadlock (the load benchmark with two nodes, docs/benchmarks.md). The computation stays outside the lock, and the
    /// lock is not the runner's row: a change to the runner's data (which raises the stamp there) never waits for a
    /// refresh (with the runner's row, "log a set" waited seconds behind refreshes under the PostgreSQL mix). Only the
    /// first build, when there is no state row yet, takes the runner's row.
    /// </remarks>
    public static async Task RefreshAsync(RunStrongDbContext db, Guid owner, CancellationToken cancellationToken)
    {
        var marks = await db.RollupMarks.AsNoTracking().Where(m => m.OwnerId == owner).Select(m => new { m.Id, m.WeekStart }).ToListAsync(cancellationToken);
        var version = await db.RollupStates.AsNoTracking().Where(s => s.OwnerId == owner).Select(s => (int?)s.Version).FirstOrDefaultAsync(cancellationToken);
        if (version != Version)
        {
            await using var building = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            await LockAsync(db, owner, cancellationToken);
            if (await db.RollupStates.AnyAsync(s => s.OwnerId == owner && s.Version == Version, cancellationToken))
            {
                return; // another request built them while this one waited
            }

            await RebuildAsync(db, owner, DateTime.UnixEpoch, null, cancellationToken);
            if (building is not null)
            {
                await building.CommitAsync(cancellationToken);
            }

            return;
        }

        if (marks.Count == 0)
        {
            return;
        }

        var weeks = marks.Select(m => m.WeekStart).Distinct().Order().ToArray();
        var months = weeks.SelectMany(w => new[] { MonthOf(w), MonthOf(Domain.Load.Weeks.EndOf(w)) }).Distinct().Order().ToArray();
        // Only the marked weeks and their months are read (short gaps read through, see Spans): a set logged today and a
        // file from 2017 mark two weeks, not the nine years between them (100 ms a refresh on PostgreSQL under the mix).
        // A week or month at the calendar's edge (a day stored as 9999-12-31) ends on the calendar's last day, never past it.
        var spans = Spans(weeks.Select(w => (w, Domain.Load.Weeks.EndOf(w))).Concat(months.Select(m => (m, Domain.Load.Weeks.EndOfMonth(m)))));
        var log = await LogAsync(db, owner, spans, cancellationToken);
        var weekRows = WeekRows(owner, log, weeks).ToList();
        var monthRows = MonthRows(owner, log, months).ToList();
        var ids = marks.Select(m => m.Id).ToArray();

        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        if (await TakeTurnAsync(db, owner, cancellationToken) == 0
            || await db.RollupMarks.CountAsync(m => m.OwnerId == owner && ids.Contains(m.Id), cancellationToken) != ids.Length)
        {
            return; // another refresh (or a rebuild) wrote these weeks meanwhile; marks it did not read stay for the next read
        }

        await db.WeekRollups.Where(w => w.OwnerId == owner && weeks.Contains(w.WeekStart)).ExecuteDeleteAsync(cancellationToken);
        await db.MonthRollups.Where(m => m.OwnerId == owner && months.Contains(m.Month)).ExecuteDeleteAsync(cancellationToken);
        db.WeekRollups.AddRange(weekRows);
        db.MonthRollups.AddRange(monthRows);
        await db.SaveChangesAsync(cancellationToken);
        await db.RollupMarks.Where(m => m.OwnerId == owner && ids.Contains(m.Id)).ExecuteDeleteAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        db.ChangeTracker.Clear();
    }

    /// <summary>Takes the runner's rollup state row for this transaction (0 when a rebuild removed it meanwhile): refreshes write in turns.</summary>
    private static Task<int> TakeTurnAsync(RunStrongDbContext db, Guid owner, CancellationToken cancellationToken) =>
        db.RollupStates.Where(s => s.OwnerId == owner).ExecuteUpdateAsync(u => u.SetProperty(s => s.Version, s => s.Version), cancellationToken);

    /// <summary>Takes the runner's row for this transaction: the first build, before there is a state row to take.</summary>
    private static Task<int> LockAsync(RunStrongDbContext db, Guid owner, CancellationToken cancellationToken) =>
        db.Runners.Where(r => r.Id == owner).ExecuteUpdateAsync(u => u.SetProperty(r => r.DataStamp, r => r.DataStamp), cancellationToken);

    /// <summary>Builds all of the runner's rollups from the log, replacing any there are; returns the weeks written.</summary>
    /// <param name="progress">Told the weeks written so far and the weeks to write, for long rebuilds.</param>
    public static async Task<int> RebuildAsync(
        RunStrongDbContext db, Guid owner, DateTime builtAt, IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken)
    {
        var lastMark = await db.RollupMarks.Where(m => m.OwnerId == owner).MaxAsync(m => (long?)m.Id, cancellationToken) ?? 0;
        var log = await LogAsync(db, owner, [(DateOnly.MinValue, DateOnly.MaxValue)], cancellationToken);
        var weeks = log.Runs.Select(r => r.Run.Date).Concat(log.Sessions.Select(s => s.Date)).Concat(log.CheckIns.Select(c => c.Date))
            .Select(Domain.Load.Weeks.StartOf).Distinct().Order().ToArray();
        var months = log.Performances.Select(p => MonthOf(p.Date)).Distinct().Order().ToArray();

        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await db.WeekRollups.Where(w => w.OwnerId == owner).ExecuteDeleteAsync(cancellationToken);
        await db.MonthRollups.Where(m => m.OwnerId == owner).ExecuteDeleteAsync(cancellationToken);
        await db.RollupStates.Where(s => s.OwnerId == owner).ExecuteDeleteAsync(cancellationToken);
        var done = 0;
        foreach (var chunk in WeekRows(owner, log, weeks).Chunk(200))
        {
            db.WeekRollups.AddRange(chunk);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            done += chunk.Length;
            progress?.Report((done, weeks.Length));
        }

        db.MonthRollups.AddRange(MonthRows(owner, log, months));
        db.RollupStates.Add(new RollupState { OwnerId = owner, Version = Version, BuiltAt = builtAt });
        await db.SaveChangesAsync(cancellationToken);
        await db.RollupMarks.Where(m => m.OwnerId == owner && m.Id <= lastMark).ExecuteDeleteAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        db.ChangeTracker.Clear();
        return done;
    }

    private static DateOnly MonthOf(DateOnly date) => new(date.Year, date.Month, 1);

    /// <summary>
    /// The days to read for <paramref name="ranges"/>, as few ranges in date order: each range costs three round trips, so
    /// ranges less than four weeks apart are read as one (a few days more to read is cheaper), and more than four ranges
    /// (marks scattered over years, as after an import) are read as one from the first day to the last.
    /// </summary>
    private static List<(DateOnly First, DateOnly Last)> Spans(IEnumerable<(DateOnly First, DateOnly Last)> ranges)
    {
        const int gapReadThrough = 28, mostSpans = 4;
        var spans = new List<(DateOnly First, DateOnly Last)>();
        foreach (var (first, last) in ranges.OrderBy(r => r.First))
        {
            if (spans.Count > 0 && first.DayNumber <= spans[^1].Last.DayNumber + 1 + gapReadThrough)
            {
                spans[^1] = (spans[^1].First, last > spans[^1].Last ? last : spans[^1].Last);
            }
            else
            {
                spans.Add((first, last));
            }
        }

        return spans.Count > mostSpans ? [(spans[0].First, spans.Max(s => s.Last))] : spans;
    }

    private static IEnumerable<WeekRollup> WeekRows(Guid owner, Log log, IEnumerable<DateOnly> weeks)
    {
        var runs = log.Runs.ToLookup(r => Domain.Load.Weeks.StartOf(r.Run.Date));
        var sessions = log.Sessions.ToLookup(s => Domain.Load.Weeks.StartOf(s.Date));
        var checkIns = log.CheckIns.ToLookup(c => Domain.Load.Weeks.StartOf(c.Date));
        foreach (var week in weeks)
        {
            var facts = WeekFacts.From(runs[week], sessions[week], checkIns[week]);
            if (!facts.IsEmpty)
            {
                yield return new WeekRollup { OwnerId = owner, WeekStart = week, Data = facts.ToJson() };
            }
        }
    }

    private static IEnumerable<MonthRollup> MonthRows(Guid owner, Log log, IEnumerable<DateOnly> months)
    {
        var byMonth = log.Performances.ToLookup(p => MonthOf(p.Date));
        foreach (var month in months)
        {
            foreach (var form in RacePredictor.MonthlyTrend(byMonth[month]).Select(PredictionTrend.Form))
            {
                yield return new MonthRollup
                {
                    OwnerId = owner, Month = month, BestDate = form.BestDate, BestDistanceMeters = form.BestDistanceMeters, BestSeconds = form.BestSeconds,
                    Vdot = form.Vdot, FiveKSeconds = form.FiveKSeconds, TenKSeconds = form.TenKSeconds,
                };
            }
        }
    }

    /// <summary>The log between two days as the dashboard (RunnerHistory) and the prediction trend (StoredPerformances) read it.</summary>
    private sealed record Log(
        IReadOnlyList<HistoryRun> Runs, IReadOnlyList<LoggedStrengthSession> Sessions, IReadOnlyList<SorenessCheckIn> CheckIns, IReadOnlyList<Performance> Performances);

    /// <summary>The log on the days of <paramref name="spans"/> (ordered, apart), in date order.</summary>
    private static async Task<Log> LogAsync(
        RunStrongDbContext db, Guid owner, IReadOnlyList<(DateOnly First, DateOnly Last)> spans, CancellationToken cancellationToken)
    {
        var activities = new List<StoredActivity>();
        var sessions = new List<StrengthSessionRecord>();
        var checkIns = new List<SorenessRecord>();
        foreach (var (first, last) in spans)
        {
            activities.AddRange(await db.Activities.AsNoTracking()
                .Where(a => a.OwnerId == owner && (a.Sport == "running" || a.Format == "manual") && a.LocalDate >= first && a.LocalDate <= last)
                .OrderBy(a => a.LocalDate).ThenBy(a => a.StartTime)
                .ToListAsync(cancellationToken));
            sessions.AddRange(await db.StrengthSessions.AsNoTracking().Include(s => s.Sets)
                .Where(s => s.OwnerId == owner && s.Date >= first && s.Date <= last)
                .OrderBy(s => s.Date).ThenBy(s => s.Id)
                .ToListAsync(cancellationToken));
            checkIns.AddRange(await db.SorenessCheckIns.AsNoTracking()
                .Where(c => c.OwnerId == owner && c.Date >= first && c.Date <= last)
                .OrderBy(c => c.Date).ThenBy(c => c.Id)
                .ToListAsync(cancellationToken));
        }

        return new Log(
            activities.Where(a => a.Sport == "running").Select(RunnerHistory.ToRun).OfType<HistoryRun>().ToArray(),
            sessions.Select(RunnerHistory.ToSession).OfType<LoggedStrengthSession>().ToArray(),
            checkIns.Select(RunnerHistory.ToCheckIn).OfType<SorenessCheckIn>().ToArray(),
            StoredPerformances.Of(activities.Select(a => (a, RunnerHistory.SafeSummary(a.SummaryJson)))));
    }
}
