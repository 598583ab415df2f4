using Microsoft.EntityFrameworkCore;
using RunStrong.Data;
using RunStrong.Domain.Catalogue;
using RunStrong.Features.Common;

namespace RunStrong.Features.Catalogue;

/// <summary>
/// The whole catalogue a server knows: the built-in entries shipped inside RunStrong, then the entries imported into
/// its database. Built-ins come first and win a slug clash (imported slugs are prefixed, so none should clash).
/// </summary>
/// <remarks>
/// Nearly every request needs the catalogue (logging a set, the dashboard, the log). Parsing the imported entries each
/// time cost half the mixed load's throughput in the load benchmark with 255 entries from free-exercise-db
/// (docs/benchmarks.md), so the parsed catalogue is kept per database and process, and each read first asks the database
/// whether it changed: the count of entries, the highest id and the latest import time, one cheap statement. Entries are
/// only ever added or replaced by an import, which raises the latest import time (ImportExercises makes sure it rises),
/// so a change on another node or from the CLI is seen on the next read. Nothing is kept that the database does not say.
/// </remarks>
public sealed class ExerciseCatalogue(RunStrongDbContext db)
{
    private sealed record Kept(CatalogueVersion Version, IReadOnlyList<Exercise> Exercises);

    private sealed record CatalogueVersion(int Count, long LastId, DateTime LastImport);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Kept> KeptByDatabase = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<Exercise>> AllAsync(CancellationToken cancellationToken = default)
    {
        // One group or none (Single: First without an order made EF warn in every server's log at start).
        var version = await db.CatalogueEntries.GroupBy(e => 1)
            .Select(g => new CatalogueVersion(g.Count(), g.Max(e => e.Id), g.Max(e => e.ImportedAt)))
            .SingleOrDefaultAsync(cancellationToken) ?? new CatalogueVersion(0, 0, default);
        if (version.Count == 0)
        {
            return BuiltInCatalogue.Exercises;
        }

        var database = db.Database.GetConnectionString() ?? string.Empty;
        if (KeptByDatabase.TryGetValue(database, out var kept) && kept.Version == version)
        {
            return kept.Exercises;
        }

        var imported = await db.CatalogueEntries.OrderBy(e => e.Name).Select(e => e.Json).ToListAsync(cancellationToken);
        var all = new List<Exercise>(BuiltInCatalogue.Exercises.Count + imported.Count);
        all.AddRange(BuiltInCatalogue.Exercises);
        var slugs = all.Select(e => e.Slug).ToHashSet(StringComparer.Ordinal);
        foreach (var json in imported)
        {
            var exercise = StoredExercise.Read(json);
            if (slugs.Add(exercise.Slug))
            {
                all.Add(exercise);
            }
        }

        // Kept under the version read before the entries: if an import landed in between, the next read sees a newer
        // version and parses again; a stale list is never kept under a current version.
        var exercises = all.AsReadOnly();
        KeptByDatabase[database] = new Kept(version, exercises);
        return exercises;
    }

    public async Task<Exercise> GetAsync(string slug, CancellationToken cancellationToken = default)
    {
        var builtIn = BuiltInCatalogue.Find(slug);
        if (builtIn is not null)
        {
            return builtIn;
        }

        var json = await db.CatalogueEntries.Where(e => e.Slug == slug).Select(e => e.Json).FirstOrDefaultAsync(cancellationToken);
        return json is null
            ? throw new UserInputException("slug", $"no exercise with slug '{slug}'", notFound: true)
            : StoredExercise.Read(json);
    }
}
