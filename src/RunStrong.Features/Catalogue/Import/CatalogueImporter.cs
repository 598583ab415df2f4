using System.Text.Json;

namespace RunStrong.Features.Catalogue.Import;

/// <summary>
/// Imports an outside exercise catalogue from a path, telling the format from the content: free-exercise-db (its
/// combined array or one exercise per file) or wger (any of its fixture files, or their folder). Never throws for bad
/// input: the result carries an error naming the file and what is wrong.
/// </summary>
public static class CatalogueImporter
{
    public static CatalogueImportResult Read(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return CatalogueImportResult.Failure("no file given");
        }

        if (Directory.Exists(path))
        {
            return WgerImporter.Read(path);
        }

        using var document = ImportMapping.ReadJson(path, out var error);
        if (document is null)
        {
            return CatalogueImportResult.Failure(error!);
        }

        var root = document.RootElement;
        if (FreeExerciseDbImporter.Recognises(root))
        {
            return CatalogueImportResult.Success(FreeExerciseDbImporter.Import(root));
        }

        if (WgerImporter.Recognises(root))
        {
            return WgerImporter.Read(path);
        }

        return CatalogueImportResult.Failure(
            $"{path}: neither a free-exercise-db catalogue (exercise objects with name, primaryMuscles and equipment) "
            + $"nor a wger fixture (an array of {{\"model\": \"exercises.…\"}} records); found {Describe(root)}");
    }

    private static string Describe(JsonElement root) => root.ValueKind switch
    {
        JsonValueKind.Array when root.GetArrayLength() == 0 => "an empty array",
        JsonValueKind.Array => "an array of something else",
        JsonValueKind.Object => $"an object with {string.Join(", ", root.EnumerateObject().Take(5).Select(p => p.Name))}",
        _ => $"a {root.ValueKind.ToString().ToLowerInvariant()}",
    };
}
