using Microsoft.EntityFrameworkCore;
using RunStrong.Data;
using RunStrong.Domain.Catalogue;
using RunStrong.Features.Common;

namespace RunStrong.Features.Catalogue;

/// <summary>
/// The whole catalogue a server knows: the built-in entries shipped inside RunStrong, then the entries imported into
/// its database. Built-ins come first and win a slug clash (imported slugs are prefixed, so none should clash).
/// </summary>
public sealed class ExerciseCatalogue(RunStrongDbContext db)
{
    public async Task<IReadOnlyList<Exercise>> AllAsync(CancellationToken cancellationToken = default)
    {
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

        return all;
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
