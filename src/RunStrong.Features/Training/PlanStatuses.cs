using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RunStrong.Data;
using RunStrong.Domain.Catalogue;
using RunStrong.Domain.Planning;
using RunStrong.Features.Activities;
using RunStrong.Features.Common;

namespace RunStrong.Features.Training;

/// <summary>
/// Reads what was done over a plan's days (running activities with the hill sprints detected in them, strength sessions,
/// hill-sprint and drills marks) and matches the plan against it with <see cref="PlanFollowing"/>, at read time: nothing
/// about the match is stored, so deleting or correcting a log entry changes the plan's statuses at once
/// (docs/decisions/0027).
/// </summary>
public static class PlanStatuses
{
    /// <summary>The plan <paramref name="planId"/> as followed up to <paramref name="today"/> (the runner's day).</summary>
    public static async Task<Domain.Planning.PlanFollow> ReadAsync(
        RunStrongDbContext db, ICurrentRunner runner, Plan plan, long planId, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(plan);
        if (!plan.Days.Any())
        {
            return Domain.Planning.PlanFollow.Empty(today);
        }

        return PlanFollowing.Follow(plan, await LogAsync(db, runner, plan, planId, cancellationToken), today);
    }

    /// <summary>What was done over the plan's days, as <see cref="PlanFollowing"/> reads it.</summary>
    public static async Task<PlanLog> LogAsync(RunStrongDbContext db, ICurrentRunner runner, Plan plan, long planId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(plan);
        var owner = runner.RunnerId;
        var first = plan.Days.First().Date;
        var last = plan.Days.Last().Date;

        // Runs: activities of a running sport (imported) and runs entered by hand, on the plan's days or linked to one.
        var activities = await db.Activities.AsNoTracking()
            .Where(a => a.OwnerId == owner && (a.Sport == "running" || a.Format == "manual")
                && ((a.LocalDate >= first && a.LocalDate <= last) || (a.PlannedFor >= first && a.PlannedFor <= last)))
            .Select(a => new { a.Id, a.LocalDate, a.PlannedFor, a.SummaryJson })
            .ToListAsync(cancellationToken);
        var runs = activities.OrderBy(a => a.LocalDate).ThenBy(a => a.Id)
            .Select(a => new DoneRun(a.Id, a.LocalDate, a.PlannedFor, Sprints(StoredSummary.Read(a.SummaryJson))))
            .ToArray();

        // Strength sessions with at least one set; one logged for another plan counts as logged without a plan here.
        var strength = await db.StrengthSessions.AsNoTracking()
            .Where(s => s.OwnerId == owner && s.Date >= first && s.Date <= last && s.Sets.Any())
            .OrderBy(s => s.Date).ThenBy(s => s.Id)
            .Select(s => new { s.Date, s.PlanId, s.PlannedSessionKey })
            .ToListAsync(cancellationToken);

        var marks = await db.SessionLogs.AsNoTracking()
            .Where(l => l.OwnerId == owner && l.Date >= first && l.Date <= last && (l.PlanId == null || l.PlanId == planId))
            .OrderBy(l => l.Id)
            .ToListAsync(cancellationToken);

        return new PlanLog
        {
            Runs = runs,
            Strength = strength.Select(s => new DoneStrength(s.Date, s.PlanId is null || s.PlanId == planId ? s.PlannedSessionKey : null)).ToArray(),
            Marks = marks.Select(m => new SessionMark(m.PlannedSessionKey, m.Status,
                m.Reps is { } reps ? new SprintsDone(reps, m.Seconds, m.GradePercent) : null)).ToArray(),
        };
    }

    /// <summary>
    /// The hill sprints detected in a run as a dose: how many, their median length in whole seconds and their mean grade in
    /// percent (one decimal); null when none were detected.
    /// </summary>
    public static SprintsDone? Sprints(StoredSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (summary.HillSprints.Count == 0)
        {
            return null;
        }

        var lengths = summary.HillSprints.Select(s => s.DurationSeconds).Order().ToArray();
        var median = lengths.Length % 2 == 1 ? lengths[lengths.Length / 2] : (lengths[(lengths.Length / 2) - 1] + lengths[lengths.Length / 2]) / 2;
        var grade = Math.Round(summary.HillSprints.Average(s => s.AverageGrade) * 100, 1);
        return new SprintsDone(summary.HillSprints.Count, (int)Math.Round(median, MidpointRounding.AwayFromZero), grade);
    }

    /// <summary>"done", "moved", "missed", "planned", "skipped".</summary>
    public static string Name(FollowStatus status) => Kebab.Name(status);

    /// <summary>True when both days fall in the same Monday-to-Sunday week.</summary>
    public static bool SameWeek(DateOnly a, DateOnly b) => Monday(a) == Monday(b);

    /// <summary>The Monday on or before <paramref name="date"/>.</summary>
    public static DateOnly Monday(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    /// <summary>How a session stands, for people: "Done Thursday", "Moved: done Sunday", "Missed", "Hill sprints from your run: 6 x 10 s at 7.5 %".</summary>
    public static string Describe(FollowedSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var on = session.DoneOn is { } d ? d.DayOfWeek.ToString() : "";
        var sprints = session.Sprints is { } s
            ? string.Create(CultureInfo.InvariantCulture, $": {s.Reps}{(s.Seconds is { } sec ? $" x {sec} s" : "")}{(s.GradePercent is { } g ? $" at {g:0.#} %" : "")}{(session.Detected ? ", detected in your run" : "")}")
            : "";
        return session.Status switch
        {
            FollowStatus.Done => $"Done{sprints}",
            FollowStatus.Moved => $"Moved: done {on}{sprints}",
            FollowStatus.Missed => session.Offer is { Date: { } offered } ? $"Missed: offered on {offered.DayOfWeek}" : session.Offer is not null ? "Missed: no legal day left this week" : "Missed",
            FollowStatus.Skipped => "Skipped",
            _ => "Planned",
        };
    }

    /// <summary>How a planned run stands, for people: "Done", "Moved: run Friday", "Missed", "Planned".</summary>
    public static string Describe(FollowedRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.Status switch
        {
            FollowStatus.Done => "Done",
            FollowStatus.Moved => $"Moved: run {run.DoneOn!.Value.DayOfWeek}",
            FollowStatus.Missed => "Missed",
            _ => "Planned",
        };
    }

}
