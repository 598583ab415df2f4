using Microsoft.EntityFrameworkCore;
using RunStrong.Data;
using RunStrong.Domain.Catalogue;
using RunStrong.Domain.Load;
using RunStrong.Domain.Progression;
using RunStrong.Domain.Training;
using RunStrong.Features.Catalogue;
using RunStrong.Features.Common;

namespace RunStrong.Features.Training;

/// <summary>
/// Strength statistics from the log: per exercise the estimated 1RM over time (Epley and Brzycki, from the session's best
/// set of 1–10 reps), personal records and weekly volume; and weekly sets per muscle, hill sprints and hilly minutes of
/// stored runs credited to the gluteus maximus as hip extension (<see cref="MuscleVolume"/>).
/// </summary>
public static class StrengthStats
{
    /// <param name="Exercise">One exercise's slug; null for every exercise in the log.</param>
    public sealed record Request(string? Exercise = null);

    /// <summary>Both estimates in kilograms, from the same set (the session's best by Epley).</summary>
    public sealed record OneRepMaxPoint(DateOnly Date, string Variant, double LoadKilograms, int Reps, double EpleyKilograms, double BrzyckiKilograms);

    public sealed record Record(DateOnly Date, string Variant, double? LoadKilograms, int Reps, double? EstimatedOneRepMaxKilograms)
    {
        public static Record? From(PersonalRecord? r) =>
            r is null ? null : new(r.Date, r.VariantSlug, r.Load?.Kilograms, r.Reps, r.EstimatedOneRepMax?.Kilograms);
    }

    public sealed record Records(Record? HeaviestLoad, Record? BestEstimatedOneRepMax, IReadOnlyList<Record> MostRepsAtLoad);

    /// <param name="Sets">Sets logged that week (failed ones too).</param>
    /// <param name="TonnageKilograms">Reps × load summed over loaded sets.</param>
    public sealed record WeekVolume(DateOnly WeekStart, int Sets, int Reps, double TonnageKilograms);

    public sealed record ExerciseStats(string Exercise, string Name, IReadOnlyList<OneRepMaxPoint> OneRepMax, Records Records, IReadOnlyList<WeekVolume> Volume);

    /// <summary>Sets per tracked muscle (kebab-case names) for one Monday-to-Sunday week.</summary>
    public sealed record WeekOfMuscles(DateOnly WeekStart, IReadOnlyDictionary<string, double> Sets, double HipExtensionFromRuns);

    public sealed record Response(IReadOnlyList<ExerciseStats> Exercises, IReadOnlyList<WeekOfMuscles> WeeklySetsPerMuscle);

    public static async Task<Response> HandleAsync(RunStrongDbContext db, ICurrentRunner runner, Request request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(request);
        var catalogue = await new ExerciseCatalogue(db).AllAsync(cancellationToken);
        var sessions = TrainingData.ToDomain(await TrainingData.SessionRecordsAsync(db, runner, cancellationToken));
        var runs = (await TrainingData.RunsAsync(db, runner, cancellationToken)).Select(r => r.Run).ToArray();

        IEnumerable<string> slugs = sessions.SelectMany(s => s.Sets).Select(s => s.ExerciseSlug).Distinct(StringComparer.OrdinalIgnoreCase);
        if (!string.IsNullOrWhiteSpace(request.Exercise))
        {
            slugs = [Known(catalogue, request.Exercise).Slug];
        }

        var exercises = slugs.Select(slug => Stats(slug, catalogue.FirstOrDefault(e => e.Slug == slug)?.Name ?? slug, sessions)).ToArray();
        return new Response(exercises, Weekly(sessions, runs, catalogue));
    }

    /// <summary>
    /// One exercise's statistics (its progress page), from the sessions that hold it: each figure looks at the exercise's
    /// own sets only, so this equals <see cref="HandleAsync"/>'s entry for it without reading the rest of the log and
    /// every run. An unknown exercise is not found.
    /// </summary>
    public static async Task<ExerciseStats> ExerciseAsync(RunStrongDbContext db, ICurrentRunner runner, string exercise, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(exercise);
        var catalogue = await new ExerciseCatalogue(db).AllAsync(cancellationToken);
        var known = Known(catalogue, exercise);
        var sessions = TrainingData.ToDomain(await TrainingData.SessionRecordsAsync(db, runner, cancellationToken, exercise: known.Slug));
        return Stats(known.Slug, known.Name, sessions);
    }

    /// <summary>The catalogue's exercise for a slug as typed (any case, spaces around), or a not-found naming it.</summary>
    private static Exercise Known(IReadOnlyList<Exercise> catalogue, string exercise)
    {
        var slug = exercise.Trim().ToLowerInvariant();
        return catalogue.FirstOrDefault(e => e.Slug == slug)
            ?? throw new UserInputException("exercise", $"unknown exercise '{exercise.Trim()}'", notFound: true);
    }

    /// <summary>
    /// The last <paramref name="count"/> weeks of <see cref="Response.WeeklySetsPerMuscle"/> (weeks with training, oldest
    /// first) up to the week of <paramref name="through"/> (today, or the last day of a month looked back at), read from the
    /// weeks before it and further back only while fewer weeks had training: after ten years it reads two months, not ten
    /// years. A week's figures depend on that week alone, so they are the same as the whole history's.
    /// </summary>
    public static async Task<IReadOnlyList<WeekOfMuscles>> RecentWeeksOfMusclesAsync(
        RunStrongDbContext db, ICurrentRunner runner, DateOnly through, int count, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var owner = runner.RunnerId;
        var firstSession = await db.StrengthSessions.Where(s => s.OwnerId == owner).MinAsync(s => (DateOnly?)s.Date, cancellationToken);
        var firstActivity = await db.Activities.Where(a => a.OwnerId == owner).MinAsync(a => (DateOnly?)a.LocalDate, cancellationToken);
        if (firstSession is null && firstActivity is null)
        {
            return [];
        }

        var earliest = new[] { firstSession, firstActivity }.OfType<DateOnly>().Min();
        var catalogue = await new ExerciseCatalogue(db).AllAsync(cancellationToken);
        var weeks = count;
        // The week of `through` whole, nothing after it (a month of ten years ago shows its own weeks, not this autumn's).
        var lastDay = Weeks.StartOf(through).AddDays(6);
        while (true)
        {
            // Always from a Monday, so every week read is whole.
            var from = Weeks.StartOf(through).AddDays(-7 * (weeks - 1));
            var all = from <= earliest;
            var sessions = TrainingData.ToDomain(await TrainingData.SessionRecordsAsync(db, runner, cancellationToken, all ? null : from, lastDay));
            var runs = (await TrainingData.RunsAsync(db, runner, cancellationToken, from: all ? null : from, to: lastDay)).Select(r => r.Run).ToArray();
            var weekly = Weekly(sessions, runs, catalogue);
            if (weekly.Length >= count || all)
            {
                return weekly.TakeLast(count).ToArray();
            }

            weeks *= 4;
        }
    }

    private static WeekOfMuscles[] Weekly(IReadOnlyList<LoggedStrengthSession> sessions, IReadOnlyList<LoggedRun> runs, IReadOnlyList<Exercise> catalogue) =>
        MuscleVolume.Weekly(sessions, runs, catalogue)
            .Select(w => new WeekOfMuscles(w.WeekStart,
                w.Sets.Where(p => MuscleVolume.Tracked.Contains(p.Key)).ToDictionary(p => Kebab.Name(p.Key), p => p.Value),
                runs.Where(r => Weeks.StartOf(r.Date) == w.WeekStart).Sum(MuscleVolume.HillSets)))
            .ToArray();

    private static ExerciseStats Stats(string slug, string name, IReadOnlyList<LoggedStrengthSession> sessions)
    {
        var trend = new List<OneRepMaxPoint>();
        foreach (var session in sessions.OrderBy(s => s.Date))
        {
            var best = session.SetsOf(slug)
                .Select(s => (Set: s, Epley: OneRepMax.Estimate(s)))
                .Where(p => p.Epley is not null)
                .OrderByDescending(p => p.Epley!.Value.Kilograms)
                .FirstOrDefault();
            if (best.Set is { Load: { } load } set)
            {
                trend.Add(new OneRepMaxPoint(session.Date, set.VariantSlug, Math.Round(load.Kilograms, 2), set.Reps,
                    Math.Round(best.Epley!.Value.Kilograms, 2), Math.Round(OneRepMax.Brzycki(load, set.Reps)!.Value.Kilograms, 2)));
            }
        }

        var records = PersonalRecords.For(slug, sessions);
        var volume = sessions.SelectMany(s => s.SetsOf(slug).Select(set => (Week: Weeks.StartOf(s.Date), Set: set)))
            .GroupBy(p => p.Week).OrderBy(g => g.Key)
            .Select(g => new WeekVolume(g.Key, g.Count(), g.Sum(p => p.Set.Reps),
                Math.Round(g.Sum(p => p.Set.Reps * (p.Set.Load?.Kilograms ?? 0)), 1)))
            .ToArray();
        return new ExerciseStats(slug, name, trend,
            new Records(Record.From(records.HeaviestLoad), Record.From(records.BestEstimatedOneRepMax),
                records.MostRepsAtLoad.Select(r => Record.From(r)!).ToArray()),
            volume);
    }
}
