using RunStrong.Domain.Catalogue;

namespace RunStrong.Domain.Planning;

/// <summary>
/// Writes a week-by-week plan of glute strength, hill sprints and warm-up drills around the runner's usual running week.
/// Pure and deterministic: the same profile, catalogue and start give the same plan.
/// <list type="bullet">
/// <item><b>Calendar.</b> From <c>start</c> (any weekday: the plan starts that day) to race day, or for
/// <see cref="RunnerProfile.Weeks"/> weeks. Weeks are Monday-to-Sunday, so the first (and, with a race, the last) may be
/// shorter; a plan without a race ends on the Sunday of its last week. The last day of a race plan is race day, whose run is
/// the race.</item>
/// <item><b>Phases.</b> Taper: the weeks starting within the last <see cref="TaperDays"/> days (~2 weeks). Peak: the 2 weeks
/// before (1 when fewer than 6 weeks remain, none below 3). The rest splits into base then build, base taking the odd
/// week. Without a race: base then build.</item>
/// <item><b>Deload.</b> Every <see cref="DeloadEvery"/>th week in base and build, by <see cref="DeloadDose"/> (the progression
/// engine's rule too): one set fewer, the bottom of the rep range and 2 reps lower, RPE 2 lower (2 more reps in reserve),
/// same exercises and frequency (Rogerson 2024: every 4–6 weeks).</item>
/// <item><b>Strength.</b> 2 sessions a week in base, build and peak (Balsalobre-Fernández 2016, Blagrove 2018: 2–3 a
/// week); 1 in taper with about half the weekly sets and the same effort (Bosquet 2007: cut volume 41–60 %, keep
/// intensity; Rønnestad 2010: once a week maintains strength); none in the last <see cref="NoHeavyDaysBeforeRace"/> days
/// before the race. Placed by "hard days hard" (domain.md §2, built on Doma &amp; Deakin 2013 and Robineau 2016): best on a
/// quality-run day after the run; never the day before a long run, quality run, race or hill sprints. A week without such a
/// day gets a warning and the least bad slot (in taper, no session). Preferred days are used when legal, refused with a
/// warning when not. The rung climbs one step after each deload where equipment allows (domain.md §3 ladder); no new rung
/// in peak or taper.</item>
/// <item><b>Hill sprints.</b> One session a week (Hudson 2008 allows two; RunStrong plans one because the week already
/// carries two strength sessions and the runner's hard runs), after an easy run, never the day before a long run, quality
/// run or race, nor the day after strength; a week without such a day gets them after its least bad easy run (the day before
/// a long run rather than a quality run) with a warning. Progressed by <see cref="HillSprintDose"/>, held in deload weeks, maintenance
/// in taper, none in the last 5 days before the race. For every runner: everyone whose week has runs runs outside. Where
/// there is no hill (<see cref="RunnerProfile.Hills"/>), a treadmill at 6–8 % incline, or stairs or a short steep ramp.</item>
/// <item><b>Drills.</b> Warm-up drills before every quality run and race (RAMP, domain.md §4).</item>
/// <item><b>Loads.</b> Every loaded rung carries a load (<see cref="StartingLoads"/>) or says why not; deload and taper keep
/// it (Rogerson 2024, Bosquet 2007: keep intensity).</item>
/// <item><b>Runs.</b> The runner's own runs, on their days, each with a target (<see cref="RunTargets"/>).</item>
/// </list>
/// The plan prescribes in advance, assuming progress; the progression engine adjusts loads to logged sets.
/// </summary>
public static class PlanGenerator
{
    /// <summary>Days before race day counted as taper (Bosquet 2007: the last ~2 weeks).</summary>
    public const int TaperDays = 14;

    /// <summary>No strength or hill sprints in this many days before the race.</summary>
    public const int NoHeavyDaysBeforeRace = 5;

    /// <summary>A deload every this many weeks in base and build (Rogerson 2024: 4–6).</summary>
    public const int DeloadEvery = 4;

    /// <summary>
    /// Writes the plan. <paramref name="start"/> is the first day (it overrides <see cref="RunnerProfile.Start"/>).
    /// Throws <see cref="ArgumentException"/> for a profile that <see cref="RunnerProfile.Validate"/> rejects with
    /// <paramref name="start"/> as today: validate user input first.
    /// </summary>
    public static Plan Generate(RunnerProfile profile, IReadOnlyList<Exercise> catalogue, DateOnly start)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(catalogue);
        var effective = profile with { Start = start };
        var errors = effective.Validate(start);
        if (errors.Count > 0)
        {
            throw new ArgumentException("The profile is not valid: " + string.Join("; ", errors), nameof(profile));
        }

        return new PlanWriter(effective, catalogue, start).Write();
    }

    /// <summary>Writes the plan from the profile's start, or from <paramref name="today"/> when it has none.</summary>
    public static Plan Generate(RunnerProfile profile, IReadOnlyList<Exercise> catalogue, DateOnly? start, DateOnly today) =>
        Generate(profile, catalogue, start ?? profile.StartOr(today));
}

/// <summary>One run of the generator: the state of a plan being written.</summary>
internal sealed class PlanWriter
{
    private const int AdjacentStrengthPenalty = 6;
    private const int MissingHillPenalty = 8;
    /// <summary>
    /// A preferred strength day outweighs the week's hill sprints (<see cref="MissingHillPenalty"/>): the runner said when
    /// they lift; a week whose preferred days leave no slot for hills says so in a warning.
    /// </summary>
    private const int PreferredBonus = 12;
    private const int IllegalPenalty = 100;

    private static readonly string[] DrillOrder = ["leg-swings", "a-skips", "high-knees"];

    private readonly RunnerProfile _profile;
    private readonly IReadOnlyList<Exercise> _catalogue;
    private readonly DateOnly _start;
    private readonly DateOnly _end;
    private readonly DateOnly? _race;
    private readonly List<string> _warnings = [];
    private readonly List<(string Body, List<int> Weeks)> _weekWarnings = [];
    private readonly HashSet<DateOnly> _strengthDays = [];

    public PlanWriter(RunnerProfile profile, IReadOnlyList<Exercise> catalogue, DateOnly start)
    {
        _profile = profile;
        _catalogue = catalogue;
        _start = start;
        _race = profile.Race?.Date;
        _end = _race ?? Dates.Monday(start).AddDays((7 * profile.Weeks) - 1);
    }

    public Plan Write()
    {
        var frames = WeekFrames();
        var phases = Phases(frames);
        var routine = StrengthRoutine.Choose(_profile, _catalogue, _warnings);
        var drills = ChooseDrills();
        var hill = ChooseHillSprints();
        var runTargets = new RunTargets(_profile, _start);
        WarnAboutTheWeek(frames.Count);
        NoteAssumptions(runTargets);

        var taperSets = TaperSets(routine);
        var weeks = new List<PlanWeek>();
        var steps = 0;
        var previousDeload = false;
        HillSprintDose? lastHills = null;
        for (var i = 0; i < frames.Count; i++)
        {
            var index = i + 1;
            var days = frames[i];
            var phase = phases[i];
            var deload = phase is TrainingPhase.Base or TrainingPhase.Build && index % PlanGenerator.DeloadEvery == 0;
            var newRung = false;
            if (previousDeload && phase is TrainingPhase.Base or TrainingPhase.Build)
            {
                steps++;
                newRung = true;
            }

            previousDeload = deload;
            var needed = routine.IsEmpty ? 0 : phase == TrainingPhase.Taper ? 1 : 2;
            var (strengthDates, hillDate) = Place(index, days, phase, needed, wantHill: hill is not null);

            HillSprintDose? hillDose = null;
            var firstHills = lastHills is null;
            if (hillDate is not null)
            {
                hillDose = lastHills is not { } last ? HillSprintDose.Start(_profile.Experience)
                    : phase == TrainingPhase.Taper ? last.Maintenance()
                    : deload ? last
                    : last.Next(HillSprintDose.WeeklyIncrement(_profile.Experience));
                if (phase != TrainingPhase.Taper || lastHills is null)
                {
                    lastHills = hillDose;
                }
            }

            var planDays = new List<PlanDay>();
            foreach (var date in days)
            {
                var type = RunOn(date);
                var sessions = new List<PlanSession>();
                if (type is PlannedRunType.Quality or PlannedRunType.Race && drills.Count > 0)
                {
                    sessions.Add(DrillSession(date, type, drills));
                }

                if (hillDate == date && hill is not null && hillDose is { } dose)
                {
                    sessions.Add(HillSession(date, hill.Value, dose, phase, deload, first: firstHills));
                }

                var slot = strengthDates.IndexOf(date);
                if (slot >= 0)
                {
                    var picks = routine.Sessions[phase == TrainingPhase.Taper ? 0 : Math.Min(slot, routine.Sessions.Count - 1)];
                    sessions.Add(StrengthSession(date, picks, steps, phase, deload, newRung, phase == TrainingPhase.Taper ? taperSets : null));
                }

                var run = type == PlannedRunType.Rest ? null : new PlannedRun(type) { Target = runTargets.For(type, phase, goalRace: date == _race) };
                planDays.Add(new PlanDay { Date = date, Run = run, Sessions = sessions });
            }

            weeks.Add(new PlanWeek { Index = index, Phase = phase, Deload = deload, Days = planDays });
        }

        return new Plan { Weeks = weeks, Warnings = [.. _warnings, .. _weekWarnings.Select(w => $"{WeekList(w.Weeks)}: {w.Body}")] };
    }

    // ---- Calendar --------------------------------------------------------------------------------------------------

    private List<List<DateOnly>> WeekFrames()
    {
        var frames = new List<List<DateOnly>>();
        for (var monday = Dates.Monday(_start); monday <= _end; monday = monday.AddDays(7))
        {
            var days = new List<DateOnly>();
            for (var d = monday; d <= monday.AddDays(6) && d <= _end; d = d.AddDays(1))
            {
                if (d >= _start)
                {
                    days.Add(d);
                }
            }

            frames.Add(days);
        }

        return frames;
    }

    private TrainingPhase[] Phases(List<List<DateOnly>> frames)
    {
        var count = frames.Count;
        var phases = new TrainingPhase[count];
        var taper = _race is { } race ? frames.Count(f => f[0] >= race.AddDays(-(PlanGenerator.TaperDays - 1))) : 0;
        var rest = count - taper;
        var peak = _race is null ? 0 : rest >= 6 ? 2 : rest >= 3 ? 1 : 0;
        var baseWeeks = (rest - peak + 1) / 2;
        for (var i = 0; i < count; i++)
        {
            phases[i] = i < baseWeeks ? TrainingPhase.Base
                : i < rest - peak ? TrainingPhase.Build
                : i < rest ? TrainingPhase.Peak
                : TrainingPhase.Taper;
        }

        return phases;
    }

    private PlannedRunType RunOn(DateOnly date)
    {
        if (_race is { } race)
        {
            if (date == race)
            {
                return PlannedRunType.Race;
            }

            if (date > race)
            {
                return PlannedRunType.Rest;
            }
        }

        return _profile.Week[date.DayOfWeek];
    }

    private static bool IsHard(PlannedRunType type) => PlacementRules.IsHard(type);

    /// <summary>Nothing heavy in the last days before the race, nor on race day (<see cref="PlacementRules.Blocked"/>).</summary>
    private bool Blocked(DateOnly date) => PlacementRules.Blocked(date, _race);

    /// <summary>"Hard days hard" (<see cref="PlacementRules.LegalForStrength"/>).</summary>
    private bool LegalForStrength(DateOnly date) => PlacementRules.LegalForStrength(date, RunOn);

    // ---- Placement -------------------------------------------------------------------------------------------------

    private (List<DateOnly> Strength, DateOnly? Hill) Place(int index, List<DateOnly> days, TrainingPhase phase, int needed, bool wantHill)
    {
        var candidates = days.Where(d => !Blocked(d)).ToList();
        if (phase == TrainingPhase.Taper)
        {
            candidates = candidates.Where(LegalForStrength).ToList();
        }

        var count = Math.Min(needed, candidates.Count);
        var combos = count switch
        {
            0 => [[]],
            1 => candidates.Select(d => new[] { d }).ToList(),
            _ => candidates.SelectMany((a, i) => candidates.Skip(i + 1).Select(b => new[] { a, b })).ToList(),
        };

        DateOnly[] best = [];
        DateOnly? bestHill = null;
        var bestCost = int.MaxValue;
        foreach (var combo in combos)
        {
            var cost = combo.Sum(StrengthCost);
            if (combo.Length == 2 && combo[1].DayNumber - combo[0].DayNumber == 1)
            {
                cost += AdjacentStrengthPenalty;
            }

            if (combo.Length > 0 && _strengthDays.Contains(combo[0].AddDays(-1)))
            {
                cost += AdjacentStrengthPenalty;
            }

            DateOnly? hillDay = null;
            if (wantHill)
            {
                hillDay = days.Cast<DateOnly?>().FirstOrDefault(d => LegalForHills(d!.Value, combo));
                if (hillDay is null)
                {
                    cost += MissingHillPenalty;
                }
            }

            if (cost < bestCost)
            {
                (best, bestHill, bestCost) = (combo, hillDay, cost);
            }
        }

        _strengthDays.UnionWith(best);
        WarnAboutPlacement(index, days, phase, needed, candidates.Count, best);
        if (wantHill && bestHill is null && phase != TrainingPhase.Taper)
        {
            bestHill = LeastBadHillDay(days, best);
            AddWeekWarning(index, bestHill is { } day
                ? $"no easy run that is not the day before a long run, quality run or race (nor the day after strength); least bad slot for the hill sprints: {day.DayOfWeek}, after the easy run, {NextHard(day)}. They are short, with full recovery, so they leave little fatigue (Hudson 2008): keep them relaxed-fast, or skip them when your legs are heavy"
                : "no easy run that is not on or the day after a strength day (nor the day before the race), so no hill sprints this week");
        }
        else if (wantHill && bestHill is null && !(_race is { } race && days.Contains(race)))
        {
            // The taper keeps hill sprints only where they fit cleanly: no least bad slot, but the week says why they are gone.
            AddWeekWarning(index, "no easy run in this taper week that is not the day before a long run, quality run or race (nor the day after strength), so no hill sprints: in a taper, fresh legs on race day come first (Bosquet 2007)");
        }

        return ([.. best], bestHill);
    }

    /// <summary>
    /// When no easy run is clear of the next hard day and of strength, hill sprints still go after an easy run (every
    /// runner gets them; as for strength, domain.md §2: say so and offer the least bad slot): the day before a long run
    /// rather than before a quality run (an easy-paced day follows). Never on a strength day or the day after one (strength
    /// is never within 24 h before hill sprints), the day before the race or in the race's last days; null when no easy
    /// run is left.
    /// </summary>
    private DateOnly? LeastBadHillDay(List<DateOnly> days, DateOnly[] strength)
    {
        var best = (Day: (DateOnly?)null, Cost: int.MaxValue);
        foreach (var day in days)
        {
            var next = RunOn(day.AddDays(1));
            bool Strength(DateOnly d) => strength.Contains(d) || _strengthDays.Contains(d);
            if (RunOn(day) != PlannedRunType.Easy || Blocked(day) || Strength(day) || Strength(day.AddDays(-1)) || next == PlannedRunType.Race)
            {
                continue;
            }

            var cost = next == PlannedRunType.Quality ? 2 : next == PlannedRunType.Long ? 1 : 0;
            if (cost < best.Cost)
            {
                best = (day, cost);
            }
        }

        return best.Day;
    }

    private bool LegalForHills(DateOnly date, DateOnly[] strength) =>
        PlacementRules.LegalForHills(date, RunOn, _race, d => strength.Contains(d) || _strengthDays.Contains(d));

    private int StrengthCost(DateOnly date)
    {
        var type = RunOn(date);
        var score = type switch
        {
            PlannedRunType.Quality or PlannedRunType.Race => 0,
            PlannedRunType.Easy => 2,
            PlannedRunType.Rest => 3,
            _ => 4,
        };
        if (LegalForStrength(date))
        {
            return _profile.StrengthDays.Contains(date.DayOfWeek) ? score - PreferredBonus : score;
        }

        // Least bad first: before a long run, then before a quality run, then before a race.
        var next = RunOn(date.AddDays(1));
        return IllegalPenalty + (next switch { PlannedRunType.Long => 0, PlannedRunType.Quality => 10, _ => 20 }) + score;
    }

    private void WarnAboutPlacement(int index, List<DateOnly> days, TrainingPhase phase, int needed, int candidates, DateOnly[] placed)
    {
        if (needed == 0)
        {
            return;
        }

        if (phase == TrainingPhase.Taper)
        {
            // The race week has no session by design (nothing heavy in the last 5 days); say so only for an earlier taper week.
            if (placed.Length == 0 && !(_race is { } race && days[^1] == race))
            {
                AddWeekWarning(index, $"taper: no strength session, because every free day is the day before a long run, quality run or race, or within the last {PlanGenerator.NoHeavyDaysBeforeRace} days before the race (nothing heavy then)");
            }

            return;
        }

        if (placed.Length < needed)
        {
            var why = days[0] == _start && days[0].DayOfWeek != DayOfWeek.Monday
                ? $"the plan starts on {days[0].DayOfWeek}, which leaves room"
                : $"only {candidates} day{(candidates == 1 ? "" : "s")} free of the race, room";
            AddWeekWarning(index, $"{why} for {placed.Length} strength session{(placed.Length == 1 ? "" : "s")} instead of {needed}");
        }

        foreach (var date in placed.Where(d => !LegalForStrength(d)))
        {
            AddWeekWarning(index,
                $"no day this week leaves 24 h before the next long run, quality run or race for {(placed.Length == 2 && placed.Count(LegalForStrength) == 1 ? "the second" : "a")} strength session; least bad slot: {date.DayOfWeek}, {NextHard(date)}. Keep it light, or swap a run");
        }
    }

    private void AddWeekWarning(int index, string body)
    {
        var existing = _weekWarnings.FindIndex(w => w.Body == body);
        if (existing >= 0)
        {
            if (!_weekWarnings[existing].Weeks.Contains(index))
            {
                _weekWarnings[existing].Weeks.Add(index);
            }
        }
        else
        {
            _weekWarnings.Add((body, [index]));
        }
    }

    /// <summary>"Week 3" or "Weeks 1–4, 6".</summary>
    internal static string WeekList(IReadOnlyList<int> weeks)
    {
        var parts = new List<string>();
        for (var i = 0; i < weeks.Count;)
        {
            var j = i;
            while (j + 1 < weeks.Count && weeks[j + 1] == weeks[j] + 1)
            {
                j++;
            }

            parts.Add(j == i ? $"{weeks[i]}" : $"{weeks[i]}–{weeks[j]}");
            i = j + 1;
        }

        return (weeks.Count == 1 ? "Week " : "Weeks ") + string.Join(", ", parts);
    }

    // ---- Plan-wide warnings ------------------------------------------------------------------------------------------

    private void WarnAboutTheWeek(int weekCount)
    {
        foreach (var day in _profile.StrengthDays)
        {
            var next = _profile.Week[(DayOfWeek)(((int)day + 1) % 7)];
            if (IsHard(next))
            {
                var nextDay = (DayOfWeek)(((int)day + 1) % 7);
                _warnings.Add($"Preferred strength day {day} is the day before your {nextDay} {RunName(next)}: strength within 24 h before it would leave your legs heavy (hard days hard), so the plan uses other days.");
            }
        }

        if (_race is { } race)
        {
            var eve = _profile.Week[race.AddDays(-1).DayOfWeek];
            if (IsHard(eve) && race.AddDays(-1) >= _start)
            {
                _warnings.Add($"Your usual {race.AddDays(-1).DayOfWeek} {RunName(eve)} falls the day before the race: run easy or rest that day instead.");
            }

            if (weekCount < 6)
            {
                _warnings.Add($"Only {weekCount} week{(weekCount == 1 ? "" : "s")} to the race: strength gains take 6–20 weeks (Blagrove 2018), so expect little before this race; the plan stays light and tapers.");
            }
        }

        if (_profile.Soreness.Count > 0)
        {
            _warnings.Add($"You reported soreness in {string.Join(", ", _profile.Soreness.Select(Kebab.Name))}: exercises that load it start one rung easier. Stop any exercise that hurts; if pain persists, see a physiotherapist (this is not medical advice).");
        }
    }

    /// <summary>What the plan assumed and where its numbers come from, said once for the whole plan.</summary>
    private void NoteAssumptions(RunTargets runTargets)
    {
        if (_profile.AssumedAtGym is { Count: > 0 } assumed)
        {
            var kit = string.Join(", ", assumed.Select(e => e switch
            {
                Equipment.Barbell => "a barbell with plates",
                Equipment.Bench => "a bench",
                Equipment.Dumbbell => "dumbbells",
                Equipment.Cable => "a cable station",
                _ => Kebab.Name(e).Replace('-', ' '),
            }));
            _warnings.Add($"At the gym RunStrong assumes {kit}; untick what your gym lacks (Change profile) and the plan uses what is left.");
        }

        if (_profile.Hills == HillAccess.Treadmill)
        {
            _warnings.Add("No hill near your runs: the hill sprints are on a treadmill at 6–8 % incline, which gives the hill's grade the sprints are built on (Hudson 2008).");
        }
        else if (_profile.Hills == HillAccess.None)
        {
            _warnings.Add("No hill or treadmill: the hill sprints go up stairs (every stride a step-up, the exercise with the highest gluteus maximus EMG, Neto 2020) or a short ramp of 6–10 % (a hill's grade, Hudson 2008).");
        }

        _warnings.AddRange(runTargets.Notes);
        _warnings.Add(runTargets.Basis is { } basis
            ? $"Your runs stay your own, on your days: each has a suggested duration and effort, with Daniels' training paces from {basis} (Daniels 2014)."
            : "Your runs stay your own, on your days: each has a suggested duration and effort. Add a recent race result to get paces (Daniels' training paces).");
    }

    // ---- Sessions --------------------------------------------------------------------------------------------------

    private List<(Exercise Exercise, ExerciseVariant Variant)> ChooseDrills()
    {
        var drills = _catalogue
            .Where(e => e.Kind == ExerciseKind.Drill && (int)e.Level <= (int)_profile.Experience)
            .Select(e => (Exercise: e, Variant: StrengthRoutine.UsableRungs(e, _profile) is [var easiest, ..] ? easiest : null))
            .Where(x => x.Variant is not null)
            .Select(x => (x.Exercise, Variant: x.Variant!))
            .OrderBy(x => x.Exercise.Slug == "strides" ? 1 : 0)
            .ThenBy(x => Array.IndexOf(DrillOrder, x.Exercise.Slug) is var i and >= 0 ? i : DrillOrder.Length)
            .ThenBy(x => x.Exercise.Slug, StringComparer.Ordinal)
            .ToList();
        var chosen = drills.Where(x => x.Exercise.Slug != "strides").Take(4).Concat(drills.Where(x => x.Exercise.Slug == "strides")).ToList();
        if (chosen.Count == 0)
        {
            _warnings.Add("The catalogue has no warm-up drills you can do: before quality runs and the race, jog easy 5–10 min and run a few strides.");
        }

        return chosen;
    }

    private (Exercise Exercise, IReadOnlyList<ExerciseVariant> Ladder)? ChooseHillSprints()
    {
        var exercise = _catalogue
            .Where(HillSprintDose.IsHillSprints)
            .OrderBy(e => e.Slug == "hill-sprints" ? 0 : 1)
            .ThenBy(e => e.Slug, StringComparer.Ordinal)
            .FirstOrDefault();
        if (exercise is null)
        {
            _warnings.Add("No hill sprints: the catalogue has no hill-sprint exercise.");
            return null;
        }

        // The hill is the runner's (or a treadmill, stairs or a ramp): only other equipment a rung needs counts.
        IReadOnlyList<ExerciseVariant> ladder = exercise.Progression.Count > 0
            ? exercise.Progression
            : [new ExerciseVariant { Slug = "standard", Name = exercise.Name, Equipment = exercise.Equipment, Load = LoadKind.Bodyweight }];
        var usable = ladder.Where(v => v.Equipment.All(q => q == Equipment.Hill || _profile.Has(q))).ToList();
        return (exercise, usable.Count > 0 ? usable : ladder);
    }

    /// <summary>Where the sprints happen and why there, in words (Hudson 2008's grades; the alternatives are RunStrong's judgement, docs/decisions/0020).</summary>
    private string SprintPlace(HillSprintDose dose) => _profile.Hills switch
    {
        HillAccess.Treadmill => $"on a treadmill at {Incline(dose)} incline, a hill's grade: set a hard running speed, sprint, then straddle the belt to recover",
        HillAccess.None => "up stairs or a short steep ramp (a car-park ramp or bridge approach): each stride up stairs is a step-up, the exercise with the highest gluteus maximus EMG (Neto 2020), and a ramp gives a hill's grade; walk down to recover",
        _ => $"on {dose.Grade}; walk down to recover",
    };

    private static string Incline(HillSprintDose dose) => dose.Seconds switch
    {
        <= 8 => "6–8 %",
        10 => "about 8 %",
        _ => "about 10 %",
    };

    private PlanSession DrillSession(DateOnly date, PlannedRunType type, List<(Exercise Exercise, ExerciseVariant Variant)> drills)
    {
        var what = date == _race ? "the race" : $"your {RunName(type)}";
        return new PlanSession
        {
            Kind = SessionKind.Drills,
            Reason = $"Before {what}: jog easy 5–10 min, then these drills in order, strides last (RAMP warm-up: raise, activate and mobilise, potentiate).",
            Exercises = drills.Select(d => new PlannedExercise
            {
                Slug = d.Exercise.Slug,
                Variant = d.Variant.Slug,
                Sets = d.Exercise.Dose.Sets,
                RepsMin = d.Exercise.Dose.RepsMin,
                RepsMax = d.Exercise.Dose.RepsMax ?? d.Exercise.Dose.RepsMin,
                Seconds = d.Exercise.Dose.Seconds,
                Rpe = null,
                RestSeconds = d.Exercise.Dose.RestSeconds,
            }).ToList(),
        };
    }

    private PlanSession HillSession(DateOnly date, (Exercise Exercise, IReadOnlyList<ExerciseVariant> Ladder) hill, HillSprintDose dose, TrainingPhase phase, bool deload, bool first)
    {
        var note = phase == TrainingPhase.Taper ? " Taper: maintenance, one short session."
            : deload ? " Deload week: same as last week."
            : first ? " First session: start small, add reps week by week."
            : "";
        return new PlanSession
        {
            Kind = SessionKind.HillSprints,
            Reason = $"{date.DayOfWeek}: after your easy run; {NextHard(date)}{(LegalForHills(date, [.. _strengthDays]) ? "" : ", the least bad slot this week: keep them relaxed-fast")}. {dose.Reps} × {dose.Seconds} s uphill, near all-out, {SprintPlace(dose)}, 2–3 min (Hudson 2008).{note}",
            Exercises =
            [
                new PlannedExercise
                {
                    Slug = hill.Exercise.Slug,
                    Variant = HillSprintDose.RungFor(hill.Ladder, dose.Seconds).Slug,
                    Sets = dose.Reps,
                    RepsMin = null,
                    RepsMax = null,
                    Seconds = dose.Seconds,
                    Rpe = null,
                    RestSeconds = HillSprintDose.RecoverySeconds,
                },
            ],
        };
    }

    private PlanSession StrengthSession(DateOnly date, IReadOnlyList<StrengthRoutine.Pick> picks, int steps, TrainingPhase phase, bool deload, bool newRung, int[]? taperSets)
    {
        var type = RunOn(date);
        var where = type == PlannedRunType.Rest ? "a rest day from running" : $"after your {RunName(type)}";
        string reason;
        if (LegalForStrength(date))
        {
            var preferred = _profile.StrengthDays.Contains(date.DayOfWeek) ? "your preferred strength day, " : "";
            var hardDays = type is PlannedRunType.Quality or PlannedRunType.Race ? ", hard days hard (ideally 6 h or more after it)" : "";
            reason = $"{date.DayOfWeek}: {preferred}{where}{hardDays}; {NextHard(date)}.";
        }
        else
        {
            reason = $"{date.DayOfWeek}: least bad slot this week, {where}; it is {NextHard(date)}: keep it light.";
        }

        if (deload)
        {
            reason += " Deload week: fewer sets and reps, 2 more reps in reserve (Rogerson 2024).";
        }
        else if (phase == TrainingPhase.Taper)
        {
            reason += " Taper: one session, about half the weekly sets, same effort (Bosquet 2007).";
        }

        var moved = newRung ? picks.Where(p => p.RungAt(steps) != p.RungAt(steps - 1)).ToList() : [];
        if (moved.Count > 0)
        {
            reason += " Next rung: " + string.Join(", ", moved.Select(p => $"{p.Exercise.Slug} -> {p.RungAt(steps).Slug}")) + ".";
        }

        return new PlanSession
        {
            Kind = SessionKind.Strength,
            Reason = reason,
            Exercises = picks.Select((p, i) => Prescribe(p, steps, deload, taperSets?[i])).ToList(),
        };
    }

    private PlannedExercise Prescribe(StrengthRoutine.Pick pick, int steps, bool deload, int? sets)
    {
        var dose = pick.Exercise.Dose;
        var repsMin = dose.RepsMin ?? dose.RepsMax;
        var repsMax = dose.RepsMax ?? dose.RepsMin;
        var seconds = dose.Seconds;
        if (repsMin is null && seconds is null)
        {
            (repsMin, repsMax) = (8, 12); // ACSM 2009: novices 8–12 RM
        }

        var setCount = sets ?? NormalSets(pick);
        var rpe = _profile.Experience == StrengthExperience.Regular ? 8 : 7;
        if (deload)
        {
            // The same rule as the progression engine's deload week, so the plan and `runstrong next` agree.
            var light = DeloadDose.Of(setCount, repsMin, seconds, rpe);
            (setCount, repsMin, repsMax, seconds, rpe) = (light.Sets, light.RepsMin, light.RepsMax, light.Seconds, light.Rpe);
        }

        // The load is set for a normal week and kept in deload and taper weeks (keep intensity, cut volume).
        var rung = pick.RungAt(steps);
        var normalRpe = _profile.Experience == StrengthExperience.Regular ? 8 : 7;
        var load = StartingLoads.For(pick.Exercise, rung, dose.RepsMin ?? dose.RepsMax ?? 8, normalRpe, _profile);
        return new PlannedExercise
        {
            Slug = pick.Exercise.Slug,
            Variant = rung.Slug,
            Sets = setCount,
            RepsMin = repsMin,
            RepsMax = repsMax,
            Seconds = seconds,
            Rpe = rpe,
            RestSeconds = dose.RestSeconds,
            Load = load?.Load is { } mass ? StartingLoads.Notation(mass, _profile.MassUnit) : null,
            LoadNote = load?.Note,
        };
    }

    private static int NormalSets(StrengthRoutine.Pick pick) => Math.Clamp(pick.Exercise.Dose.Sets, 2, 4);

    /// <summary>Sets for the taper's one session: session A's exercises, about half a normal week's sets (Bosquet 2007).</summary>
    private static int[]? TaperSets(StrengthRoutine routine)
    {
        if (routine.IsEmpty)
        {
            return null;
        }

        var a = routine.Sessions[0];
        var weekly = routine.Sessions.Sum(s => s.Sum(NormalSets));
        if (routine.Sessions.Count == 1)
        {
            weekly *= 2;
        }

        var target = (int)Math.Round(weekly / 2.0, MidpointRounding.AwayFromZero);
        var sets = a.Select(NormalSets).ToArray();
        while (sets.Sum() > target && sets.Max() > 1)
        {
            sets[Array.LastIndexOf(sets, sets.Max())]--;
        }

        while (sets.Sum() < target && sets.Min() < 4)
        {
            sets[Array.IndexOf(sets, sets.Min())]++;
        }

        return sets;
    }

    // ---- Words -----------------------------------------------------------------------------------------------------

    private static string RunName(PlannedRunType type) => type switch
    {
        PlannedRunType.Quality => "quality run",
        PlannedRunType.Long => "long run",
        PlannedRunType.Easy => "easy run",
        PlannedRunType.Race => "race",
        _ => "rest day",
    };

    /// <summary>"2 days before Saturday's long run", "the day before Friday's quality run".</summary>
    private string NextHard(DateOnly date)
    {
        for (var k = 1; k <= 7; k++)
        {
            var day = date.AddDays(k);
            var type = RunOn(day);
            if (IsHard(type))
            {
                var what = day == _race ? "the race" : $"{day.DayOfWeek}'s {RunName(type)}";
                return k == 1 ? $"the day before {what}" : $"{k} days before {what}";
            }
        }

        return "no long run, quality run or race in the next 7 days";
    }
}
