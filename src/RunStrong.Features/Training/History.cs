using Microsoft.EntityFrameworkCore;
using RunStrong.Data;
using RunStrong.Features.Common;

namespace RunStrong.Features.Training;

/// <summary>
/// The training log by day: strength sessions, runs (imported and hand-entered) and soreness check-ins, newest day first;
/// and the single-item reads and deletes the API and the CLI offer.
/// </summary>
public static class History
{
    public sealed record Request(DateOnly? From = null, DateOnly? To = null);

    public sealed record Day(
        DateOnly Date,
        IReadOnlyList<StrengthSessionView> Sessions,
        IReadOnlyList<LogRun.RunView> Runs,
        IReadOnlyList<LogSoreness.SorenessView> CheckIns);

    public sealed record Response(IReadOnlyList<Day> Days)
    {
        public IEnumerable<StrengthSessionView> Sessions => Days.SelectMany(d => d.Sessions);

        public IEnumerable<LogRun.RunView> Runs => Days.SelectMany(d => d.Runs);

        public IEnumerable<LogSoreness.SorenessView> CheckIns => Days.SelectMany(d => d.CheckIns);
    }

    public static async Task<Response> HandleAsync(RunStrongDbContext db, ICurrentRunner runner, Request request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(request);
        if (request.From is { } f && request.To is { } t && f > t)
        {
            throw new UserInputException("from", $"from ({f:yyyy-MM-dd}) is after to ({t:yyyy-MM-dd})");
        }

        bool InRange(DateOnly d) => (request.From is not { } from || d >= from) && (request.To is not { } to || d <= to);
        var sessions = (await TrainingData.SessionRecordsAsync(db, runner, cancellationToken))
            .Where(s => InRange(s.Date)).Select(StrengthSessionView.From).ToArray();
        var runs = (await TrainingData.RunsAsync(db, runner, cancellationToken))
            .Where(r => InRange(r.Run.Date)).Select(r => LogRun.RunView.From(r.Row)).ToArray();
        var owner = runner.RunnerId;
        var checkIns = (await db.SorenessCheckIns.AsNoTracking().Where(s => s.OwnerId == owner).OrderBy(s => s.Id).ToListAsync(cancellationToken))
            .Where(s => InRange(s.Date)).Select(LogSoreness.SorenessView.From).ToArray();

        var days = sessions.Select(s => s.Date).Concat(runs.Select(r => r.Date)).Concat(checkIns.Select(c => c.Date))
            .Distinct().OrderDescending()
            .Select(d => new Day(d,
                sessions.Where(s => s.Date == d).ToArray(),
                runs.Where(r => r.Date == d).ToArray(),
                checkIns.Where(c => c.Date == d).ToArray()))
            .ToArray();
        return new Response(days);
    }

    public static async Task<StrengthSessionView> GetSessionAsync(RunStrongDbContext db, ICurrentRunner runner, long id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(runner);
        var owner = runner.RunnerId;
        var record = await db.StrengthSessions.AsNoTracking().Include(s => s.Sets)
            .FirstOrDefaultAsync(s => s.OwnerId == owner && s.Id == id, cancellationToken);
        return record is null ? throw NoSession(id) : StrengthSessionView.From(record);
    }

    public static async Task DeleteSessionAsync(RunStrongDbContext db, ICurrentRunner runner, long id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(runner);
        var owner = runner.RunnerId;
        var record = await db.StrengthSessions.AsTracking().Include(s => s.Sets).FirstOrDefaultAsync(s => s.OwnerId == owner && s.Id == id, cancellationToken)
            ?? throw NoSession(id);
        db.StrengthSessions.Remove(record);
        await db.SaveChangesAsync(cancellationToken);
    }

    public static async Task<LogRun.RunView> GetRunAsync(RunStrongDbContext db, ICurrentRunner runner, long id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(runner);
        var owner = runner.RunnerId;
        var row = await db.Activities.AsNoTracking().FirstOrDefaultAsync(a => a.OwnerId == owner && a.Id == id, cancellationToken);
        return row is null ? throw NoRun(id) : LogRun.RunView.From(row);
    }

    /// <summary>Deletes a hand-entered run; imported runs belong to the activities and are refused here.</summary>
    public static async Task DeleteRunAsync(RunStrongDbContext db, ICurrentRunner runner, long id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(runner);
        var owner = runner.RunnerId;
        var row = await db.Activities.AsTracking().FirstOrDefaultAsync(a => a.OwnerId == owner && a.Id == id, cancellationToken) ?? throw NoRun(id);
        if (row.Format != "manual")
        {
            throw new UserInputException("id", $"run {id} was imported from a {row.Format} file; delete it with the activities, not the log");
        }

        db.Activities.Remove(row);
        await db.SaveChangesAsync(cancellationToken);
    }

    public static async Task DeleteCheckInAsync(RunStrongDbContext db, ICurrentRunner runner, long id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(runner);
        var owner = runner.RunnerId;
        var row = await db.SorenessCheckIns.AsTracking().FirstOrDefaultAsync(s => s.OwnerId == owner && s.Id == id, cancellationToken)
            ?? throw new UserInputException("id", $"no soreness check-in with id {id}", notFound: true);
        db.SorenessCheckIns.Remove(row);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static UserInputException NoSession(long id) => new("id", $"no strength session with id {id}", notFound: true);

    private static UserInputException NoRun(long id) => new("id", $"no run with id {id}", notFound: true);
}
