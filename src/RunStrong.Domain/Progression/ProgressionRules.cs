using System.Globalization;
using RunStrong.Domain.Catalogue;
using RunStrong.Domain.Planning;
using RunStrong.Domain.Training;

namespace RunStrong.Domain.Progression;

/// <summary>
/// The next prescription for one exercise from what the runner did (domain.md §3). Rules, checked in this order:
/// <list type="number">
/// <item>No history: the easiest rung the runner has equipment for, at the bottom of the dose's range, RPE 7 (hill sprints:
///   <see cref="HillSprintDose.Start"/>, near all-out).</item>
/// <item>The current rung needs equipment the runner lacks: the nearest lower rung they can do.</item>
/// <item>Back-off, from the last session with the exercise. Pain — a set logged with pain, or a check-in of
///   <see cref="SorenessBackOffScore"/>/10 or more on or after that day in an area the exercise loads (see
///   <see cref="BodyAreas.LoadedBy"/>) — drops one rung (nothing lower: fewer sets at the bottom of the range). A failed set
///   or RPE 10 drops external load about 10 % (rounded to the equipment's step, <see cref="LoadSteps"/>), never below the
///   empty bar (<see cref="LoadSteps.Lightest"/>), or a band one grade lighter, or else one rung (domain.md §3: "drop load or
///   rung"; at the empty bar the rung is what is left to drop), or, with no rung below, one set fewer at the same load.
///   Pain in an area the exercise does not load changes nothing. Hill sprints back off only for pain: a sprint not
///   completed is fatigue, and an all-out sprint is RPE 10 by design (see the hill-sprint rule).</item>
/// <item>Deload week: the current rung and load, with <see cref="DeloadDose"/>, the plan's rule: one set fewer, reps from 2
///   below the bottom of the range up to the bottom, RPE 2 lower (Rogerson 2024: cut sets and reps, raise reps in reserve,
///   keep exercises). 3 × 8–12 at RPE 8 -> 2 × 6–8 at RPE 6. Hill sprints are held at the last dose, as the plan holds them.
///   Sessions logged as deload are looked past when progressing afterwards.</item>
/// <item>Double progression: below the top of the range on any set, aim one rep above the lowest set, same load.
///   Every set at the top on an external-load rung: add 5 % (at least one equipment step) and go back to the bottom; when the
///   last two sessions at that load were both 1 or more reps over the top on every set, add 10 % instead (ACSM 2009: 2–10 %
///   after 1–2 reps over target on two sessions in a row); so too after one session <see cref="FarOverTheRange"/> or more
///   reps over the top on every set (the load is light for the range; 10 % is the most one step adds, domain.md §3). The
///   reason says how far over the range the sets were. On a band rung below a heavy band: the next band up.</item>
/// <item>Ladder: on a bodyweight rung (or a heavy band) the runner moves up one rung when the top of the range was reached at
///   RPE 8 or easier (2 or more reps in reserve) on every set in each of the last two sessions — only to a rung whose
///   equipment they have, skipping rungs they cannot do. One such session: repeat. No rung available: one extra set.
///   A barbell rung progresses by load, not to "barbell plus band": a bar can always take another step.</item>
/// <item>Hill sprints (<see cref="HillSprintDose.IsHillSprints"/>), the plan's ladder (<see cref="HillSprintDose.Next"/>, Hudson
///   2008, domain.md §4): every sprint completed -> 1 more sprint (or the plan's weekly 1–2 when the runner's experience is
///   known), 8 s sprints at 8 reps or more become 10 s, 10 s at 10 or more become 12 s, up to 12 × 12 s; the rung follows the
///   length (<c>10-seconds</c>). One sprint not completed: the same again; more: one sprint fewer (fatigue, not pain).</item>
/// </list>
/// Target RPE: 7 after any change (start, more load, new rung, back-off), 8 while adding reps; never 10 (not to failure).
/// Hill sprints: <see cref="HillSprintRpe"/>, near all-out.
/// </summary>
public static class ProgressionRules
{
    /// <summary>A check-in at this score or more (0–10) in a loaded area counts as pain for back-off; milder soreness is normal.</summary>
    public const int SorenessBackOffScore = 5;

    /// <summary>The hardest RPE at which the top of the range counts towards a ladder move (2 reps in reserve).</summary>
    public const double LadderRpeCeiling = 8;

    /// <summary>
    /// Reps over the top of the range on every set from which one session is enough for the larger load step
    /// (<see cref="LoadSteps.LargeIncrease"/>): a judgement, past ACSM 2009's "1–2 reps more".
    /// </summary>
    public const int FarOverTheRange = 3;

    /// <summary>Target RPE of a hill sprint: near all-out (Hudson 2008, domain.md §4), short of 10 since nothing is prescribed to failure.</summary>
    public const double HillSprintRpe = 9;

    public static Prescription Next(ProgressionRequest request)
    {
        var exercise = request.Exercise;
        var sessions = request.History
            .Select(s => new Done(s.Date, s.SetsOf(exercise.Slug), s.IsDeload))
            .Where(d => d.Sets.Count > 0)
            .OrderBy(d => d.Date)
            .ToList();
        var context = new Context(request);

        if (sessions.Count == 0)
        {
            return context.DeloadIfDue(context.Start("first time"));
        }

        var last = sessions[^1];
        var lastIndex = context.IndexOf(last.VariantSlug);
        if (lastIndex < 0)
        {
            return context.DeloadIfDue(context.Start($"'{last.VariantSlug}' is not a rung of {exercise.Name}'s ladder, so starting again"));
        }

        if (!context.Has(context.Ladder[lastIndex]))
        {
            return context.DeloadIfDue(context.MissingEquipment(lastIndex));
        }

        if (context.BackOff(last, lastIndex) is { } backOff)
        {
            return context.DeloadIfDue(backOff);
        }

        if (context.Sprints)
        {
            // A deload week holds hill sprints rather than cutting them, so sessions logged then count like any other.
            return context.HillSprints(last, lastIndex);
        }

        var progressing = sessions.Where(s => !s.IsDeload).ToList();
        if (request.DeloadWeek || progressing.Count == 0)
        {
            return context.DeloadIfDue(context.Same(last, lastIndex, ProgressionStep.Repeat, $"last time {context.Describe(last)}: same again"));
        }

        var current = progressing[^1];
        var index = context.IndexOf(current.VariantSlug);
        if (index < 0 || !context.Has(context.Ladder[index]))
        {
            return context.Same(last, lastIndex, ProgressionStep.Repeat, $"last time {context.Describe(last)}: same again");
        }

        var previous = progressing.Count > 1 ? progressing[^2] : null;
        return context.Progress(current, previous, index);
    }

    /// <summary>One session's sets of the exercise.</summary>
    private sealed record Done(DateOnly Date, IReadOnlyList<LoggedSet> Sets, bool IsDeload)
    {
        public string VariantSlug => Sets[^1].VariantSlug;

        public Mass? Load => Sets.Where(s => s.Load is not null).Select(s => s.Load!.Value).DefaultIfEmpty().Max() is var m && m > Mass.Zero ? m : null;

        public BandResistance? Band => Sets[^1].Band;

        public bool AllCompleted => Sets.All(s => s.Completed);

        public Rpe? HardestEffort => Sets.Where(s => s.Effort is not null).Select(s => s.Effort!.Value).DefaultIfEmpty().Max() is var e && e.Value > 0 ? e : null;

        public bool EffortKnownOnEverySet => Sets.All(s => s.Effort is not null);
    }

    private sealed class Context(ProgressionRequest request)
    {
        private readonly Exercise _exercise = request.Exercise;
        private readonly MassUnit _unit = request.Unit;

        public IReadOnlyList<ExerciseVariant> Ladder => _exercise.Progression;

        private Dose Dose => _exercise.Dose;

        private bool Timed => Dose.RepsMin is null || Dose.RepsMax is null;

        /// <summary>Hill sprints: timed, near all-out, progressed by <see cref="HillSprintDose"/>.</summary>
        public bool Sprints => Timed && HillSprintDose.IsHillSprints(_exercise);

        private int Low => Dose.RepsMin ?? 1;

        private int High => Dose.RepsMax ?? Low;

        public int IndexOf(string variantSlug) =>
            Ladder.Select((v, i) => (v, i)).FirstOrDefault(p => string.Equals(p.v.Slug, variantSlug, StringComparison.OrdinalIgnoreCase), (null!, -1)).Item2;

        public bool Has(ExerciseVariant variant) =>
            variant.Equipment.All(e => e == Equipment.None || request.AvailableEquipment.Contains(e));

        public Prescription Start(string why)
        {
            if (Sprints)
            {
                return StartSprints(why);
            }

            var variant = Ladder.FirstOrDefault(Has) ?? Ladder[0];
            var missing = Has(variant) ? "" : $" (it needs {Needs(variant)}, which you haven't listed)";
            var load = variant.Load is LoadKind.External or LoadKind.ExternalPlusBand
                ? $", with a load you could lift about {High + 3} times"
                : "";
            return Build(variant, Dose.Sets, ProgressionStep.Start, 7, null, BandFor(variant, null),
                Timed
                    ? $"{why}: start with {variant.Name}{missing}, {Dose.Sets} x {Dose.Seconds} s at RPE 7 (about 3 reps in reserve)"
                    : $"{why}: start with {variant.Name}{missing} at the bottom of the range, {Dose.Sets} x {Low}{load} at RPE 7 (about 3 reps in reserve)");
        }

        /// <summary>The first hill sprints: the plan's first dose (<see cref="HillSprintDose.Start"/>) when the runner's experience is known, else the catalogue's.</summary>
        private Prescription StartSprints(string why)
        {
            var first = request.Experience is { } experience ? HillSprintDose.Start(experience) : HillSprintDose.Done(Dose.Sets, Dose.Seconds ?? 8);
            var variant = SprintRung(first.Seconds);
            return Sprint(variant, first, ProgressionStep.Start,
                $"{why}: start with {variant.Name}, {first.Reps} x {first.Seconds} s uphill, near all-out, after an easy run; walk down to recover, 2–3 min (Hudson 2008: start with 1–2)");
        }

        public Prescription MissingEquipment(int index)
        {
            var lower = Enumerable.Range(0, index).Reverse().Select(i => Ladder[i]).FirstOrDefault(Has);
            if (lower is null)
            {
                return Start($"{Ladder[index].Name} needs {Needs(Ladder[index])}, which you haven't listed");
            }

            return Build(lower, Dose.Sets, ProgressionStep.EquipmentMissing, 7, null, BandFor(lower, null),
                $"{Ladder[index].Name} needs {Needs(Ladder[index])}, which you haven't listed: use {lower.Name}, {Dose.Sets} x {RepsOrSeconds(Low)}");
        }

        public Prescription? BackOff(Done last, int index)
        {
            var variant = Ladder[index];
            var loaded = BodyAreas.LoadedBy(_exercise);
            var sore = request.CheckIns
                .Where(c => c.Date >= last.Date && c.Score >= SorenessBackOffScore && loaded.Contains(c.Area))
                .GroupBy(c => c.Area)
                .Select(g => g.MaxBy(c => c.Score)!)
                .OrderByDescending(c => c.Score)
                .ToArray();
            var painInSet = last.Sets.Any(s => s.Pain);
            if (painInSet || sore.Length > 0)
            {
                var why = painInSet
                    ? $"you felt pain during {_exercise.Name} last time"
                    : $"pain in your {string.Join(" and ", sore.Select(c => AreaName(c.Area)))} after last session ({string.Join(", ", sore.Select(c => c.Score.ToString(CultureInfo.InvariantCulture) + "/10"))})";
                return RungDown(last, index, why) ?? FewerSets(last, variant, why, pain: true);
            }

            var failed = last.Sets.Count(s => !s.Completed);
            var maximal = last.Sets.Any(s => s.Effort is { IsMaximal: true });
            if ((failed == 0 && !maximal) || Sprints)
            {
                // A sprint not completed is fatigue and an all-out sprint is RPE 10 by design: the hill-sprint rule deals with them.
                return null;
            }

            var cause = failed > 0
                ? $"a failed set last time ({last.Sets.Count - failed} of {last.Sets.Count} sets completed{LoadText(last.Load)})"
                : $"last time you reached RPE 10, no reps in reserve{LoadText(last.Load)}";
            var lightest = LoadSteps.Lightest(variant, _unit);
            if (variant.Load is LoadKind.External or LoadKind.ExternalPlusBand && last.Load is { } load
                && LoadSteps.Decrease(load, LoadSteps.BackOff, LoadSteps.SmallestStep(variant, _unit), _unit, lightest) is { } lighter)
            {
                var floor = lightest is { } bar && lighter.In(_unit) <= bar.In(_unit) + 1e-9 && load.In(_unit) * (1 - LoadSteps.BackOff) < bar.In(_unit)
                    ? $"drop to the empty bar, {lighter.Format(_unit)} (a barbell goes no lighter),"
                    : $"drop the load about 10 % to {lighter.Format(_unit)}";
                return Build(variant, Dose.Sets, ProgressionStep.BackOffLoad, 7, lighter, last.Band,
                    $"{cause}: {floor} and start again at {RepsOrSeconds(Low)}");
            }

            if (variant.Load is LoadKind.External or LoadKind.ExternalPlusBand && last.Load is { } atBar && lightest is { } emptyBar
                && atBar.In(_unit) <= emptyBar.In(_unit) + 1e-9)
            {
                // domain.md §3: a failed set drops load or rung; at the empty bar there is no load left to drop.
                var barCause = $"{cause}, and the empty bar ({emptyBar.Format(_unit)}) is as light as a barbell goes";
                return RungDown(last, index, barCause) ?? FewerSets(last, variant, barCause, pain: false);
            }

            if (variant.Load == LoadKind.Band && last.Band is { } band && band > BandResistance.Light)
            {
                var lighterBand = band - 1;
                return Build(variant, Dose.Sets, ProgressionStep.BackOffLoad, 7, null, lighterBand,
                    $"{cause}: use a {BandName(lighterBand)} band and start again at {RepsOrSeconds(Low)}");
            }

            return RungDown(last, index, cause) ?? FewerSets(last, variant, cause, pain: false);
        }

        public Prescription Progress(Done current, Done? previous, int index)
        {
            var variant = Ladder[index];
            var described = Describe(current);
            if (previous is not null && (previous.VariantSlug != current.VariantSlug || previous.Band != current.Band))
            {
                previous = null;
            }

            if (!AtTop(current))
            {
                if (Timed)
                {
                    return Build(variant, Dose.Sets, ProgressionStep.Repeat, 8, current.Load, current.Band,
                        $"last time {described}: same again, aiming for {Dose.Seconds} s on every set");
                }

                var lowest = current.Sets.Min(s => s.Reps);
                var target = Math.Clamp(lowest + 1, Low, High);
                return Build(variant, Dose.Sets, ProgressionStep.AddReps, 8, current.Load, current.Band,
                    $"last time {described}: same {Resistance(variant, current)}, aim for {target} reps on every set, then keep adding reps up to {High}",
                    target);
            }

            if (variant.Load is LoadKind.External or LoadKind.ExternalPlusBand)
            {
                if (current.Load is not { } load)
                {
                    return Build(variant, Dose.Sets, ProgressionStep.Repeat, 8, null, current.Band,
                        $"last time {described}, the top of the range, but no load was logged: log the load you use so RunStrong can add to it",
                        High);
                }

                var overTwice = !Timed && previous is not null && previous.Load == load && OverTop(previous) && OverTop(current);
                var farOver = !Timed && !overTwice && current.Sets.Min(s => s.Reps) - High >= FarOverTheRange;
                var heavier = LoadSteps.Increase(load, overTwice || farOver ? LoadSteps.LargeIncrease : LoadSteps.NormalIncrease,
                    LoadSteps.SmallestStep(variant, _unit), _unit);
                var added = Mass.FromKilograms(heavier.Kilograms - load.Kilograms);
                var percent = (heavier.Kilograms / load.Kilograms - 1) * 100;
                var step = string.Create(CultureInfo.InvariantCulture, $"{added.Format(_unit)} ({percent:0} %) to {heavier.Format(_unit)}");
                var reason = overTwice
                    ? $"two sessions in a row {described}, {OverTheRange(previous!, current)}: add {step} and go back to {RepsOrSeconds(Low)} (ACSM 2009)"
                    : farOver
                        ? $"last time {described}, {OverTheRange(current)}: the load is light for {Low}–{High} reps, so add the largest step (ACSM 2009: 2–10 %), {step}, and go back to {RepsOrSeconds(Low)}; more steps follow while it stays light"
                        : OverTop(current)
                            ? $"last time {described}, {OverTheRange(current)}: add {step} and go back to {RepsOrSeconds(Low)}"
                            : $"last time {described}, the top of the range: add {step} and go back to {RepsOrSeconds(Low)}";
                return Build(variant, Dose.Sets, ProgressionStep.AddLoad, 7, heavier, current.Band, reason);
            }

            if (variant.Load == LoadKind.Band && (current.Band ?? BandResistance.Light) < BandResistance.Heavy)
            {
                var band = (current.Band ?? BandResistance.Light) + 1;
                return Build(variant, Dose.Sets, ProgressionStep.HeavierBand, 7, null, band,
                    $"last time {described}, the top of the range: switch to a {BandName(band)} band and go back to {RepsOrSeconds(Low)}");
            }

            // Bodyweight, or the heaviest band: move up the ladder after two easy sessions at the top.
            if (Easy(current) && previous is not null && Easy(previous))
            {
                var next = Enumerable.Range(index + 1, Ladder.Count - index - 1).Select(i => Ladder[i]).FirstOrDefault(Has);
                if (next is not null)
                {
                    var skipped = Ladder.Skip(index + 1).TakeWhile(v => v != next).ToArray();
                    var skipText = skipped.Length == 0 ? "" : $" (skipping {string.Join(", ", skipped.Select(v => v.Name))}: no {string.Join(", ", skipped.Select(Needs))})";
                    return Build(next, Dose.Sets, ProgressionStep.NextRung, 7, null, BandFor(next, null),
                        $"last time {described}, the second session in a row at the top with 2 or more reps in reserve: {MoveText(next)}{skipText}, and go back to {RepsOrSeconds(Low)}");
                }

                var higher = Ladder.Skip(index + 1).FirstOrDefault();
                var sets = current.Sets.Count;
                var why = higher is null
                    ? "this is the top of the ladder"
                    : $"the next rung needs {Needs(higher)}, which you haven't listed";
                return sets <= Dose.Sets
                    ? Build(variant, sets + 1, ProgressionStep.AddSet, 8, current.Load, current.Band,
                        $"last time {described}, twice at the top with reps to spare, and {why}: add a set, {sets + 1} x {RepsOrSeconds(High)}", High)
                    : Build(variant, sets, ProgressionStep.Repeat, 8, current.Load, current.Band,
                        $"last time {described}, and {why}: keep it up; slow the lowering to 3 s to make it harder", High);
            }

            if (Easy(current))
            {
                return Build(variant, Dose.Sets, ProgressionStep.Repeat, 8, current.Load, current.Band,
                    $"last time {described}, the top of the range with reps to spare: do it once more and you move up", High);
            }

            return Build(variant, Dose.Sets, ProgressionStep.Repeat, 8, current.Load, current.Band,
                current.EffortKnownOnEverySet
                    ? $"last time {described}, the top of the range: stay at {RepsOrSeconds(High)} until it feels like RPE 8 or easier, then you move up"
                    : $"last time {described}, the top of the range: log how hard it felt (RPE) so RunStrong can tell when to move you up",
                High);
        }

        /// <summary>
        /// The next hill sprints from the last session (<see cref="HillSprintDose"/>, Hudson 2008, domain.md §4): the dose
        /// done is its sprints and the length of its rung (<c>12-seconds</c>; a rung not named for a length: the longest sprint
        /// logged). Every sprint completed: one step up the plan's ladder, or the ceiling of 12 × 12 s kept; in a deload week
        /// the same again. One sprint not completed: the same again; more: one sprint fewer. No pain was logged (pain backs off
        /// before this), so the reason speaks of fatigue.
        /// </summary>
        public Prescription HillSprints(Done last, int index)
        {
            var seconds = HillSprintDose.SecondsOf(Ladder[index]) ?? last.Sets.Max(s => s.Seconds) ?? Dose.Seconds ?? 8;
            var done = HillSprintDose.Done(last.Sets.Count, seconds);
            var missed = last.Sets.Count(s => !s.Completed || s.Seconds < seconds);
            var described = Describe(last);
            var count = last.Sets.Count;
            if (missed == 1)
            {
                return Sprint(SprintRung(done.Seconds), done, ProgressionStep.Repeat,
                    $"last time {described}, 1 of {count} sprints not completed: with no pain logged that is fatigue, not a reason to cut back; same again, {SprintText(done)}, walking all the way down between sprints (2–3 min)");
            }

            if (missed > 1)
            {
                var fewer = done with { Reps = Math.Max(1, done.Reps - 1) };
                return Sprint(SprintRung(fewer.Seconds), fewer, ProgressionStep.BackOffVolume,
                    $"last time {described}, {missed} of {count} sprints not completed: with no pain logged that is fatigue; one sprint fewer, {SprintText(fewer)}, walking all the way down between sprints (2–3 min), and add sprints again once every one is completed");
            }

            var increment = request.Experience is { } experience ? HillSprintDose.WeeklyIncrement(experience) : 1;
            var next = done.Next(increment);
            if (next == done)
            {
                return Sprint(SprintRung(done.Seconds), done, ProgressionStep.Repeat,
                    $"last time {described}, all completed: that is the top of the ladder, {SprintText(done)} (Hudson 2008: a ceiling of 10–12 sprints, up to 12 s); keep it, at most twice a week, or one session of 6–10 a week to maintain");
            }

            if (request.DeloadWeek)
            {
                return Sprint(SprintRung(done.Seconds), done, ProgressionStep.Deload,
                    $"deload week: hill sprints are held, not added to: {SprintText(done)} as last time; next week you pick up where you left off");
            }

            if (next.Seconds > done.Seconds)
            {
                return Sprint(SprintRung(next.Seconds), next, ProgressionStep.NextRung,
                    $"last time {described}, all completed: time for longer sprints (Hudson 2008: at 8–10 sprints of 8 s go to 10 s, at 10 of 10 s to 12 s), {SprintText(next)} on {next.Grade}");
            }

            var added = next.Reps - done.Reps;
            return Sprint(SprintRung(next.Seconds), next, ProgressionStep.AddReps,
                $"last time {described}, all completed: add {(added == 1 ? "one sprint" : $"{added} sprints")}, {SprintText(next)} (Hudson 2008: add 1–2 a week, up to {HillSprintDose.CeilingReps})");
        }

        /// <summary>The rung for sprints of <paramref name="seconds"/> among those the runner can do (the hill itself may be a treadmill or stairs).</summary>
        private ExerciseVariant SprintRung(int seconds)
        {
            var usable = Ladder.Where(v => v.Equipment.All(e => e is Equipment.Hill or Equipment.None || request.AvailableEquipment.Contains(e))).ToList();
            return HillSprintDose.RungFor(usable.Count > 0 ? usable : Ladder, seconds);
        }

        private Prescription Sprint(ExerciseVariant variant, HillSprintDose dose, ProgressionStep step, string reason) =>
            Build(variant, dose.Reps, step, HillSprintRpe, null, null, reason, seconds: dose.Seconds);

        private static string SprintText(HillSprintDose dose) =>
            string.Create(CultureInfo.InvariantCulture, $"{dose.Reps} x {dose.Seconds} s");

        public Prescription Same(Done last, int index, ProgressionStep step, string reason) =>
            Build(Ladder[index], Dose.Sets, step, 8, last.Load, last.Band, reason);

        public Prescription DeloadIfDue(Prescription prescription)
        {
            // Hill sprints are held in a deload week, not cut (the plan does the same): see HillSprints.
            if (!request.DeloadWeek || Sprints)
            {
                return prescription;
            }

            var light = DeloadDose.Of(prescription.Sets, prescription.RepsMin, prescription.Seconds,
                (int)Math.Round(prescription.TargetRpe, MidpointRounding.AwayFromZero));
            var dose = light.RepsMin is { } lo
                ? string.Create(CultureInfo.InvariantCulture, $"{light.Sets} x {lo}–{light.RepsMax}{(_exercise.SingleLeg ? " each leg" : "")}")
                : string.Create(CultureInfo.InvariantCulture, $"{light.Sets} x {light.Seconds} s");
            var cause = prescription.Reason.Split(':')[0];
            var kept = prescription.Step == ProgressionStep.Repeat
                ? ", same exercise and load"
                : $" with {prescription.Variant.Name}{LoadText(prescription.Load)} ({cause})";
            return prescription with
            {
                Sets = light.Sets,
                RepsMin = light.RepsMin,
                RepsMax = light.RepsMax,
                TargetReps = light.RepsMin,
                Seconds = light.Seconds ?? prescription.Seconds,
                TargetRpe = light.Rpe,
                Step = ProgressionStep.Deload,
                Reason = string.Create(CultureInfo.InvariantCulture,
                    $"deload week: {dose} at RPE {light.Rpe} (about {10 - light.Rpe} reps in reserve){kept}; next week you pick up where you left off"),
            };
        }

        public string Describe(Done session)
        {
            var timed = session.Sets.All(s => s.Reps == 0 && s.Seconds is not null);
            var values = session.Sets.Select(s => timed ? $"{s.Seconds} s" : s.Reps.ToString(CultureInfo.InvariantCulture)).ToArray();
            var text = values.Distinct().Count() == 1
                ? $"{values.Length} x {values[0]}"
                : $"{values.Length} sets of {string.Join(", ", values)}";
            if (_exercise.SingleLeg && !timed)
            {
                text += " each leg";
            }

            text += LoadText(session.Load);
            if (session.Band is { } band)
            {
                text += $" with a {BandName(band)} band";
            }

            if (session.HardestEffort is { } effort)
            {
                text += " at RPE " + effort.Value.ToString("0.#", CultureInfo.InvariantCulture);
            }

            return text;
        }

        private Prescription? RungDown(Done last, int index, string why)
        {
            var lower = Enumerable.Range(0, index).Reverse().Select(i => Ladder[i]).FirstOrDefault(Has);
            if (lower is null)
            {
                return null;
            }

            if (Sprints)
            {
                var shorter = HillSprintDose.Done(Dose.Sets, HillSprintDose.SecondsOf(lower) ?? Dose.Seconds ?? 8);
                return Sprint(lower, shorter, ProgressionStep.BackOffRung, $"{why}: back to {lower.Name}, {shorter.Reps} x {shorter.Seconds} s");
            }

            // A load carries over only on the same implement (barbell plus band -> barbell); a dumbbell is no barbell.
            var loaded = lower.Load is LoadKind.External or LoadKind.ExternalPlusBand;
            var sameImplement = loaded && StartingLoads.Implement(lower) is { } implement && implement == StartingLoads.Implement(Ladder[index]);
            var load = sameImplement ? last.Load : null;
            var move = lower.Load switch
            {
                LoadKind.Bodyweight => "back to bodyweight",
                LoadKind.External when Ladder[index].Load == LoadKind.ExternalPlusBand && sameImplement =>
                    load is { } kept ? $"drop the band, keep {kept.Format(_unit)}" : "drop the band",
                LoadKind.External or LoadKind.ExternalPlusBand when load is null => $"back to {lower.Name}, with a load you could lift about {High + 3} times",
                _ => $"back to {lower.Name}",
            };
            return Build(lower, Dose.Sets, ProgressionStep.BackOffRung, 7, load, BandFor(lower, null),
                $"{why}: {move}, {Dose.Sets} x {RepsOrSeconds(Low)}");
        }

        /// <summary>One set fewer on the easiest rung the runner can do: after pain, with the advice to stop if it hurts; after a failed set or RPE 10, with reps to spare.</summary>
        private Prescription FewerSets(Done last, ExerciseVariant variant, string why, bool pain)
        {
            var sets = Math.Max(1, Dose.Sets - 1);
            var seconds = Sprints ? HillSprintDose.SecondsOf(variant) ?? Dose.Seconds : null;
            var dose = seconds is { } s ? $"{sets} x {s} s" : $"{sets} x {RepsOrSeconds(Low)}{LoadText(last.Load)}";
            return Build(variant, sets, ProgressionStep.BackOffVolume, Sprints ? HillSprintRpe : 7, last.Load, last.Band,
                pain
                    ? $"{why}: you are on the easiest version you can do, so do {dose} and stop if it hurts; if it keeps hurting, leave this exercise out"
                    : $"{why}: you are on the easiest version you can do, so do {dose}, ending each set with 2–3 reps in reserve",
                seconds: seconds);
        }

        private bool AtTop(Done session) =>
            session.AllCompleted && session.Sets.Count >= 1 &&
            (Timed ? session.Sets.All(s => s.Seconds >= Dose.Seconds) : session.Sets.All(s => s.Reps >= High));

        private bool OverTop(Done session) => session.AllCompleted && session.Sets.All(s => s.Reps >= High + 1);

        /// <summary>"1–2 reps over the range", "8 reps over the range": how far the sets of <paramref name="sessions"/> went past its top.</summary>
        private string OverTheRange(params Done[] sessions)
        {
            var over = sessions.SelectMany(d => d.Sets).Select(s => s.Reps - High).ToArray();
            var (least, most) = (over.Min(), over.Max());
            var reps = least == most
                ? $"{least} rep{(least == 1 ? "" : "s")}"
                : $"{least}–{most} reps";
            return string.Create(CultureInfo.InvariantCulture, $"{reps} over the range");
        }

        private bool Easy(Done session) =>
            AtTop(session) && session.Sets.All(s => s.Effort is { } e && e.Value <= LadderRpeCeiling);

        private Prescription Build(ExerciseVariant variant, int sets, ProgressionStep step, double rpe, Mass? load, BandResistance? band, string reason, int? target = null, int? seconds = null) =>
            new()
            {
                Variant = variant,
                Sets = sets,
                RepsMin = Timed ? null : Low,
                RepsMax = Timed ? null : High,
                TargetReps = Timed ? null : target ?? Low,
                Seconds = seconds ?? Dose.Seconds,
                // A load logged in the other unit (57.5 kg read in lb is 126.77) is prescribed as a runner loads it: 125 lb.
                Load = variant.Load is LoadKind.External or LoadKind.ExternalPlusBand && load is { } l ? LoadSteps.OnTheBar(l, variant, _unit) : null,
                Band = variant.Load is LoadKind.Band or LoadKind.ExternalPlusBand ? band ?? BandResistance.Light : null,
                TargetRpe = rpe,
                Step = step,
                Reason = reason,
            };

        private static BandResistance? BandFor(ExerciseVariant variant, BandResistance? band) =>
            variant.Load is LoadKind.Band or LoadKind.ExternalPlusBand ? band ?? BandResistance.Light : null;

        private string RepsOrSeconds(int reps) =>
            Timed ? $"{Dose.Seconds} s" : reps.ToString(CultureInfo.InvariantCulture) + (_exercise.SingleLeg ? " reps each leg" : " reps");

        private string LoadText(Mass? load) => load is { } m ? " at " + m.Format(_unit) : "";

        private string Resistance(ExerciseVariant variant, Done session) => variant.Load switch
        {
            LoadKind.External or LoadKind.ExternalPlusBand when session.Load is { } m => "load (" + LoadSteps.OnTheBar(m, variant, _unit).Format(_unit) + ")",
            LoadKind.Band when session.Band is { } b => BandName(b) + " band",
            _ => "version",
        };

        private static string MoveText(ExerciseVariant next) => next.Load switch
        {
            LoadKind.Band => $"add a loop band ({next.Name})",
            LoadKind.ExternalPlusBand => $"add a loop band to the load ({next.Name})",
            LoadKind.External => $"move up to {next.Name}, with a load you could lift about 15 times",
            _ => $"move up to {next.Name}",
        };

        private static string Needs(ExerciseVariant variant) =>
            string.Join(" and ", variant.Equipment.Where(e => e != Equipment.None).Select(e => "a " + Kebab.Name(e).Replace('-', ' ')));

        private static string BandName(BandResistance band) => Kebab.Name(band);

        private static string AreaName(BodyArea area) => Kebab.Name(area).Replace('-', ' ');
    }
}
