using RunStrong.Domain.Catalogue;
using RunStrong.Domain.Training;

namespace RunStrong.Domain.Load;

/// <summary>One week of running, Monday to Sunday.</summary>
public sealed record WeekOfRunning(DateOnly WeekStart, double DistanceMetres, TimeSpan Duration, int Runs);

/// <summary>Sets per muscle in one week (Monday to Sunday).</summary>
public sealed record WeekOfMuscleSets(DateOnly WeekStart, IReadOnlyDictionary<Muscle, double> Sets);

/// <summary>Weeks start on Monday (ISO 8601).</summary>
public static class Weeks
{
    public static DateOnly StartOf(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    /// <summary>
    /// The Sunday of the week starting <paramref name="weekStart"/>, or the calendar's last day (9999-12-31, a Friday) for
    /// its last week: a day stored there (by an older RunStrong, or by hand) must never make a week's end throw.
    /// </summary>
    public static DateOnly EndOf(DateOnly weekStart) =>
        weekStart.DayNumber <= DateOnly.MaxValue.DayNumber - 6 ? weekStart.AddDays(6) : DateOnly.MaxValue;

    /// <summary>The last day of <paramref name="date"/>'s month (never past the calendar's last day).</summary>
    public static DateOnly EndOfMonth(DateOnly date) => new(date.Year, date.Month, DateTime.DaysInMonth(date.Year, date.Month));
}

/// <summary>Weekly running distance and time, with empty weeks between the first and last run shown as 0.</summary>
public static class WeeklyRunning
{
    public static IReadOnlyList<WeekOfRunning> Totals(IEnumerable<LoggedRun> runs)
    {
        var byWeek = runs.GroupBy(r => Weeks.StartOf(r.Date)).ToDictionary(g => g.Key, g => g.ToArray());
        if (byWeek.Count == 0)
        {
            return [];
        }

        var first = byWeek.Keys.Min();
        var last = byWeek.Keys.Max();
        var weeks = new List<WeekOfRunning>();
        for (var week = first; week <= last; week = week.AddDays(7))
        {
            var these = byWeek.GetValueOrDefault(week) ?? [];
            weeks.Add(new WeekOfRunning(week, these.Sum(r => r.DistanceMetres),
                TimeSpan.FromTicks(these.Sum(r => r.Duration.Ticks)), these.Length));
        }

        return weeks;
    }
}

/// <summary>
/// Hard sets per muscle (a common measure of strength-training volume). Counting rule, a judgement: each logged set (failed
/// sets too: they were hard) counts 1 for each of the exercise's primary muscles and 0.5 for each secondary muscle.
/// Running on hills counts as hip-extension work for the gluteus maximus (domain.md §4): a hill-sprint session
/// (<see cref="RunType.Hills"/>) is <see cref="HillSessionSets"/> sets — 6–10 sprints of 8–12 s are about three sets' worth of
/// hard hip extension — and time on grades of 4 % or more is one set per <see cref="HillMinutesPerSet"/> minutes, at most
/// <see cref="MaxHillSetsPerRun"/> per run; a run gets the larger of the two, not both. Hill sprints logged as sets count the
/// same way: one session's sets of a hill exercise are at most <see cref="HillSessionSets"/> (<see cref="SessionSets"/>).
/// Sets of exercises missing from the catalogue are not counted.
/// </summary>
public static class MuscleVolume
{
    public const double PrimaryCredit = 1;

    public const double SecondaryCredit = 0.5;

    public const double HillSessionSets = 3;

    public const double HillMinutesPerSet = 5;

    public const double MaxHillSetsPerRun = 4;

    /// <summary>The muscles RunStrong reports on: the three glutes, hamstrings, quadriceps and calves.</summary>
    public static IReadOnlyList<Muscle> Tracked { get; } =
        [Muscle.GluteusMaximus, Muscle.GluteusMedius, Muscle.GluteusMinimus, Muscle.Hamstrings, Muscle.Quadriceps, Muscle.Calves];

    /// <summary>Gluteus maximus sets a run earns from hills (see the class remarks).</summary>
    public static double HillSets(LoggedRun run)
    {
        var fromTime = Math.Min(MaxHillSetsPerRun, (run.TimeOnHills?.TotalMinutes ?? 0) / HillMinutesPerSet);
        return run.Type == RunType.Hills ? Math.Max(HillSessionSets, fromTime) : fromTime;
    }

    /// <summary>Sets per muscle between two dates inclusive; every tracked muscle is present (0 when untrained).</summary>
    public static IReadOnlyDictionary<Muscle, double> Sets(
        IEnumerable<LoggedStrengthSession> sessions, IEnumerable<LoggedRun> runs, IEnumerable<Exercise> catalogue, DateOnly from, DateOnly to)
    {
        var bySlug = ToLookup(catalogue);
        var sets = Tracked.ToDictionary(m => m, _ => 0.0);
        foreach (var (exercise, count) in Counted(sessions, bySlug, from, to))
        {
            foreach (var muscle in exercise.PrimaryMuscles)
            {
                sets[muscle] = sets.GetValueOrDefault(muscle) + (count * PrimaryCredit);
            }

            foreach (var muscle in exercise.SecondaryMuscles.Except(exercise.PrimaryMuscles))
            {
                sets[muscle] = sets.GetValueOrDefault(muscle) + (count * SecondaryCredit);
            }
        }

        sets[Muscle.GluteusMaximus] += runs.Where(r => r.Date >= from && r.Date <= to).Sum(HillSets);
        return sets;
    }

    /// <summary>Sets per muscle for each Monday-to-Sunday week that holds sessions or runs, oldest first.</summary>
    public static IReadOnlyList<WeekOfMuscleSets> Weekly(
        IReadOnlyCollection<LoggedStrengthSession> sessions, IReadOnlyCollection<LoggedRun> runs, IReadOnlyCollection<Exercise> catalogue) =>
        sessions.Select(s => Weeks.StartOf(s.Date)).Concat(runs.Select(r => Weeks.StartOf(r.Date))).Distinct().Order()
            .Select(week => new WeekOfMuscleSets(week, Sets(sessions, runs, catalogue, week, Weeks.EndOf(week))))
            .ToArray();

    /// <summary>
    /// Hip-extension sets between two dates inclusive: every set of an exercise that trains hip extension counts 1, plus hill
    /// credit from runs. Used to tell whether a runner does glute and hamstring work at all.
    /// </summary>
    public static double HipExtensionSets(
        IEnumerable<LoggedStrengthSession> sessions, IEnumerable<LoggedRun> runs, IEnumerable<Exercise> catalogue, DateOnly from, DateOnly to)
    {
        var strength = Counted(sessions, ToLookup(catalogue), from, to).Where(c => c.Exercise.Trains(JointAction.HipExtension)).Sum(c => c.Sets);
        return strength + runs.Where(r => r.Date >= from && r.Date <= to).Sum(HillSets);
    }

    /// <summary>
    /// The sets one session's <paramref name="sets"/> of <paramref name="exercise"/> count for: each set counts 1, except
    /// hill work (<see cref="ExerciseKind.Hill"/>) logged as sets, which counts as the hill session it is, at most
    /// <see cref="HillSessionSets"/> (as a hill-sprint run does): 10 sprints logged one set each are not 10 sets of hip
    /// extension.
    /// </summary>
    public static double SessionSets(Exercise exercise, int sets)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        return exercise.Kind == ExerciseKind.Hill ? Math.Min(sets, HillSessionSets) : sets;
    }

    /// <summary>Each catalogued exercise of each session between the dates with the sets it counts for (<see cref="SessionSets"/>).</summary>
    private static IEnumerable<(Exercise Exercise, double Sets)> Counted(
        IEnumerable<LoggedStrengthSession> sessions, Dictionary<string, Exercise> bySlug, DateOnly from, DateOnly to) =>
        sessions.Where(s => s.Date >= from && s.Date <= to)
            .SelectMany(s => s.Sets.GroupBy(set => set.ExerciseSlug, StringComparer.OrdinalIgnoreCase))
            .Where(g => bySlug.ContainsKey(g.Key))
            .Select(g => (bySlug[g.Key], SessionSets(bySlug[g.Key], g.Count())));

    private static Dictionary<string, Exercise> ToLookup(IEnumerable<Exercise> catalogue) =>
        catalogue.DistinctBy(e => e.Slug, StringComparer.OrdinalIgnoreCase).ToDictionary(e => e.Slug, StringComparer.OrdinalIgnoreCase);
}
