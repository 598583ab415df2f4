using System.Text.Json.Serialization;
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
    /// <summary>Days a page holds when the caller does not say.</summary>
    public const int DefaultDays = 30;

    /// <param name="From">First day to include.</param>
    /// <param name="To">Last day to include.</param>
    /// <param name="Before">Keyset paging: only days before this one (the previous page's <c>NextBefore</c>).</param>
    /// <param name="Limit">At most this many days with entries (1 to 100, default 30).</param>
    public sealed record Request(DateOnly? From = null, DateOnly? To = null, DateOnly? Before = null, int? Limit = null);

    public sealed record Day(
        DateOnly Date,
        IReadOnlyList<StrengthSessionView> Sessions,
        IReadOnlyList<LogRun.RunView> Runs,
        IReadOnlyList<LogSoreness.SorenessView> CheckIns,
        IReadOnlyList<LogPlannedSession.SessionLogView>? PlannedSessions = null);

    /// <param name="NextBefore">The <c>before</c> of the next (older) page; null when there is nothing older.</param>
    /// <param name="Next">The next page's address in the API, null on the last page.</param>
    /// <remarks>
    /// The flat lists below are for code; the JSON carries the days only (it carried both, each entry twice, until the
    /// load benchmark showed half of every page was the copy).
    /// </remarks>
    public sealed record Response(IReadOnlyList<Day> Days, DateOnly? NextBefore = null, string? Next = null)
    {
        [JsonIgnore]
        public IEnumerable<StrengthSessionView> Sessions => Days.SelectMany(d => d.Sessions);

        [JsonIgnore]
        public IEnumerable<LogRun.RunView> Runs => Days.SelectMany(d => d.Runs);

        [JsonIgnore]
        public IEnumerable<LogSoreness.SorenessView> CheckIns => Days.SelectMany(d => d.CheckIns);
    }

    /// <summary>
    /// A page of the log: the newest <see cref="Request.Limit"/> days with entries (before <see cref="Request.Before"/>,
    /// within From–To), newest first. Only those days are read, so a page costs the same after ten years as after one.
    /// </summary>
    public static async Task<Response> HandleAsync(RunStrongDbContext db, ICurrentRunner runner, Request request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(request);
        if (request.From is { } f && request.To is { } t && f > t)
        {
            throw new UserInputException("from", $"from ({f:yyyy-MM-dd}) is after to ({t:yyyy-MM-dd})");
        }

        var limit = DayPages.Limit(request.Limit, DefaultDays);
        var owner = runner.RunnerId;
        if (request.Before is { } first && first == DateOnly.MinValue)
        {
            return new Response([]); // nothing is before the calendar's first day
        }

        var upTo = request.Before is { } before ? before.AddDays(-1) : DateOnly.MaxValue;
        if (request.To is { } to && to < upTo)
        {
            upTo = to;
        }

        var from = request.From ?? DateOnly.MinValue;

        // The newest days with anything on them, from each kind of entry; then the newest `limit` of those. GROUP BY (not
        // DISTINCT, which EF puts in a subquery under the ORDER BY) lets the database walk the (owner, date) index backwards
        // and stop after the page: ten years of runs cost 13 ms a page on PostgreSQL with DISTINCT, 0.3 ms like this.
        var sessionDays = await db.StrengthSessions.AsNoTracking().Where(s => s.OwnerId == owner && s.Date >= from && s.Date <= upTo)
            .GroupBy(s => s.Date).Select(g => g.Key).OrderByDescending(d => d).Take(limit + 1).ToListAsync(cancellationToken);
        var runDays = await Runs(db, owner).Where(a => a.LocalDate >= from && a.LocalDate <= upTo)
            .GroupBy(a => a.LocalDate).Select(g => g.Key).OrderByDescending(d => d).Take(limit + 1).ToListAsync(cancellationToken);
        var checkInDays = await db.SorenessCheckIns.AsNoTracking().Where(c => c.OwnerId == owner && c.Date >= from && c.Date <= upTo)
            .GroupBy(c => c.Date).Select(g => g.Key).OrderByDescending(d => d).Take(limit + 1).ToListAsync(cancellationToken);
        var loggedDays = await db.SessionLogs.AsNoTracking().Where(l => l.OwnerId == owner && l.Date >= from && l.Date <= upTo)
            .GroupBy(l => l.Date).Select(g => g.Key).OrderByDescending(d => d).Take(limit + 1).ToListAsync(cancellationToken);
        var days = sessionDays.Concat(runDays).Concat(checkInDays).Concat(loggedDays).Distinct().OrderDescending().Take(limit + 1).ToArray();
        if (days.Length == 0)
        {
            return new Response([]);
        }

        var more = days.Length > limit;
        var page = days.Take(limit).ToArray();
        var (oldest, newest) = (page[^1], page[0]);

        var sessions = await db.StrengthSessions.AsNoTracking().Include(s => s.Sets)
            .Where(s => s.OwnerId == owner && s.Date >= oldest && s.Date <= newest)
            .OrderBy(s => s.Id).ToListAsync(cancellationToken);
        var runs = await Runs(db, owner).Where(a => a.LocalDate >= oldest && a.LocalDate <= newest)
            .OrderBy(a => a.StartTime).ThenBy(a => a.Id)
            .Select(a => new LogRun.RunView(a.Id, a.LocalDate, a.Format, a.DistanceMeters, a.MovingSeconds > 0 ? a.MovingSeconds : a.ElapsedSeconds, "", a.RunType, a.Rpe, a.Name, false))
            .ToListAsync(cancellationToken);
        var checkIns = await db.SorenessCheckIns.AsNoTracking().Where(c => c.OwnerId == owner && c.Date >= oldest && c.Date <= newest)
            .OrderBy(c => c.Id).ToListAsync(cancellationToken);
        var logged = await db.SessionLogs.AsNoTracking().Where(l => l.OwnerId == owner && l.Date >= oldest && l.Date <= newest)
            .OrderBy(l => l.PlannedSessionKey).ToListAsync(cancellationToken);

        // SI numbers for programs, and a text in the runner's units for people.
        var preferences = await Settings.RunnerPreferences.GetAsync(db, runner, cancellationToken);
        var catalogue = await new Catalogue.ExerciseCatalogue(db).AllAsync(cancellationToken);
        StrengthSessionView Described(StrengthSessionView s) => s with
        {
            Sets = s.Sets.Select(x => x with { Text = $"{SetWords.Exercise(catalogue, x.Exercise, x.Variant)}: {SetWords.Set(x, preferences)}" }).ToArray(),
        };

        var result = page.Select(d => new Day(d,
                sessions.Where(s => s.Date == d).Select(StrengthSessionView.From).Select(Described).ToArray(),
                runs.Where(r => r.Date == d).Select(r => (r with { Time = r.Seconds > 0 ? Domain.Prediction.RaceTime.FromSeconds(r.Seconds).ToString() : "0:00" }).Described(preferences)).ToArray(),
                checkIns.Where(c => c.Date == d).Select(LogSoreness.SorenessView.From).ToArray(),
                logged.Where(l => l.Date == d).Select(LogPlannedSession.SessionLogView.From).ToArray()))
            .ToArray();
        return more
            ? new Response(result, oldest, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"/api/log?before={oldest:yyyy-MM-dd}&limit={limit}"))
            : new Response(result);
    }

    /// <summary>What the log counts as runs: running activities and anything entered by hand.</summary>
    private static IQueryable<Data.Entities.StoredActivity> Runs(RunStrongDbContext db, Guid owner) =>
        db.Activities.AsNoTracking().Where(a => a.OwnerId == owner && (a.Sport == "running" || a.Format == "manual")
            && (a.DistanceMeters > 0) && (a.MovingSeconds > 0 || a.ElapsedSeconds > 0));

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
