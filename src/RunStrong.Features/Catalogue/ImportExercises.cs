using Microsoft.EntityFrameworkCore;
using RunStrong.Data;
using RunStrong.Data.Entities;
using RunStrong.Features.Catalogue.Import;
using RunStrong.Features.Common;

namespace RunStrong.Features.Catalogue;

/// <summary>
/// Imports an outside catalogue file (free-exercise-db or wger, in the layouts <see cref="CatalogueImporter"/> reads)
/// into the database. Re-importing the same file adds nothing: entries are keyed by (source, id at the source); a
/// changed entry is updated in place. An entry whose slug another imported entry already has is reported, not stored.
/// </summary>
public static class ImportExercises
{
    /// <param name="File">The path as given.</param>
    /// <param name="Warnings">About the file as a whole, such as pages of an API download that are not in it.</param>
    public sealed record Response(
        string File,
        string Source,
        int Imported,
        int Updated,
        int Skipped,
        int Unmapped,
        IReadOnlyList<UnmappedEntry> UnmappedEntries,
        IReadOnlyList<string> Notes,
        IReadOnlyList<string> Warnings);

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
        var taken = await db.CatalogueEntries
            .Select(e => new { e.Slug, e.SourceName, e.ExternalId })
            .ToDictionaryAsync(e => e.Slug, e => (e.SourceName, e.ExternalId), StringComparer.Ordinal, cancellationToken);
        var unmapped = batch.Unmapped.ToList();
        int imported = 0, updated = 0, skipped = 0;
        var now = clock.GetUtcNow().UtcDateTime;
        // The latest import time must rise with every import that changes an entry: it is how every node knows its parsed
        // catalogue is out of date (ExerciseCatalogue). A clock that has not moved (or went back) gets a millisecond on.
        var latest = await db.CatalogueEntries.MaxAsync(e => (DateTime?)e.ImportedAt, cancellationToken);
        if (latest is { } last && last >= now)
        {
            now = DateTime.SpecifyKind(last.AddMilliseconds(1), DateTimeKind.Utc);
        }

        foreach (var exercise in batch.Exercises)
        {
            var externalId = exercise.Source.ExternalId ?? exercise.Slug;
            if (taken.TryGetValue(exercise.Slug, out var owner) && owner != (batch.SourceName, externalId))
            {
                unmapped.Add(new UnmappedEntry(externalId, exercise.Name,
                    $"its slug '{exercise.Slug}' is already taken by another imported entry ({owner.SourceName} {owner.ExternalId})"));
                continue;
            }

            taken[exercise.Slug] = (batch.SourceName, externalId);
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
        return new Response(path, batch.SourceName, imported, updated, skipped, unmapped.Count, unmapped, batch.Notes, batch.Warnings);
    }
}
