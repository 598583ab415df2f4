using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RunStrong.Data;
using RunStrong.Domain.Catalogue;
using RunStrong.Domain.Planning;
using RunStrong.Domain.Progression;
using RunStrong.Domain.Training;
using RunStrong.Features.Common;

namespace RunStrong.Features.Training;

/// <summary>
/// A plan as the runner follows it. The generator prescribes in advance from the profile (starting rung and load); once an
/// exercise is logged, every session of it from today on takes the progression engine's next prescription instead
/// (<see cref="ProgressionRules"/>, domain.md §3: double progression, the ladder, back-off on pain), with its reason in
/// <see cref="PlannedExercise.FromLog"/>. Days before today stay as they were planned; deload weeks take the engine's
/// deload; taper weeks keep their cut in sets. A session today follows what was logged before today, so that the day's own
/// sets do not move its prescription (as the gym page does).
/// </summary>
public static class PlanProgress
{
    /// <summary>Reads the runner's log and applies it to <paramref name="plan"/> (plan <paramref name="planId"/> when stored).</summary>
    public static async Task<Plan> ApplyAsync(
        RunStrongDbContext db, ICurrentRunner runner, Plan plan, RunnerProfile profile, IReadOnlyList<Exercise> catalogue, DateOnly today,
        long? planId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var deloadDays = plan.Weeks.Where(w => w.Deload).SelectMany(w => w.Days).Select(d => d.Date).ToHashSet();
        var slugs = plan.Weeks.SelectMany(w => w.Days).Where(d => d.Date >= today)
            .SelectMany(d => d.Sessions).Where(s => s.Kind == SessionKind.Strength).SelectMany(s => s.Exercises).Select(e => e.Slug);
        var log = await ExerciseLogs.ReadAsync(
            db, runner, slugs, today.AddDays(1), (date, id) => planId is not null && id == planId && deloadDays.Contains(date), cancellationToken);
        var hills = await HillSprintsDoneAsync(db, runner, today, cancellationToken);
        if (log.Records.Count == 0 && hills.Count == 0)
        {
            return plan;
        }

        return Apply(plan, profile, catalogue, log, today, hills);
    }

    /// <summary>A hill-sprint session as it was done: marked on /log with its sprints, or detected in a run.</summary>
    public sealed record HillSprintsDone(DateOnly Date, int Reps, int Seconds);

    /// <summary>How far back a hill-sprint session still sets the next dose: beyond it, the plan's own dose stands.</summary>
    public const int HillSprintMemoryDays = 21;

    /// <summary>
    /// The hill sprints done in the <see cref="HillSprintMemoryDays"/> before <paramref name="today"/> (and today): sessions
    /// marked done or partly with their sprints, and runs with hill sprints detected in them (docs/decisions/0027).
    /// </summary>
    public static async Task<IReadOnlyList<HillSprintsDone>> HillSprintsDoneAsync(
        RunStrongDbContext db, ICurrentRunner runner, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(runner);
        var owner = runner.RunnerId;
        var since = today.AddDays(-HillSprintMemoryDays);
        var marked = await db.SessionLogs.AsNoTracking()
            .Where(l => l.OwnerId == owner && l.Kind == "hill-sprints" && (l.Status == "done" || l.Status == "partly") && l.Reps > 0 && l.Date >= since && l.Date <= today)
            .Select(l => new { l.Date, l.Reps, l.Seconds })
            .ToListAsync(cancellationToken);
        var runs = await db.Activities.AsNoTracking()
            .Where(a => a.OwnerId == owner && a.Sport == "running" && a.LocalDate >= since && a.LocalDate <= today)
            .Select(a => new { a.LocalDate, a.SummaryJson })
            .ToListAsync(cancellationToken);
        var detected = runs.Select(r => (r.LocalDate, Sprints: PlanStatuses.Sprints(Activities.StoredSummary.Read(r.SummaryJson))))
            .Where(r => r.Sprints is not null)
            .Select(r => new HillSprintsDone(r.LocalDate, r.Sprints!.Reps, r.Sprints.Seconds ?? 8));
        return [.. marked.Select(m => new HillSprintsDone(m.Date, m.Reps!.Value, m.Seconds ?? 8)).Concat(detected).OrderBy(h => h.Date)];
    }

    /// <summary>The plan with every strength exercise from <paramref name="today"/> on following <paramref name="log"/>.</summary>
    /// <param name="hills">Hill sprints done (<see cref="HillSprintsDoneAsync"/>): from today on, no hill-sprint session asks for
    /// more than one step past the last one done (<see cref="FollowHills"/>).</param>
    public static Plan Apply(
        Plan plan, RunnerProfile profile, IReadOnlyList<Exercise> catalogue, ExerciseLogs log, DateOnly today, IReadOnlyList<HillSprintsDone>? hills = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(log);
        var history = log.History;
        var checkIns = log.CheckIns;
        var bySlug = catalogue.GroupBy(e => e.Slug, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var cache = new Dictionary<(string Slug, bool Deload, bool Today), Prescription?>();

        Prescription? Next(Exercise exercise, bool deload, bool isToday)
        {
            if (cache.TryGetValue((exercise.Slug, deload, isToday), out var known))
            {
                return known;
            }

            var before = history.Where(s => isToday ? s.Date < today : s.Date <= today).ToArray();
            var loggedVariants = log.VariantsOf(exercise.Slug, isToday ? today : today.AddDays(1))
                .Select(slug => exercise.Progression.FirstOrDefault(v => v.Slug == slug)).OfType<ExerciseVariant>().ToArray();
            Prescription? next = null;
            if (before.Any(s => s.SetsOf(exercise.Slug).Count > 0))
            {
                next = ProgressionRules.Next(new ProgressionRequest
                {
                    Exercise = exercise,
                    // What the profile allows, and what the runner has logged this exercise with (they have that kit).
                    AvailableEquipment = profile.AvailableEquipment.Concat(loggedVariants.SelectMany(v => v.Equipment)).ToHashSet(),
                    History = before,
                    CheckIns = checkIns.Where(c => isToday ? c.Date < today : c.Date <= today).ToArray(),
                    DeloadWeek = deload,
                    Unit = profile.MassUnit,
                    Experience = profile.Experience,
                });
            }

            cache[(exercise.Slug, deload, isToday)] = next;
            return next;
        }

        PlannedExercise Follow(PlannedExercise planned, PlanWeek week, DateOnly date)
        {
            if (!bySlug.TryGetValue(planned.Slug, out var exercise) || Next(exercise, week.Deload, date == today) is not { } next)
            {
                return planned;
            }

            var loaded = next.Variant.Load is LoadKind.External or LoadKind.ExternalPlusBand;
            return planned with
            {
                Variant = next.Variant.Slug,
                Sets = week.Phase == TrainingPhase.Taper ? Math.Min(planned.Sets, next.Sets) : next.Sets,
                RepsMin = next.RepsMin,
                RepsMax = next.RepsMax,
                Seconds = next.Seconds,
                Rpe = (int)Math.Round(next.TargetRpe, MidpointRounding.AwayFromZero),
                Load = loaded && next.Load is { } load ? StartingLoads.Notation(load, profile.MassUnit) : null,
                LoadNote = loaded ? next.Load is null ? "log the load you use: the next one follows from it" : "from your log" : null,
                FromLog = next.Reason,
            };
        }

        return plan with
        {
            Weeks = plan.Weeks.Select(week => week with
            {
                Days = week.Days.Select(day => day.Date < today ? day : day with
                {
                    Sessions = day.Sessions.Select(session => session.Kind switch
                    {
                        SessionKind.Strength => session with { Exercises = session.Exercises.Select(e => Follow(e, week, day.Date)).ToArray() },
                        SessionKind.HillSprints => FollowHills(session, profile, hills ?? [], day.Date, today),
                        _ => session,
                    }).ToArray(),
                }).ToArray(),
            }).ToArray(),
        };
    }

    /// <summary>
    /// A hill-sprint session from today on as the last one done allows (Hudson 2008, domain.md §4: build up 1–2 sprints a
    /// week): when the runner did fewer or shorter sprints than planned, or missed sessions, the next one asks for one step
    /// past what was done (<see cref="HillSprintDose.Next"/>) rather than the plan's schedule; a runner at or ahead of the
    /// plan keeps the plan's dose. Nothing done in the <see cref="HillSprintMemoryDays"/> before: the plan's dose stands.
    /// </summary>
    public static PlanSession FollowHills(PlanSession session, RunnerProfile profile, IReadOnlyList<HillSprintsDone> hills, DateOnly day, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(hills);
        var last = hills.Where(h => (day == today ? h.Date < today : h.Date <= today) && h.Date >= day.AddDays(-HillSprintMemoryDays))
            .OrderBy(h => h.Date).LastOrDefault();
        if (last is null || session.Exercises is not [var planned, ..] || planned.Seconds is not { } plannedSeconds)
        {
            return session;
        }

        var done = HillSprintDose.Done(last.Reps, last.Seconds);
        var next = done.Next(HillSprintDose.WeeklyIncrement(profile.Experience));
        if ((next.Seconds, next.Reps).CompareTo((plannedSeconds, planned.Sets)) >= 0)
        {
            return session;
        }

        var on = last.Date.ToString("ddd d MMM", CultureInfo.InvariantCulture);
        var reason = $"after {last.Reps} × {last.Seconds} s on {on}: {next.Reps} × {next.Seconds} s, one step on (the plan had {planned.Sets} × {plannedSeconds} s; Hudson 2008 builds up 1–2 sprints a week)";
        return session with
        {
            Reason = session.Reason.Replace($"{planned.Sets} × {plannedSeconds} s", $"{next.Reps} × {next.Seconds} s", StringComparison.Ordinal),
            Exercises = [planned with { Sets = next.Reps, Seconds = next.Seconds, FromLog = reason }, .. session.Exercises.Skip(1)],
        };
    }
}
