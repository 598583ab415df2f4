using Microsoft.EntityFrameworkCore;
using RunStrong.Data;
using RunStrong.Data.Entities;
using RunStrong.Features.Catalogue.Import;
using RunStrong.Features.Common;

namespace RunStrong.Features.Catalogue;

/// <summary>
/// Imports an outside catalogue file (free-exercise-db or wger) into the database. Re-importing the same file adds
/// nothing: entries are keyed by (source, id at the source); a changed entry is updated in place.
/// </summary>
public static class ImportExercises
{
    public sealed record Response(
        string Source,
        int Imported,
        int Updated,
        int Skipped,
        int Unmapped,
        IReadOnlyList<UnmappedEntry> UnmappedEntries,
        IReadOnlyList<string> Notes);

    public static async Task<Response> HandleAsync(RunStrongDbContext db, string path, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            throw new UserInputException("FILE", $"{path}: no such file");
        }

        var result = CatalogueImporter.Read(path);
        if (result.Batch is not { } batch)
        {
            throw new UserInputException("FILE", result.Error ?? $"{path}: not a catalogue RunStrong can import");
        }

        var existing = await db.CatalogueEntries.AsTracking()
            .Where(e => e.SourceName == batch.SourceName)
            .ToDictionaryAsync(e => e.ExternalId, StringComparer.Ordinal, cancellationToken);
        int imported = 0, updated = 0, skipped = 0;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var exercise in batch.Exercises)
        {
            var externalId = exercise.Source.ExternalId ?? exercise.Slug;
            var json = StoredExercise.Write(exercise);
            if (existing.TryGetValue(externalId, out var entry))
            {
                if (entry.Json == json && entry.Slug == exercise.Slug)
                {
                    skipped++;
                    continue;
                }

                entry.Slug = exercise.Slug;
                entry.Name = exercise.Name;
                entry.Json = json;
                entry.ImportedAt = now;
                updated++;
            }
            else
            {
                var added = new CatalogueEntry
                {
                    Slug = exercise.Slug,
                    Name = exercise.Name,
                    SourceName = batch.SourceName,
                    ExternalId = externalId,
                    Json = json,
                    ImportedAt = now,
                };
                db.CatalogueEntries.Add(added);
                existing[externalId] = added;
                imported++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return new Response(batch.SourceName, imported, updated, skipped, batch.Unmapped.Count, batch.Unmapped, batch.Notes);
    }
}
