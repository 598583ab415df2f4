using RunStrong.Data;
using RunStrong.Data.Entities;
using RunStrong.Features.Catalogue;
using RunStrong.Features.Common;

namespace RunStrong.Features.Training;

/// <summary>
/// What the gym page shows for a day: each planned strength session of the plan for that day (the newest plan whose
/// calendar holds it), one row per set, pre-filled from the progression engine (variant, reps, load, band, target RPE),
/// with the sets already logged for it, each in a row of its exercise (<see cref="Match"/>); the day's unplanned session, if any; and every other session logged that
/// day (one a plan no longer covering the day planned), so that nothing logged disappears from its day.
/// </summary>
public static class TodaysSession
{
    public sealed record Row(
        int Position,
        string Exercise,
        string ExerciseName,
        string Variant,
        string VariantName,
        int? Reps,
        int? Seconds,
        string? Load,
        string? Band,
        double Rpe,
        int RestSeconds,
        int SetNumber,
        int SetsOfExercise,
        string Reason,
        LoggedSetView? Logged,
        bool TakesLoad);

    /// <param name="MovedFrom">For a missed session offered on this day (or logged here for its key): the day it was planned on.</param>
    public sealed record Planned(
        string Key, string PlanName, bool Deload, string Reason, long? SessionId, IReadOnlyList<Row> Rows, IReadOnlyList<LoggedSetView> Extra, DateOnly? MovedFrom = null);

    /// <param name="Other">Sessions logged on the day for a planned session the day's plan does not hold (another plan's).</param>
    /// <param name="Follow">The day's plan against what was done, as of the runner's today (null without a plan).</param>
    public sealed record Response(
        DateOnly Date, IReadOnlyList<Planned> Planned, StrengthSessionView? Unplanned, IReadOnlyList<StrengthSessionView> Other, Domain.Planning.PlanFollow? Follow = null)
    {
        /// <summary>
        /// Sessions read from the runner's watch that day, shown apart from the planned rows (their sets follow the
        /// watch's order, not the plan's); one waiting for a choice against a hand-logged session says so.
        /// </summary>
        public IReadOnlyList<StrengthSessionView> Watch { get; init; } = [];
    }

    public static async Task<Response> HandleAsync(
        RunStrongDbContext db, ICurrentRunner runner, TimeProvider clock, DateOnly? day, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(runner);
        var today = await TrainingData.TodayAsync(db, runner, clock, cancellationToken);
        var date = day ?? today;
        var catalogue = await new ExerciseCatalogue(db).AllAsync(cancellationToken);
        var plan = await TrainingPlan.ForDayAsync(db, runner, catalogue, date, cancellationToken);
        var onDay = await TrainingData.SessionRecordsAsync(db, runner, cancellationToken, date, date);

        // A missed strength session offered on this day, or already logged here for its own key, is done here (docs/decisions/0027).
        var follow = plan is null ? null : await PlanStatuses.ReadAsync(db, runner, plan.Plan, plan.Record.Id, today, cancellationToken);
        var movedHere = plan is null ? [] : plan.Plan.Days
            .Where(d => d.Date != date && PlanStatuses.SameWeek(d.Date, date))
            .SelectMany(d => plan.StrengthOn(d.Date))
            .Where(s => follow!.OfferedOn(date).Any(o => o.Key == s.Key) || onDay.Any(r => r.PlannedSessionKey == s.Key && (r.PlanId is null || r.PlanId == s.PlanId)))
            .ToArray();

        // Progress from what was logged before this day, so that the day's own sets don't move its prescription.
        var sessions = (plan?.StrengthOn(date) ?? []).Concat(movedHere).ToArray();
        var log = await ExerciseLogs.ReadAsync(
            db, runner, sessions.SelectMany(s => s.Session.Exercises).Select(e => e.Slug), date, NextPrescription.IsDeload(plan), cancellationToken);
        var unit = (await Settings.RunnerPreferences.GetAsync(db, runner, cancellationToken)).Weight;
        var planned = new List<Planned>();
        var shown = new HashSet<long>();
        foreach (var session in sessions)
        {
            var logged = onDay.FirstOrDefault(r => r.PlannedSessionKey == session.Key && (r.PlanId is null || r.PlanId == session.PlanId) && r.SourceActivityId is null);
            if (logged is not null)
            {
                shown.Add(logged.Id);
            }

            var rows = new List<Row>();
            foreach (var plannedExercise in session.Session.Exercises)
            {
                var exercise = catalogue.FirstOrDefault(e => e.Slug == plannedExercise.Slug);
                if (exercise is null)
                {
                    continue;
                }

                var item = NextPrescription.Prescribe(exercise, plan, log, session.Deload, unit, plannedExercise);
                var takesLoad = exercise.Progression.FirstOrDefault(v => v.Slug == item.Variant)?.Load
                    is Domain.Catalogue.LoadKind.External or Domain.Catalogue.LoadKind.ExternalPlusBand;
                for (var i = 0; i < item.Sets; i++)
                {
                    rows.Add(new Row(rows.Count, item.Exercise, item.ExerciseName, item.Variant, item.VariantName,
                        item.Seconds is not null && item.TargetReps is null ? null : item.TargetReps,
                        item.TargetReps is null ? item.Seconds : null,
                        item.Load, item.Band, item.TargetRpe, item.RestSeconds, i + 1, item.Sets, item.Reason,
                        null, takesLoad));
                }
            }

            var (matched, extra) = Match(rows, logged?.Sets ?? []);
            var moved = session.Date != date;
            var reason = moved ? $"{Offered(session.Date)}. {session.Session.Reason}" : session.Session.Reason;
            planned.Add(new Planned(session.Key, session.PlanName, session.Deload, reason, logged?.Id, matched, extra, moved ? session.Date : null));
        }

        var unplanned = onDay.FirstOrDefault(r => r.PlannedSessionKey is null && r.SourceActivityId is null);
        var other = onDay.Where(r => r.PlannedSessionKey is not null && !shown.Contains(r.Id) && r.Sets.Count > 0 && r.SourceActivityId is null).Select(StrengthSessionView.From).ToArray();
        var watch = onDay.Where(r => r.SourceActivityId is not null).Select(StrengthSessionView.From).ToArray();
        return new Response(date, planned, unplanned is null ? null : StrengthSessionView.From(unplanned), other, follow) { Watch = watch };
    }

    /// <summary>
    /// Puts each set logged for the session in the row of its exercise: at the row's own place when the set is there,
    /// else in the exercise's first row still open (the prescription may have changed since the sets were logged, or
    /// they came from the CLI or the API in another order). A row showing a set takes the set's place, so that correcting
    /// it changes that set; an open row whose place another set holds gets a free place after every set, so that logging
    /// it never replaces a set. Sets no row of their exercise is left for are the session's extra sets.
    /// </summary>
    internal static (IReadOnlyList<Row> Rows, IReadOnlyList<LoggedSetView> Extra) Match(IReadOnlyList<Row> rows, IEnumerable<LoggedSetRecord> logged)
    {
        var sets = logged.OrderBy(s => s.Position).ToList();
        var shown = new LoggedSetRecord?[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            shown[i] = sets.FirstOrDefault(s => s.Position == rows[i].Position && s.ExerciseSlug == rows[i].Exercise);
        }

        foreach (var set in sets.Where(s => !shown.Contains(s)))
        {
            var open = Enumerable.Range(0, rows.Count).FirstOrDefault(i => shown[i] is null && rows[i].Exercise == set.ExerciseSlug, -1);
            if (open >= 0)
            {
                shown[open] = set;
            }
        }

        var taken = sets.Select(s => s.Position).ToHashSet();
        var free = Math.Max(rows.Count, sets.Count == 0 ? 0 : sets.Max(s => s.Position) + 1);
        var placed = rows.Select((row, i) => shown[i] is { } set
                ? row with { Position = set.Position, Logged = LoggedSetView.From(set) }
                : taken.Contains(row.Position) ? row with { Position = free++ } : row)
            .ToArray();
        var extra = sets.Where(s => !shown.Contains(s)).Select(LoggedSetView.From).ToArray();
        return (placed, extra);
    }

    /// <summary>"Tuesday's strength session, moved here (missed Tuesday)".</summary>
    public static string Offered(DateOnly plannedOn) => $"{plannedOn.DayOfWeek}'s strength session, moved here (missed {plannedOn.DayOfWeek})";
}
