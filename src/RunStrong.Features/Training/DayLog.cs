using Microsoft.EntityFrameworkCore;
using RunStrong.Data;
using RunStrong.Domain.Catalogue;
using RunStrong.Domain.Planning;
using RunStrong.Features.Catalogue;
using RunStrong.Features.Common;
using RunStrong.Features.Settings;

namespace RunStrong.Features.Training;

/// <summary>
/// Everything the gym page (/log) shows for one day, planned and done: the planned strength sessions set by set
/// (<see cref="TodaysSession"/>), the planned hill-sprint and drills sessions with what was logged of them, the planned
/// run with the runs that count for it (and recent runs that could be linked to it), the unplanned sets, the day's runs
/// and soreness check-ins.
/// </summary>
public static class DayLog
{
    /// <param name="Kind">hill-sprints or drills.</param>
    /// <param name="Dose">"6 x 10 s" for sprints; the drills in order.</param>
    public sealed record PlannedOther(string Key, string Kind, string Reason, string Dose, int? Sprints, int? Seconds, LogPlannedSession.SessionLogView? Logged);

    /// <param name="Type">easy, quality, long, race.</param>
    /// <param name="Done">Runs that count for the planned run: on its day, or linked to it.</param>
    /// <param name="Linkable">Recent runs on other days that could be linked to it (run a day early or late).</param>
    public sealed record PlannedRunView(string Type, IReadOnlyList<LogRun.RunView> Done, IReadOnlyList<LogRun.RunView> Linkable);

    public sealed record Response(
        DateOnly Date,
        DateOnly Today,
        RunnerPreferences Preferences,
        string? PlanName,
        TodaysSession.Response Strength,
        IReadOnlyList<PlannedOther> Others,
        PlannedRunView? PlannedRun,
        IReadOnlyList<LogRun.RunView> Runs,
        IReadOnlyList<LogSoreness.SorenessView> CheckIns,
        IReadOnlyList<Exercise> Catalogue);

    /// <summary>How far from the planned day a run may be linked to it.</summary>
    public const int LinkDays = 3;

    public static async Task<Response> HandleAsync(
        RunStrongDbContext db, ICurrentRunner runner, TimeProvider clock, DateOnly? day, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(runner);
        var preferences = await RunnerPreferences.GetAsync(db, runner, cancellationToken);
        var today = preferences.Today(clock);
        var date = day is { } asked ? LoggedDays.CheckShown(asked, today, "date") : today;
        var strength = await TodaysSession.HandleAsync(db, runner, clock, date, cancellationToken);
        var catalogue = await new ExerciseCatalogue(db).AllAsync(cancellationToken);
        var plan = await TrainingPlan.ForDayAsync(db, runner, catalogue, date, cancellationToken);
        var logged = await LogPlannedSession.OnAsync(db, runner, date, cancellationToken);

        var others = (plan?.SessionsOn(date) ?? [])
            .Where(s => s.Session.Kind is SessionKind.HillSprints or SessionKind.Drills)
            .Select(s =>
            {
                var sprint = s.Session.Kind == SessionKind.HillSprints && s.Session.Exercises.Count > 0 ? s.Session.Exercises[0] : null;
                var dose = sprint is not null
                    ? $"{sprint.Sets} x {sprint.Seconds ?? 8} s uphill, walk back down to recover"
                    : string.Join(", ", s.Session.Exercises.Select(e => catalogue.FirstOrDefault(c => c.Slug == e.Slug)?.Name ?? e.Slug));
                return new PlannedOther(s.Key, Kebab.Name(s.Session.Kind), s.Session.Reason, dose, sprint?.Sets, sprint?.Seconds,
                    logged.FirstOrDefault(l => l.PlannedSessionKey == s.Key));
            })
            .ToArray();

        var owner = runner.RunnerId;
        var near = await db.Activities.AsNoTracking()
            .Where(a => a.OwnerId == owner && (a.Sport == "running" || a.Format == "manual")
                && ((a.LocalDate >= date.AddDays(-LinkDays) && a.LocalDate <= date.AddDays(LinkDays)) || a.PlannedFor == date))
            .OrderBy(a => a.LocalDate).ThenBy(a => a.StartTime)
            .ToListAsync(cancellationToken);
        var countsHere = near.Where(a => a.PlannedFor == date || (a.PlannedFor is null && a.LocalDate == date)).Select(a => LogRun.RunView.From(a)).ToArray();
        PlannedRunView? plannedRun = plan?.RunOn(date) is { } run
            ? new PlannedRunView(Kebab.Name(run.Type), countsHere,
                near.Where(a => a.PlannedFor is null && a.LocalDate != date).Select(a => LogRun.RunView.From(a)).ToArray())
            : null;
        var runs = near.Where(a => a.LocalDate == date).Select(a => LogRun.RunView.From(a)).ToArray();
        var checkIns = (await db.SorenessCheckIns.AsNoTracking().Where(c => c.OwnerId == owner && c.Date == date).OrderBy(c => c.Id).ToListAsync(cancellationToken))
            .Select(LogSoreness.SorenessView.From).ToArray();
        return new Response(date, today, preferences, plan?.Record.Name, strength, others, plannedRun, runs, checkIns, catalogue);
    }

    /// <summary>Counts a run for the planned run of <paramref name="day"/> (or, with null, for its own day again).</summary>
    public static async Task LinkRunAsync(RunStrongDbContext db, ICurrentRunner runner, long activityId, DateOnly? day, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(runner);
        var owner = runner.RunnerId;
        var row = await db.Activities.AsTracking().FirstOrDefaultAsync(a => a.OwnerId == owner && a.Id == activityId, cancellationToken)
            ?? throw new UserInputException("activity", $"no run {activityId} in your log", notFound: true);
        if (day is { } d && Math.Abs(d.DayNumber - row.LocalDate.DayNumber) > LinkDays)
        {
            throw new UserInputException("day", $"day: a run on {row.LocalDate:yyyy-MM-dd} can count for a planned run at most {LinkDays} days away, not {d:yyyy-MM-dd}");
        }

        row.PlannedFor = day == row.LocalDate ? null : day;
        await db.SaveChangesAsync(cancellationToken);
    }
}
