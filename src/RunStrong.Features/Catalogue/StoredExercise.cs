using System.Text.Json;
using RunStrong.Domain.Catalogue;

namespace RunStrong.Features.Catalogue;

/// <summary>
/// How an imported exercise is kept in the database: the whole entry in the catalogue's own JSON shape
/// (<see cref="CatalogueJson"/>), so stored and built-in entries are read and validated by the same code.
/// </summary>
public static class StoredExercise
{
    public static string Write(Exercise exercise) => CatalogueJson.SerializeEntry(exercise);

    public static Exercise Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        var problems = new List<CatalogueProblem>();
        return CatalogueJson.ReadEntry(document.RootElement, 1, problems)
            ?? throw new InvalidDataException($"A stored catalogue entry no longer reads: {string.Join("; ", problems)}");
    }
}
