using System.Text.Json;

namespace RunStrong.Features.Catalogue.Import;

/// <summary>
/// Imports an outside exercise catalogue from a path, telling the layout from the content (the layouts are listed in
/// <see cref="Accepted"/>). Never throws for bad input: the result carries an error naming the file, what was found
/// and what is accepted. Why these layouts: docs/decisions/0024-catalogue-import-formats.md.
/// </summary>
public static class CatalogueImporter
{
    /// <summary>The layouts RunStrong reads, in the words of a refusal.</summary>
    public const string Accepted =
        "free-exercise-db's dist/exercises.json (an array of exercises), one of its exercises/<Id>.json files or that folder; "
        + "wger's fixtures (exercise-base-data.json with translations.json, muscles.json, equipment.json, categories.json, "
        + "licenses.json and languages.json in one folder), or the single exercises.json of a wger release up to 1.9; "
        + "wger's REST API JSON from /api/v2/exerciseinfo/ (a page, pages one after another or in an array, or its results)";

    public static CatalogueImportResult Read(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return CatalogueImportResult.Failure("no file given");
        }

        if (Directory.Exists(path))
        {
            return ReadFolder(path);
        }

        using var document = ImportMapping.ReadJson(path, out var error);
        if (document is null)
        {
            return CatalogueImportResult.Failure(error!);
        }

        var root = document.RootElement;
        if (WgerApiImporter.Recognises(root))
        {
            return CatalogueImportResult.Success(WgerApiImporter.Import(root));
        }

        if (FreeExerciseDbImporter.Recognises(root))
        {
            return CatalogueImportResult.Success(FreeExerciseDbImporter.Import(root));
        }

        if (WgerImporter.RecognisesSingleFile(root))
        {
            return CatalogueImportResult.Success(WgerImporter.ImportSingleFile(root));
        }

        if (WgerImporter.RecognisesBaseLayout(root))
        {
            return CatalogueImportResult.Failure(
                $"{path}: wger 2.0–2.1 fixtures (exercises.exercisebase with exercises.exercise texts) are not read; "
                + "import a wger server's REST API JSON (/api/v2/exerciseinfo/) or the fixtures of a current wger release instead");
        }

        if (WgerImporter.Recognises(root))
        {
            return WgerImporter.Read(path);
        }

        return CatalogueImportResult.Failure($"{path}: not a catalogue RunStrong can import: found {Describe(root)}. Accepted: {Accepted}");
    }

    private static CatalogueImportResult ReadFolder(string folder)
    {
        bool wger;
        try
        {
            wger = Directory.EnumerateFiles(folder).Any(f => WgerImporter.Files.Any(w => Path.GetFileName(f).EndsWith(w.Suffix, StringComparison.OrdinalIgnoreCase)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return CatalogueImportResult.Failure($"{folder}: cannot list the folder ({e.Message})");
        }

        if (wger)
        {
            return WgerImporter.Read(folder);
        }

        var result = FreeExerciseDbImporter.ReadFolder(folder);
        return result.Succeeded
            ? result
            : CatalogueImportResult.Failure($"{folder}: a folder holding no catalogue RunStrong can import ({result.Error}). Accepted: {Accepted}");
    }

    private static string Describe(JsonElement root) => root.ValueKind switch
    {
        JsonValueKind.Array when root.GetArrayLength() == 0 => "an empty array",
        JsonValueKind.Array when root[0].ValueKind == JsonValueKind.Object && ImportMapping.String(root[0], "model") is { } model =>
            $"a Django fixture of '{model}' records",
        JsonValueKind.Array => "an array of something else",
        JsonValueKind.Object => $"an object with {string.Join(", ", root.EnumerateObject().Take(5).Select(p => p.Name))}",
        _ => $"a {root.ValueKind.ToString().ToLowerInvariant()}",
    };
}
