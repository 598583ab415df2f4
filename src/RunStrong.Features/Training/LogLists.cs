using Microsoft.EntityFrameworkCore;
using RunStrong.Data;
using RunStrong.Features.Common;

namespace RunStrong.Features.Training;

/// <summary>
/// The log's flat lists (<c>GET /api/log/strength</c>, <c>/runs</c>, <c>/soreness</c>), oldest first, a page of whole days
/// at a time: <c>after</c> is the last day of the previous page, so ten years of training never come back in one answer
/// (issue 16). A day is never split between pages; a day holding more than the limit comes whole.
/// </summary>
public static class LogLists
{
    /// <summary>Runs or check-ins on a page when the caller gives no limit.</summary>
    public const int DefaultLimit = 100;

    /// <summary>Strength sessions on a page when the caller gives no limit: each carries its sets, so fewer fit in 256 KB.</summary>
    public const int DefaultStrengthLimit = 50;

    /// <param name="Items">Oldest first.</param>
    /// <param name="NextAfter">The <c>after</c> of the next page; null on the last page.</param>
    public sealed record Page<T>(IReadOnlyList<T> Items, DateOnly? NextAfter);

    public static async Task<Page<StrengthSessionView>> StrengthAsync(
        RunStrongDbContext db, ICurrentRunner runner, DateOnly? after, int? limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(runner);
        var take = DayPages.Limit(limit, DefaultStrengthLimit);
        var owner = runner.RunnerId;
        var mine = db.StrengthSessions.AsNoTracking().Include(s => s.Sets).Where(s => s.OwnerId == owner);
        var rows = await (after is { } a ? mine.Where(s => s.Date > a) : mine)
            .OrderBy(s => s.Date).ThenBy(s => s.Id).Take(take + 1).AsSplitQuery().ToListAsync(cancellationToken);
        var (page, next) = await DayPages.CutAsync(rows, take, s => s.Date,
            async day => await mine.Where(s => s.Date == day).OrderBy(s => s.Id).AsSplitQuery().ToListAsync(cancellationToken));
        return new Page<StrengthSessionView>(page.Select(StrengthSessionView.From).ToArray(), next);
    }

    public static async Task<Page<LogRun.RunView>> RunsAsync(
        RunStrongDbContext db, ICurrentRunner runner, DateOnly? after, int? limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(runner);
        var take = DayPages.Limit(limit, DefaultLimit);
        var owner = runner.RunnerId;

        // The runs TrainingData counts: running (or typed in) with a distance and a time.
        var mine = db.Activities.AsNoTracking().Where(r => r.OwnerId == owner && (r.Sport == "running" || r.Format == "manual")
            && r.DistanceMeters > 0 && (r.MovingSeconds > 0 || r.ElapsedSeconds > 0));
        var rows = await (after is { } a ? mine.Where(r => r.LocalDate > a) : mine)
            .OrderBy(r => r.LocalDate).ThenBy(r => r.StartTime).ThenBy(r => r.Id).Take(take + 1).ToListAsync(cancellationToken);
        var (page, next) = await DayPages.CutAsync(rows, take, r => r.LocalDate,
            async day => await mine.Where(r => r.LocalDate == day).OrderBy(r => r.StartTime).ThenBy(r => r.Id).ToListAsync(cancellationToken));
        return new Page<LogRun.RunView>(page.Select(r => LogRun.RunView.From(r)).ToArray(), next);
    }

    public static async Task<Page<LogSoreness.SorenessView>> SorenessAsync(
        RunStrongDbContext db, ICurrentRunner runner, DateOnly? after, int? limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(runner);
        var take = DayPages.Limit(limit, DefaultLimit);
        var owner = runner.RunnerId;
        var mine = db.SorenessCheckIns.AsNoTracking().Where(c => c.OwnerId == owner);
        var rows = await (after is { } a ? mine.Where(c => c.Date > a) : mine)
            .OrderBy(c => c.Date).ThenBy(c => c.Id).Take(take + 1).ToListAsync(cancellationToken);
        var (page, next) = await DayPages.CutAsync(rows, take, c => c.Date,
            async day => await mine.Where(c => c.Date == day).OrderBy(c => c.Id).ToListAsync(cancellationToken));
        return new Page<LogSoreness.SorenessView>(page.Select(LogSoreness.SorenessView.From).ToArray(), next);
    }
}
