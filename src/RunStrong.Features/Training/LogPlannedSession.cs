using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RunStrong.Data;
using RunStrong.Data.Entities;
using RunStrong.Domain.Catalogue;
using RunStrong.Domain.Planning;
using RunStrong.Features.Catalogue;
using RunStrong.Features.Common;

namespace RunStrong.Features.Training;

/// <summary>
/// Logs a planned hill-sprint or drills session (<c>PUT /api/log/sessions</c>, the /log page, <c>runstrong log
/// session</c>): done, partly or skipped, with the sprints' reps, seconds and hill grade when given. One row per planned
/// session, so logging it again (a retry, a correction) replaces it.
/// </summary>
public static class LogPlannedSession
{
    /// <summary>What the runner says of a planned session.</summary>
    public static readonly IReadOnlyList<string> Statuses = ["done", "partly", "skipped"];

    public sealed record Request
    {
        /// <summary>The planned session's key (<c>2026-12-08#1</c>, its day and its index that day).</summary>
        public string? PlannedSessionKey { get; init; }

        /// <summary>done (default), partly or skipped.</summary>
        public string? Status { get; init; }

        /// <summary>Hill sprints run (0–30).</summary>
        public int? Reps { get; init; }

        /// <summary>Seconds of each sprint (3–60).</summary>
        public int? Seconds { get; init; }

        /// <summary>The hill's grade in percent (1–30).</summary>
        public double? GradePercent { get; init; }

        public string? Notes { get; init; }
    }

    /// <param name="Kind">hill-sprints or drills.</param>
    public sealed record SessionLogView(
        long Id, DateOnly Date, string PlannedSessionKey, string Kind, string Status, int? Reps, int? Seconds, double? GradePercent, string? Notes)
    {
        public static SessionLogView From(SessionLogRecord r)
        {
            ArgumentNullException.ThrowIfNull(r);
            return new(r.Id, r.Date, r.PlannedSessionKey, r.Kind, r.Status, r.Reps, r.Seconds, r.GradePercent, r.Notes);
        }

        /// <summary>"Hill sprints done: 6 x 10 s at 7 %", "Drills skipped".</summary>
        public string Summary
        {
            get
            {
                var what = Kind == "drills" ? "Drills" : "Hill sprints";
                var dose = Reps is { } n
                    ? string.Create(CultureInfo.InvariantCulture, $": {n}{(Seconds is { } s ? $" x {s} s" : "")}{(GradePercent is { } g ? $" at {g:0.#} %" : "")}")
                    : "";
                return $"{what} {Status}{dose}";
            }
        }
    }

    /// <param name="Created">False when the log replaced an earlier one of the same session.</param>
    public sealed record Response(bool Created, SessionLogView Log);

    public static async Task<Response> HandleAsync(
        RunStrongDbContext db, ICurrentRunner runner, TimeProvider clock, Request request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(request);
        var (date, index) = ParseKey(request.PlannedSessionKey);
        var status = ParseStatus(request.Status);
        if (DoseProblem(request.Reps, request.Seconds, request.GradePercent) is { } problem)
        {
            throw new UserInputException(problem.Field, $"{problem.Field}: {problem.Message}");
        }

        LoggedDays.CheckPlannedSession(date, await TrainingData.TodayAsync(db, runner, clock, cancellationToken), "plannedSessionKey", "planned session");
        var catalogue = await new ExerciseCatalogue(db).AllAsync(cancellationToken);
        var plan = await TrainingPlan.ForDayAsync(db, runner, catalogue, date, cancellationToken)
            ?? throw new UserInputException("plannedSessionKey", $"plannedSessionKey: no plan of yours holds {date:yyyy-MM-dd}; make one on the Plan page first");
        var sessions = plan.SessionsOn(date);
        if (index >= sessions.Count)
        {
            throw new UserInputException("plannedSessionKey", $"plannedSessionKey: your plan has no session {request.PlannedSessionKey!.Trim()} on {date:yyyy-MM-dd}");
        }

        var planned = sessions[index].Session;
        if (planned.Kind is not (SessionKind.HillSprints or SessionKind.Drills))
        {
            throw new UserInputException("plannedSessionKey",
                $"plannedSessionKey: {request.PlannedSessionKey!.Trim()} is a {Kebab.Name(planned.Kind)} session; log its sets with PUT /api/log/sets");
        }

        var key = TrainingPlan.KeyOf(date, index);
        var owner = runner.RunnerId;
        var now = clock.GetUtcNow().UtcDateTime;
        var row = await db.SessionLogs.AsTracking().FirstOrDefaultAsync(s => s.OwnerId == owner && s.Date == date && s.PlannedSessionKey == key, cancellationToken);
        var created = row is null;
        row ??= db.SessionLogs.Add(new SessionLogRecord
        {
            OwnerId = owner, Date = date, PlannedSessionKey = key, Kind = "", Status = "", CreatedAt = now,
        }).Entity;
        row.PlanId = plan.Record.Id;
        row.Kind = Kebab.Name(planned.Kind);
        row.Status = status;
        // A skipped session has no dose; a session done without a count did what the plan said.
        var sprint = planned.Kind == SessionKind.HillSprints && planned.Exercises.Count > 0 ? planned.Exercises[0] : null;
        row.Reps = status == "skipped" || planned.Kind == SessionKind.Drills ? null : request.Reps ?? (status == "done" ? sprint?.Sets : null);
        row.Seconds = status == "skipped" || planned.Kind == SessionKind.Drills ? null : request.Seconds ?? sprint?.Seconds;
        row.GradePercent = status == "skipped" ? null : request.GradePercent;
        row.Notes = string.IsNullOrWhiteSpace(request.Notes) ? null : request.Notes.Trim() is { Length: > 2000 } long_ ? long_[..2000] : request.Notes.Trim();
        row.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return new Response(created, SessionLogView.From(row));
    }

    /// <summary>The logged hill-sprint and drills sessions of <paramref name="date"/>.</summary>
    public static async Task<IReadOnlyList<SessionLogView>> OnAsync(RunStrongDbContext db, ICurrentRunner runner, DateOnly date, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(runner);
        var owner = runner.RunnerId;
        var rows = await db.SessionLogs.AsNoTracking().Where(s => s.OwnerId == owner && s.Date == date).OrderBy(s => s.PlannedSessionKey).ToListAsync(cancellationToken);
        return rows.Select(SessionLogView.From).ToArray();
    }

    /// <summary>Deletes one logged session; 404 when it is not the runner's.</summary>
    public static async Task DeleteAsync(RunStrongDbContext db, ICurrentRunner runner, long id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(runner);
        var owner = runner.RunnerId;
        var deleted = await db.SessionLogs.Where(s => s.OwnerId == owner && s.Id == id).ExecuteDeleteAsync(cancellationToken);
        if (deleted == 0)
        {
            throw new UserInputException("id", string.Create(CultureInfo.InvariantCulture, $"no logged session {id}"), notFound: true);
        }

        await db.TouchRunnerAsync(owner, cancellationToken);
    }

    /// <summary>"2026-12-08#1" into its day and index; anything else is refused naming the field.</summary>
    public static (DateOnly Date, int Index) ParseKey(string? key)
    {
        if (string.IsNullOrWhiteSpace(key)
            || key.Trim().Split('#') is not [var day, var number]
            || !DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || !int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index > 20)
        {
            throw new UserInputException("plannedSessionKey", $"plannedSessionKey: '{key?.Trim()}' is not a planned session's key; expected its day and index, such as 2026-12-08#1");
        }

        return (date, index);
    }

    private static string ParseStatus(string? status)
    {
        var text = string.IsNullOrWhiteSpace(status) ? "done" : status.Trim().ToLowerInvariant();
        return Statuses.Contains(text)
            ? text
            : throw new UserInputException("status", $"status: '{status!.Trim()}' is not one of done, partly, skipped");
    }

    /// <summary>The most hill sprints one log holds.</summary>
    public const int MostSprints = 30;

    /// <summary>The shortest and longest sprint, seconds (hill sprints are 8–30 s, ../shared/domain.md; a log allows some slack).</summary>
    public const int ShortestSprintSeconds = 3, LongestSprintSeconds = 60;

    /// <summary>The gentlest and steepest hill, percent grade.</summary>
    public const double GentlestGradePercent = 1, SteepestGradePercent = 30;

    /// <summary>
    /// The first part of a logged hill-sprint dose outside what a log holds, with why ("reps", "hill sprints must be between
    /// 0 and 30, got 40"); null when all hold. The log and the import of an export both check with it.
    /// </summary>
    public static (string Field, string Message)? DoseProblem(int? reps, int? seconds, double? gradePercent) =>
        reps is { } n && n is < 0 or > MostSprints
            ? ("reps", string.Create(CultureInfo.InvariantCulture, $"hill sprints must be between 0 and {MostSprints}, got {n}"))
        : seconds is { } s && s is < ShortestSprintSeconds or > LongestSprintSeconds
            ? ("seconds", string.Create(CultureInfo.InvariantCulture, $"seconds a sprint must be between {ShortestSprintSeconds} and {LongestSprintSeconds}, got {s}"))
        : gradePercent is { } g && !(g >= GentlestGradePercent && g <= SteepestGradePercent)
            ? ("gradePercent", string.Create(CultureInfo.InvariantCulture, $"a hill's grade is between {GentlestGradePercent} and {SteepestGradePercent} %, got {g}"))
        : null;
}
