using System.Text.Json;

namespace RunStrong.Features.Catalogue.Import;

/// <summary>
/// Imports the JSON of wger's REST API, which is what a user can download from any wger server:
/// <c>GET /api/v2/exerciseinfo/</c> answers a page <c>{count, next, previous, results: [exercise…]}</c>, each exercise
/// with its category, muscles and equipment as objects, its licence object and author, and its texts in
/// <c>translations</c> (<c>exercises</c> in wger 2.2's <c>/api/v2/exercisebaseinfo/</c>). Accepted: one page, pages
/// written one after the other (<c>curl PAGE1 PAGE2 &gt; file</c>) or as an array, a bare results array, or one
/// exercise (<c>/api/v2/exerciseinfo/294/</c>). Shape: wger/exercises/api/serializers.py (ExerciseInfoSerializer).
/// Slugs and ids are those of the fixtures (<c>wger-294-hip-thrust</c>, the exercise's UUID), so importing wger.de's
/// data from the API and from its fixtures gives the same entries.
/// </summary>
public static class WgerApiImporter
{
    /// <summary>True for a page, an exercise, or an array of pages or exercises as above.</summary>
    public static bool Recognises(JsonElement root) => root.ValueKind switch
    {
        JsonValueKind.Object => IsPage(root) || IsExercise(root),
        JsonValueKind.Array => root.GetArrayLength() > 0 && root.EnumerateArray().All(e => IsPage(e) || IsExercise(e)),
        _ => false,
    };

    public static CatalogueImportBatch Import(JsonElement root)
    {
        var exercises = new List<JsonElement>();
        var pages = 0;
        long? listed = null;
        string? server = null;
        foreach (var element in root.ValueKind == JsonValueKind.Array ? root.EnumerateArray().ToArray() : [root])
        {
            if (IsPage(element))
            {
                pages++;
                exercises.AddRange(element.GetProperty("results").EnumerateArray());
                listed = WgerImporter.Long(element, "count") is { } count ? Math.Max(count, listed ?? 0) : listed;
                server ??= Server(ImportMapping.String(element, "next")) ?? Server(ImportMapping.String(element, "previous"));
            }
            else
            {
                exercises.Add(element);
            }
        }

        var entries = new List<WgerEntry>();
        var unmapped = new List<UnmappedEntry>();
        var warnings = new List<string>();
        var seen = new HashSet<long>();
        var repeated = 0;
        var number = 0;
        foreach (var exercise in exercises)
        {
            number++;
            if (WgerImporter.Long(exercise, "id") is not { } id)
            {
                unmapped.Add(new UnmappedEntry($"result {number}", "(no id)", "has no id"));
                continue;
            }

            if (!seen.Add(id))
            {
                repeated++;
                continue;
            }

            var entry = Read(exercise, id, server ?? "https://wger.de", out var problem);
            if (entry is null)
            {
                unmapped.Add(new UnmappedEntry(id.ToString(System.Globalization.CultureInfo.InvariantCulture), "(no English name)", problem!));
            }
            else
            {
                entries.Add(entry);
            }
        }

        if (listed is { } total && total > seen.Count)
        {
            warnings.Add($"the server listed {total} exercises and this file holds {seen.Count} of them ({pages} page{(pages == 1 ? "" : "s")}); "
                + "save the other pages (each page's 'next' address) into the file to import them all");
        }

        if (repeated > 0)
        {
            warnings.Add($"{repeated} exercise{(repeated == 1 ? " was" : "s were")} in the file more than once and imported once");
        }

        return WgerImporter.Finish(entries, unmapped, []) with { Warnings = warnings };
    }

    private static WgerEntry? Read(JsonElement exercise, long id, string server, out string? problem)
    {
        problem = null;
        var licence = exercise.TryGetProperty("license", out var l) ? l : default;
        var exerciseLicenceId = WgerImporter.Long(licence, "id");
        var exerciseLicence = ImportMapping.String(licence, "short_name")?.Trim() is { Length: > 0 } shortName ? shortName
            : exerciseLicenceId is { } known ? WgerReference.Licence(known) : null;

        // The English text with the lowest id, as from the fixtures.
        JsonElement? text = null;
        foreach (var translation in Translations(exercise))
        {
            if (IsEnglish(translation) && !string.IsNullOrWhiteSpace(ImportMapping.String(translation, "name"))
                && (text is not { } best || (WgerImporter.Long(translation, "id") ?? long.MaxValue) < (WgerImporter.Long(best, "id") ?? long.MaxValue)))
            {
                text = translation;
            }
        }

        if (text is not { } english)
        {
            problem = "has no English translation";
            return null;
        }

        var textLicence = english.TryGetProperty("license", out var t) && t.ValueKind == JsonValueKind.Object
            ? ImportMapping.String(t, "short_name")
            : WgerImporter.Long(english, "license") is { } textLicenceId
                ? textLicenceId == exerciseLicenceId && exerciseLicence is not null ? exerciseLicence : WgerReference.Licence(textLicenceId)
                : null;
        var comments = english.TryGetProperty("notes", out var notes) && notes.ValueKind == JsonValueKind.Array
            ? notes.EnumerateArray().Select(n => ImportMapping.String(n, "comment")?.Trim()).OfType<string>().Where(c => c.Length > 0).ToArray()
            : [];
        var category = exercise.TryGetProperty("category", out var c) ? c : default;
        return new WgerEntry(
            id, ImportMapping.String(exercise, "uuid"), ImportMapping.String(english, "name")!.Trim(),
            ImportMapping.String(category, "name") ?? WgerReference.Category(WgerImporter.Long(category, "id") ?? WgerImporter.Long(exercise, "category")),
            Names(exercise, "muscles", WgerReference.Muscle),
            Names(exercise, "muscles_secondary", WgerReference.Muscle),
            Names(exercise, "equipment", WgerReference.EquipmentName),
            exerciseLicence, WgerImporter.Author(exercise), textLicence, WgerImporter.Author(english),
            ImportMapping.String(english, "description"), comments,
            $"{server}/en/exercise/{id}/view/");
    }

    private static JsonElement[] Translations(JsonElement exercise)
    {
        foreach (var key in (string[])["translations", "exercises"])
        {
            if (exercise.TryGetProperty(key, out var list) && list.ValueKind == JsonValueKind.Array)
            {
                return list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object).ToArray();
            }
        }

        return [];
    }

    // language is an id (2 = English) in today's API, an object {id, short_name} in older ones.
    private static bool IsEnglish(JsonElement translation) =>
        translation.TryGetProperty("language", out var language) && language.ValueKind switch
        {
            JsonValueKind.Number => language.TryGetInt64(out var id) && id == WgerReference.English,
            JsonValueKind.Object => ImportMapping.String(language, "short_name") == "en" || WgerImporter.Long(language, "id") == WgerReference.English,
            _ => false,
        };

    // Muscles and equipment are objects {id, name} here; bare ids (a hand-trimmed file) are looked up.
    private static string[] Names(JsonElement exercise, string property, Func<long, string> byId) =>
        exercise.TryGetProperty(property, out var list) && list.ValueKind == JsonValueKind.Array
            ? [.. list.EnumerateArray().Select(e => e.ValueKind switch
            {
                JsonValueKind.Object => ImportMapping.String(e, "name")?.Trim() ?? (WgerImporter.Long(e, "id") is { } i ? byId(i) : "(unnamed)"),
                JsonValueKind.Number when e.TryGetInt64(out var i) => byId(i),
                _ => "(unnamed)",
            })]
            : [];

    private static bool IsPage(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty("results", out var results)
        && results.ValueKind == JsonValueKind.Array && element.TryGetProperty("count", out _)
        && results.EnumerateArray().All(IsExercise);

    private static bool IsExercise(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty("uuid", out _) && element.TryGetProperty("muscles", out _)
        && ((element.TryGetProperty("translations", out var t) && t.ValueKind == JsonValueKind.Array)
            || (element.TryGetProperty("exercises", out var e) && e.ValueKind == JsonValueKind.Array));

    private static string? Server(string? pageAddress) =>
        Uri.TryCreate(pageAddress, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
            ? uri.GetLeftPart(UriPartial.Authority)
            : null;
}
