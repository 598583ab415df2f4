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
        var records = await TrainingData.SessionRecordsAsync(db, runner, cancellationToken);
        if (records.Count == 0)
        {
            return plan;
        }

        var deloadDays = plan.Weeks.Where(w => w.Deload).SelectMany(w => w.Days).Select(d => d.Date).ToHashSet();
        var history = TrainingData.ToDomain(records, r => planId is not null && r.PlanId == planId && deloadDays.Contains(r.Date));
        var checkIns = await TrainingData.CheckInsAsync(db, runner, cancellationToken);
        return Apply(plan, profile, catalogue, history, checkIns, today);
    }

    /// <summary>The plan with every strength exercise from <paramref name="today"/> on following <paramref name="history"/>.</summary>
    public static Plan Apply(
        Plan plan, RunnerProfile profile, IReadOnlyList<Exercise> catalogue, IReadOnlyList<LoggedStrengthSession> history,
        IReadOnlyList<SorenessCheckIn> checkIns, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(history);
        var bySlug = catalogue.GroupBy(e => e.Slug, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var cache = new Dictionary<(string Slug, bool Deload, bool Today), Prescription?>();

        Prescription? Next(Exercise exercise, bool deload, bool isToday)
        {
            if (cache.TryGetValue((exercise.Slug, deload, isToday), out var known))
            {
                return known;
            }

            var before = history.Where(s => isToday ? s.Date < today : s.Date <= today).ToArray();
            var loggedVariants = before.SelectMany(s => s.SetsOf(exercise.Slug))
                .Select(s => exercise.Progression.FirstOrDefault(v => v.Slug == s.VariantSlug)).OfType<ExerciseVariant>().ToArray();
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
                    Sessions = day.Sessions.Select(session => session.Kind != SessionKind.Strength ? session : session with
                    {
                        Exercises = session.Exercises.Select(e => Follow(e, week, day.Date)).ToArray(),
                    }).ToArray(),
                }).ToArray(),
            }).ToArray(),
        };
    }
}
