using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RunStrong.Data;
using RunStrong.Data.Entities;
using RunStrong.Domain.Activities;
using RunStrong.Domain.Catalogue;
using RunStrong.Features.Catalogue;
using RunStrong.Features.Common;

namespace RunStrong.Features.Training;

/// <summary>
/// Strength sessions read from a watch (issue 15, part 2; docs/decisions/0026): a FIT strength activity's active sets
/// become a logged session on the activity's day, each exercise mapped back through the catalogue's Garmin names (or
/// the runner's own mapping), rest sets dropped, weights in the unit the runner entered them in, linked to the day's
/// planned strength session. One session per activity. When the runner already logged that planned session (or, on
/// a day without one, any session) by hand, the watch's session waits for the runner's choice: keep the watch's,
/// keep mine, keep both; until then it counts for nothing.
/// </summary>
public static class WatchStrength
{
    /// <summary>The exercise slug of a watch set whose Garmin exercise has no catalogue match yet.</summary>
    public const string Unmapped = "unmapped";

    /// <summary>The Garmin category a watch writes for an exercise it did not recognise.</summary>
    public const string UnknownCategory = "unknown";

    /// <summary>Whether <paramref name="name"/> is a Garmin exercise as stored: <c>category/name</c>, at most 120 characters.</summary>
    public static bool IsGarminName(string? name) => name is { Length: > 0 and <= 120 } && name.Contains('/', StringComparison.Ordinal);

    /// <summary>The runner's choice between a watch session and the session they logged by hand.</summary>
    public enum Keep
    {
        /// <summary>The watch's session stays (and takes the planned session); the hand-logged one is deleted.</summary>
        Watch,

        /// <summary>The hand-logged session stays; the watch's is deleted (the activity itself stays).</summary>
        Mine,

        /// <summary>Both stay: the watch's as an extra, unplanned session.</summary>
        Both,
    }

    /// <summary>What an import logged from one activity.</summary>
    /// <param name="MergeWithSessionId">The hand-logged session the runner is asked to choose against, when there is one.</param>
    public sealed record Logged(long SessionId, DateOnly Date, int Sets, int UnmappedSets, string? PlannedSessionKey, long? MergeWithSessionId);

    /// <summary>A Garmin exercise name seen on the runner's watch sets: how many sets still wait for it, and what it maps to.</summary>
    public sealed record GarminName(string Garmin, string Label, int UnmappedSets, string? Exercise, string? Variant, bool Remembered);

    /// <summary>The result of a choice: the session that stays for the planned session (null when only the hand-logged one was kept there).</summary>
    public sealed record ChoiceResult(string Keep, long? WatchSessionId, long? HandSessionId);

    /// <summary>What one import reads once and uses for every activity in it.</summary>
    internal sealed class Context(RunStrongDbContext db, ICurrentRunner runner)
    {
        private IReadOnlyList<Exercise>? _catalogue;
        private Dictionary<string, GarminExerciseMappingRecord>? _mappings;

        public async Task<IReadOnlyList<Exercise>> CatalogueAsync(CancellationToken cancellationToken) =>
            _catalogue ??= await new ExerciseCatalogue(db).AllAsync(cancellationToken);

        public async Task<Dictionary<string, GarminExerciseMappingRecord>> MappingsAsync(CancellationToken cancellationToken)
        {
            var owner = runner.RunnerId;
            return _mappings ??= await db.GarminExerciseMappings.AsNoTracking().Where(m => m.OwnerId == owner)
                .ToDictionaryAsync(m => m.GarminExercise, StringComparer.Ordinal, cancellationToken);
        }
    }

    /// <summary>The sets that make a strength session: active sets that name an exercise or count reps (not a yoga file's one timed set).</summary>
    public static IReadOnlyList<StrengthSet> ActiveSets(IEnumerable<StrengthSet> sets) =>
        sets.Where(s => !s.IsRest && (s.Category is not null || s.Repetitions is > 0)).ToArray();

    /// <summary><c>category/name</c> of a watch set, as stored in <see cref="LoggedSetRecord.GarminExercise"/>.</summary>
    public static string GarminKey(StrengthSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        return $"{set.Category ?? UnknownCategory}/{(set.Category is null or UnknownCategory ? "" : set.ExerciseName ?? "")}";
    }

    /// <summary>Logs the strength sets of a just-stored activity; null when it has none.</summary>
    internal static async Task<Logged?> LogFromActivityAsync(
        RunStrongDbContext db, ICurrentRunner runner, TimeProvider clock, Context context, long activityId, DateOnly date,
        IReadOnlyList<StrengthSet> sets, double? elapsedSeconds, Settings.RunnerPreferences preferences, CancellationToken cancellationToken)
    {
        var active = ActiveSets(sets);
        if (active.Count == 0)
        {
            return null;
        }

        var owner = runner.RunnerId;
        if (await db.StrengthSessions.AsNoTracking().Where(s => s.OwnerId == owner && s.SourceActivityId == activityId)
                .Select(s => new { s.Id, s.Date, s.PlannedSessionKey, s.MergeWithSessionId, Sets = s.Sets.Count, Unmapped = s.Sets.Count(x => x.ExerciseSlug == Unmapped) })
                .FirstOrDefaultAsync(cancellationToken) is { } existing)
        {
            return new Logged(existing.Id, existing.Date, existing.Sets, existing.Unmapped, existing.PlannedSessionKey, existing.MergeWithSessionId);
        }

        var catalogue = await context.CatalogueAsync(cancellationToken);
        var mappings = await context.MappingsAsync(cancellationToken);
        var link = await PlanLink.ResolveAsync(db, runner, catalogue, date, null, linkToPlan: true, cancellationToken);
        var key = link?.Key;
        var hand = await db.StrengthSessions.AsNoTracking()
            .Where(s => s.OwnerId == owner && s.Date == date && s.SourceActivityId == null && s.Sets.Count > 0 && (key == null || s.PlannedSessionKey == key))
            .OrderBy(s => s.Id)
            .Select(s => (long?)s.Id)
            .FirstOrDefaultAsync(cancellationToken);

        var record = new StrengthSessionRecord
        {
            OwnerId = owner,
            Date = date,
            PlanId = hand is null ? link?.PlanId : null,
            PlannedSessionKey = hand is null ? key : null,
            DurationMinutes = elapsedSeconds is > 0 and <= 600 * 60 ? Math.Round(elapsedSeconds.Value / 60, 1) : null,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            SourceActivityId = activityId,
            MergeWithSessionId = hand,
        };
        for (var i = 0; i < active.Count; i++)
        {
            record.Sets.Add(ToRecord(owner, active[i], i, catalogue, mappings, preferences));
        }

        db.StrengthSessions.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return new Logged(record.Id, date, record.Sets.Count, record.Sets.Count(s => s.ExerciseSlug == Unmapped), record.PlannedSessionKey, hand);
    }

    private static LoggedSetRecord ToRecord(
        Guid owner, StrengthSet set, int position, IReadOnlyList<Exercise> catalogue, Dictionary<string, GarminExerciseMappingRecord> mappings,
        Settings.RunnerPreferences preferences)
    {
        var garmin = GarminKey(set);
        var loaded = set.WeightKg is > 0;
        string exercise = Unmapped, variant = "";
        if (mappings.TryGetValue(garmin, out var mine))
        {
            (exercise, variant) = (mine.ExerciseSlug, mine.VariantSlug);
        }
        else if (GarminMatch.Find(catalogue, set.Category, set.ExerciseName, loaded) is var (e, v))
        {
            (exercise, variant) = (e.Slug, v.Slug);
        }

        (double Value, string Unit)? load = loaded ? GarminMatch.Weight(set.WeightKg!.Value, set.WeightDisplayUnit, preferences.Weight) : null;
        var timed = set.Repetitions is null or 0 && set.DurationSeconds is > 0;
        return new LoggedSetRecord
        {
            OwnerId = owner,
            Position = position,
            ExerciseSlug = exercise,
            VariantSlug = variant,
            Reps = Math.Clamp(set.Repetitions ?? 0, 0, 1000),
            LoadValue = load?.Value,
            LoadUnit = load?.Unit,
            Seconds = timed ? (int)Math.Round(Math.Min(set.DurationSeconds!.Value, 3600)) : null,
            Completed = true,
            GarminExercise = garmin.Length <= 120 ? garmin : garmin[..120],
        };
    }

    /// <summary>
    /// The runner's choice for a watch session that waits for one (<c>POST /api/log/strength/{id}/keep</c>,
    /// <c>runstrong log keep ID watch|mine|both</c>). 404 when the session is not the runner's watch session; 400 when it
    /// waits for no choice.
    /// </summary>
    public static Task<ChoiceResult> ChooseAsync(RunStrongDbContext db, ICurrentRunner runner, long watchSessionId, Keep keep, CancellationToken cancellationToken = default) =>
        ChooseAsync(db, runner, watchSessionId, keep.ToString(), cancellationToken);

    /// <summary>The choice as the runner sent it (<c>watch</c>, <c>mine</c>, <c>both</c>); the session is looked up first (404 before 400).</summary>
    public static async Task<ChoiceResult> ChooseAsync(RunStrongDbContext db, ICurrentRunner runner, long watchSessionId, string? keepText, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(runner);
        var owner = runner.RunnerId;
        var watch = await db.StrengthSessions.AsTracking().FirstOrDefaultAsync(s => s.OwnerId == owner && s.Id == watchSessionId && s.SourceActivityId != null, cancellationToken)
            ?? throw new UserInputException("id", $"no strength session {watchSessionId} from your watch in your log", notFound: true);
        var keep = ParseKeep(keepText);
        if (watch.MergeWithSessionId is not { } handId
            || await db.StrengthSessions.AsTracking().FirstOrDefaultAsync(s => s.OwnerId == owner && s.Id == handId, cancellationToken) is not { } hand)
        {
            throw new UserInputException("keep", $"strength session {watchSessionId} from your watch waits for no choice: it is already in your log");
        }

        watch.MergeWithSessionId = null;
        switch (keep)
        {
            case Keep.Watch:
                watch.PlanId = hand.PlanId;
                watch.PlannedSessionKey = hand.PlannedSessionKey;
                watch.SessionRpe ??= hand.SessionRpe;
                watch.Notes ??= hand.Notes;
                await db.SaveChangesAsync(cancellationToken);
                db.StrengthSessions.Remove(hand);
                await db.SaveChangesAsync(cancellationToken);
                return new ChoiceResult("watch", watch.Id, null);
            case Keep.Mine:
                await db.SaveChangesAsync(cancellationToken);
                db.StrengthSessions.Remove(watch);
                await db.SaveChangesAsync(cancellationToken);
                return new ChoiceResult("mine", null, hand.Id);
            default:
                await db.SaveChangesAsync(cancellationToken);
                return new ChoiceResult("both", watch.Id, hand.Id);
        }
    }

    /// <summary>Parses <c>watch</c>, <c>mine</c> or <c>both</c>.</summary>
    public static Keep ParseKeep(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "watch" or "watch's" or "watches" => Keep.Watch,
        "mine" => Keep.Mine,
        "both" => Keep.Both,
        _ => throw new UserInputException("keep", $"keep must be watch, mine or both, got '{text}'"),
    };

    /// <summary>
    /// Maps a Garmin exercise name (<c>bench-press/barbell-bench-press</c>) to a catalogue exercise and rung
    /// (<c>PUT /api/log/garmin-exercises</c>, <c>runstrong log map-garmin</c>): the sets waiting for it (and those the
    /// name's earlier mapping gave) take it, and it is remembered for every later import. An exercise the watch did
    /// not recognise (<c>unknown/</c>) is mapped where it stands, never remembered: the next one may be another.
    /// </summary>
    /// <returns>How many sets changed.</returns>
    public static async Task<int> MapAsync(
        RunStrongDbContext db, ICurrentRunner runner, TimeProvider clock, string? garmin, string? exerciseSlug, string? variantSlug, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(runner);
        var name = garmin?.Trim() ?? "";
        if (!IsGarminName(name))
        {
            throw new UserInputException("garmin", $"garmin must be a Garmin exercise as category/name (bench-press/barbell-bench-press), got '{garmin}'");
        }

        var catalogue = await new ExerciseCatalogue(db).AllAsync(cancellationToken);
        var exercise = catalogue.FirstOrDefault(e => e.Slug == exerciseSlug?.Trim())
            ?? throw new UserInputException("exercise", $"exercise: no exercise '{exerciseSlug}' in the catalogue (runstrong exercises lists them)");
        var variant = string.IsNullOrWhiteSpace(variantSlug)
            ? exercise.Progression[0]
            : exercise.Progression.FirstOrDefault(v => v.Slug == variantSlug.Trim())
                ?? throw new UserInputException("variant", $"variant: {exercise.Slug} has no rung '{variantSlug}'; it has {string.Join(", ", exercise.Progression.Select(v => v.Slug))}");

        var owner = runner.RunnerId;
        var remember = !name.StartsWith(UnknownCategory + "/", StringComparison.Ordinal);
        var mapping = await db.GarminExerciseMappings.AsTracking().FirstOrDefaultAsync(m => m.OwnerId == owner && m.GarminExercise == name, cancellationToken);
        var (oldExercise, oldVariant) = mapping is null ? (Unmapped, "") : (mapping.ExerciseSlug, mapping.VariantSlug);
        var sets = await db.LoggedSets.AsTracking()
            .Where(s => s.OwnerId == owner && s.GarminExercise == name
                && (s.ExerciseSlug == Unmapped || (s.ExerciseSlug == oldExercise && s.VariantSlug == oldVariant)))
            .ToListAsync(cancellationToken);
        if (sets.Count == 0 && mapping is null && !remember)
        {
            throw new UserInputException("garmin", $"garmin: no sets from your watch wait for '{name}'", notFound: true);
        }

        foreach (var set in sets)
        {
            set.ExerciseSlug = exercise.Slug;
            set.VariantSlug = variant.Slug;
        }

        if (remember)
        {
            if (mapping is null)
            {
                db.GarminExerciseMappings.Add(new GarminExerciseMappingRecord
                {
                    OwnerId = owner, GarminExercise = name, ExerciseSlug = exercise.Slug, VariantSlug = variant.Slug, CreatedAt = clock.GetUtcNow().UtcDateTime,
                });
            }
            else
            {
                mapping.ExerciseSlug = exercise.Slug;
                mapping.VariantSlug = variant.Slug;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return sets.Count;
    }

    /// <summary>The Garmin names the runner's watch sets carry that wait for a mapping, and the ones the runner mapped.</summary>
    public static async Task<IReadOnlyList<GarminName>> NamesAsync(RunStrongDbContext db, ICurrentRunner runner, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(runner);
        var owner = runner.RunnerId;
        var waiting = await db.LoggedSets.AsNoTracking().Where(s => s.OwnerId == owner && s.ExerciseSlug == Unmapped && s.GarminExercise != null)
            .GroupBy(s => s.GarminExercise!).Select(g => new { Garmin = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var mapped = await db.GarminExerciseMappings.AsNoTracking().Where(m => m.OwnerId == owner).ToListAsync(cancellationToken);
        return waiting.Select(w => new GarminName(w.Garmin, Label(w.Garmin), w.Count, null, null, false))
            .Concat(mapped.Where(m => waiting.All(w => w.Garmin != m.GarminExercise))
                .Select(m => new GarminName(m.GarminExercise, Label(m.GarminExercise), 0, m.ExerciseSlug, m.VariantSlug, true)))
            .OrderBy(n => n.UnmappedSets == 0).ThenBy(n => n.Garmin, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>A Garmin exercise for people: "Barbell bench press (bench press)", or what an unknown one is.</summary>
    public static string Label(string? garmin)
    {
        if (string.IsNullOrEmpty(garmin))
        {
            return "an exercise from your watch";
        }

        var cut = garmin.IndexOf('/', StringComparison.Ordinal);
        var category = (cut < 0 ? garmin : garmin[..cut]).Replace('-', ' ');
        var name = cut < 0 ? "" : garmin[(cut + 1)..];
        if (category == UnknownCategory)
        {
            return "an exercise your watch did not recognise";
        }

        if (name.Length == 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"a {category} exercise (no name recorded)");
        }

        if (name.StartsWith('#'))
        {
            return string.Create(CultureInfo.InvariantCulture, $"{category} exercise {name}");
        }

        var words = name.Replace('-', ' ');
        return string.Create(CultureInfo.InvariantCulture, $"{char.ToUpperInvariant(words[0])}{words[1..]} ({category})");
    }
}
