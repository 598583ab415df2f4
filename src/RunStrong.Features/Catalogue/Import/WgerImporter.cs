using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using RunStrong.Domain.Catalogue;

namespace RunStrong.Features.Catalogue.Import;

/// <summary>
/// Imports wger's Django fixtures: exercise-base-data.json (muscles, equipment, category, licence per exercise),
/// translations.json (names and HTML descriptions per language; English is taken), muscles.json, equipment.json,
/// categories.json, licenses.json and languages.json. Given any one of these files or their folder, the others are
/// found beside it by file-name suffix (so <c>owner__repo__…__muscles.json</c> works too).
/// wger's exercise data is Creative Commons per entry (mostly CC-BY-SA): every entry keeps its licence and author.
/// Mapping, and why: docs/decisions/0010-catalogue-import-mapping.md.
/// </summary>
public static partial class WgerImporter
{
    public const string SourceName = "wger";

    /// <summary>Prefix of every slug this importer gives: <c>wger-294-hip-thrust</c> (wger's exercise id, then its English name).</summary>
    public const string SlugPrefix = "wger-";

    /// <summary>The files an import needs, by the suffix of their names, and the Django model each holds.</summary>
    public static IReadOnlyList<(string Suffix, string Model)> Files { get; } =
    [
        ("exercise-base-data.json", "exercises.exercise"),
        ("translations.json", "exercises.translation"),
        ("muscles.json", "exercises.muscle"),
        ("equipment.json", "exercises.equipment"),
        ("categories.json", "exercises.exercisecategory"),
        ("licenses.json", "core.license"),
        ("languages.json", "core.language"),
    ];

    /// <summary>wger muscles (by their Latin name in muscles.json) onto ours; the upper-body ones are left out with a note.</summary>
    public static IReadOnlyDictionary<string, Muscle> Muscles { get; } = new Dictionary<string, Muscle>(StringComparer.OrdinalIgnoreCase)
    {
        ["Gluteus maximus"] = Muscle.GluteusMaximus,
        ["Gluteus medius"] = Muscle.GluteusMedius,
        ["Gluteus minimus"] = Muscle.GluteusMinimus,
        ["Biceps femoris"] = Muscle.Hamstrings,
        ["Quadriceps femoris"] = Muscle.Quadriceps,
        ["Gastrocnemius"] = Muscle.Calves,
        ["Soleus"] = Muscle.Calves,
        ["Rectus abdominis"] = Muscle.Core,
        ["Obliquus externus abdominis"] = Muscle.Core,
        ["Erector spinae"] = Muscle.LowerBack,
    };

    /// <summary>
    /// wger equipment onto ours. "Gym mat" is not equipment RunStrong plans around and is left out (an exercise on a
    /// mat is bodyweight); "Resistance band" becomes a loop band. Swiss ball and pull-up bar have no counterpart: such
    /// entries are not imported.
    /// </summary>
    public static IReadOnlyDictionary<string, Equipment?> EquipmentNames { get; } = new Dictionary<string, Equipment?>(StringComparer.OrdinalIgnoreCase)
    {
        ["Barbell"] = Equipment.Barbell,
        ["SZ-Bar"] = Equipment.Barbell,
        ["Dumbbell"] = Equipment.Dumbbell,
        ["Gym mat"] = null,
        ["none (bodyweight exercise)"] = Equipment.None,
        ["Bench"] = Equipment.Bench,
        ["Incline bench"] = Equipment.Bench,
        ["Kettlebell"] = Equipment.Kettlebell,
        ["Resistance band"] = Equipment.LoopBand,
        ["Cable machine"] = Equipment.Cable,
    };

    /// <summary>True when <paramref name="root"/> is one of wger's fixtures (a Django fixture array of a model above).</summary>
    public static bool Recognises(JsonElement root) =>
        root.ValueKind == JsonValueKind.Array && root.GetArrayLength() > 0
        && ImportMapping.String(root[0], "model") is { } model && Files.Any(f => f.Model == model);

    /// <summary>Reads wger's fixtures from a folder, or from beside one of its files. Never throws for bad input.</summary>
    public static CatalogueImportResult Read(string path)
    {
        string folder;
        try
        {
            folder = Directory.Exists(path) ? path : Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
            if (!Directory.Exists(folder))
            {
                return CatalogueImportResult.Failure($"{path}: folder not found");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return CatalogueImportResult.Failure($"{path}: cannot be read ({e.Message})");
        }

        var found = new Dictionary<string, string>();
        var missing = new List<string>();
        foreach (var (suffix, _) in Files)
        {
            string[] candidates;
            try
            {
                candidates = [.. Directory.EnumerateFiles(folder).Where(f => Path.GetFileName(f).EndsWith(suffix, StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal)];
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return CatalogueImportResult.Failure($"{folder}: cannot list the folder ({e.Message})");
            }

            if (candidates.Length == 0)
            {
                missing.Add(suffix);
            }
            else if (candidates.Length > 1)
            {
                return CatalogueImportResult.Failure(
                    $"{folder}: several files end with {suffix} ({string.Join(", ", candidates.Select(Path.GetFileName))}); keep one wger fixture set per folder");
            }
            else
            {
                found[suffix] = candidates[0];
            }
        }

        if (missing.Count > 0)
        {
            return CatalogueImportResult.Failure(
                $"{path}: a wger import needs {string.Join(", ", Files.Select(f => f.Suffix))} in the same folder; missing: {string.Join(", ", missing)}");
        }

        var documents = new List<JsonDocument>();
        try
        {
            var roots = new Dictionary<string, JsonElement>();
            foreach (var (suffix, model) in Files)
            {
                var document = ImportMapping.ReadJson(found[suffix], out var error);
                if (document is null)
                {
                    return CatalogueImportResult.Failure(error!);
                }

                documents.Add(document);
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Array || !root.EnumerateArray().Any(e => ImportMapping.String(e, "model") == model))
                {
                    return CatalogueImportResult.Failure($"{found[suffix]}: not a wger fixture of '{model}' records");
                }

                roots[suffix] = root;
            }

            return Import(roots);
        }
        finally
        {
            documents.ForEach(d => d.Dispose());
        }
    }

    private static CatalogueImportResult Import(Dictionary<string, JsonElement> roots)
    {
        var languages = Records(roots["languages.json"], "core.language");
        var english = languages.FirstOrDefault(l => ImportMapping.String(l.Fields, "short_name") == "en").Pk;
        if (english is null)
        {
            return CatalogueImportResult.Failure("languages.json has no English ('en') language, so no names can be read");
        }

        var muscles = Names(roots["muscles.json"], "exercises.muscle");
        var equipment = Names(roots["equipment.json"], "exercises.equipment");
        var categories = Names(roots["categories.json"], "exercises.exercisecategory");
        var licences = Records(roots["licenses.json"], "core.license")
            .ToDictionary(r => r.Pk!.Value, r => ImportMapping.String(r.Fields, "short_name")?.Trim() ?? $"licence {r.Pk}");

        // English translation per exercise (lowest id when several), and the comments (tips) on each translation.
        var translations = new Dictionary<long, (long Pk, JsonElement Fields)>();
        var comments = new Dictionary<long, List<string>>();
        foreach (var record in Records(roots["translations.json"], null))
        {
            if (record.Model == "exercises.translation" && Long(record.Fields, "language") == english
                && Long(record.Fields, "exercise") is { } exercise && record.Pk is { } pk
                && (!translations.TryGetValue(exercise, out var existing) || pk < existing.Pk))
            {
                translations[exercise] = (pk, record.Fields);
            }
            else if (record.Model == "exercises.exercisecomment" && Long(record.Fields, "translation") is { } translation
                && ImportMapping.String(record.Fields, "comment") is { } comment && !string.IsNullOrWhiteSpace(comment))
            {
                if (!comments.TryGetValue(translation, out var list))
                {
                    comments[translation] = list = [];
                }

                list.Add(comment.Trim());
            }
        }

        var mapped = new List<(string, Exercise)>();
        var unmapped = new List<UnmappedEntry>();
        var notes = new List<string>();
        foreach (var record in Records(roots["exercise-base-data.json"], "exercises.exercise"))
        {
            if (record.Pk is not { } pk)
            {
                unmapped.Add(new UnmappedEntry("?", "(no id)", "has no id"));
                continue;
            }

            var id = pk.ToString(System.Globalization.CultureInfo.InvariantCulture);
            translations.TryGetValue(pk, out var translation);
            var name = translation.Fields.ValueKind == JsonValueKind.Object ? ImportMapping.String(translation.Fields, "name")?.Trim() : null;
            if (string.IsNullOrWhiteSpace(name))
            {
                unmapped.Add(new UnmappedEntry(id, "(no English name)", "has no English translation"));
                continue;
            }

            var exercise = Map(pk, id, name, record.Fields, translation.Fields, comments.GetValueOrDefault(translation.Pk) ?? [],
                muscles, equipment, categories, licences, unmapped, notes);
            if (exercise is not null)
            {
                mapped.Add((id, exercise));
            }
        }

        return CatalogueImportResult.Success(ImportMapping.Finish(SourceName, mapped, unmapped, notes));
    }

    private static Exercise? Map(
        long pk, string id, string name, JsonElement fields, JsonElement translation, List<string> comments,
        Dictionary<long, string> muscleNames, Dictionary<long, string> equipmentNames, Dictionary<long, string> categoryNames,
        Dictionary<long, string> licences, List<UnmappedEntry> unmapped, List<string> notes)
    {
        var category = Long(fields, "category") is { } c ? categoryNames.GetValueOrDefault(c) : null;
        if (string.Equals(category, "Cardio", StringComparison.OrdinalIgnoreCase))
        {
            unmapped.Add(new UnmappedEntry(id, name, "category 'Cardio' is not strength work"));
            return null;
        }

        var primaryNames = Longs(fields, "muscles").Select(m => muscleNames.GetValueOrDefault(m, $"muscle {m}")).ToArray();
        var secondaryNames = Longs(fields, "muscles_secondary").Select(m => muscleNames.GetValueOrDefault(m, $"muscle {m}")).ToArray();
        var primary = primaryNames.Where(Muscles.ContainsKey).Select(m => Muscles[m]).Distinct().ToArray();
        if (primary.Length == 0)
        {
            unmapped.Add(new UnmappedEntry(id, name, primaryNames.Length == 0
                ? "wger lists no main muscle"
                : $"main muscles ({string.Join(", ", primaryNames)}) are not ones RunStrong tracks"));
            return null;
        }

        var equipmentIds = Longs(fields, "equipment");
        if (equipmentIds.Count == 0)
        {
            unmapped.Add(new UnmappedEntry(id, name, "wger lists no equipment, so bodyweight cannot be told from a machine"));
            return null;
        }

        var equipment = new List<Equipment>();
        foreach (var equipmentName in equipmentIds.Select(e => equipmentNames.GetValueOrDefault(e, $"equipment {e}")))
        {
            if (!EquipmentNames.TryGetValue(equipmentName, out var ours))
            {
                unmapped.Add(new UnmappedEntry(id, name, $"equipment '{equipmentName}' is not equipment RunStrong knows"));
                return null;
            }

            if (ours is { } known && !equipment.Contains(known))
            {
                equipment.Add(known);
            }
        }

        if (equipment.Count > 1)
        {
            equipment.Remove(Equipment.None);
        }
        else if (equipment.Count == 0)
        {
            equipment.Add(Equipment.None);
        }

        var slug = ImportMapping.Slug($"{SlugPrefix}{pk}-", name);
        var dropped = primaryNames.Concat(secondaryNames).Where(m => !Muscles.ContainsKey(m)).Distinct().ToArray();
        if (dropped.Length > 0)
        {
            notes.Add($"{slug}: left out muscles RunStrong does not track: {string.Join(", ", dropped)}");
        }

        var secondary = secondaryNames.Where(Muscles.ContainsKey).Select(m => Muscles[m]).Distinct().Except(primary).ToArray();
        var cues = HtmlToLines(ImportMapping.String(translation, "description")).Concat(comments).ToArray();
        var source = new ExerciseSource
        {
            Name = SourceName,
            ExternalId = ImportMapping.String(fields, "uuid") is { Length: > 0 } uuid ? uuid : id,
            Licence = Attribution(Licence(fields, licences), Licence(translation, licences), "exercise", "text"),
            Author = Attribution(Author(fields), Author(translation), "exercise", "text"),
            Url = $"https://wger.de/en/exercise/{id}/view/",
        };

        // wger has no difficulty level: Intermediate, so that nothing unrated is offered as a first exercise.
        return ImportMapping.Build(slug, name, ExerciseKind.Strength, Level.Intermediate, primary, secondary, hamstringsCurl: false,
            equipment, cues, source);
    }

    private static string? Licence(JsonElement fields, Dictionary<long, string> licences) =>
        fields.ValueKind == JsonValueKind.Object && Long(fields, "license") is { } l ? licences.GetValueOrDefault(l, $"wger licence {l}") : null;

    private static string? Author(JsonElement fields)
    {
        var author = fields.ValueKind == JsonValueKind.Object ? ImportMapping.String(fields, "license_author")?.Trim() : null;
        return string.IsNullOrEmpty(author) ? null : author;
    }

    // The exercise record and its English text carry a licence and author each; both are kept when they differ.
    private static string? Attribution(string? exercise, string? text, string exerciseLabel, string textLabel) => (exercise, text) switch
    {
        (null, null) => null,
        ({ } e, null) => e,
        (null, { } t) => t,
        ({ } e, { } t) when e == t => e,
        ({ } e, { } t) => $"{e} ({exerciseLabel}); {t} ({textLabel})",
    };

    /// <summary>wger descriptions are HTML: paragraphs and list items become one cue each, tags go, entities are decoded.</summary>
    internal static IEnumerable<string> HtmlToLines(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return [];
        }

        var text = BlockEnd().Replace(html, "\n");
        text = Tag().Replace(text, " ");
        return text.Split('\n')
            .Select(line => Spaces().Replace(WebUtility.HtmlDecode(line), " ").Trim())
            .Where(line => line.Length > 0);
    }

    private static List<(string? Model, long? Pk, JsonElement Fields)> Records(JsonElement root, string? model)
    {
        var records = new List<(string?, long?, JsonElement)>();
        if (root.ValueKind != JsonValueKind.Array)
        {
            return records;
        }

        foreach (var element in root.EnumerateArray())
        {
            var recordModel = ImportMapping.String(element, "model");
            if ((model is null || recordModel == model) && element.ValueKind == JsonValueKind.Object
                && element.TryGetProperty("fields", out var fields) && fields.ValueKind == JsonValueKind.Object)
            {
                records.Add((recordModel, Long(element, "pk"), fields));
            }
        }

        return records;
    }

    private static Dictionary<long, string> Names(JsonElement root, string model) =>
        Records(root, model).Where(r => r.Pk is not null)
            .ToDictionary(r => r.Pk!.Value, r => ImportMapping.String(r.Fields, "name")?.Trim() ?? $"#{r.Pk}");

    private static long? Long(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value)
        && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)
            ? number
            : null;

    private static List<long> Longs(JsonElement element, string property) =>
        element.TryGetProperty(property, out var array) && array.ValueKind == JsonValueKind.Array
            ? [.. array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out _)).Select(e => e.GetInt64()).Distinct()]
            : [];

    [GeneratedRegex(@"<\s*(br\s*/?|/\s*(p|li|div|h[1-6]|ol|ul))\s*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BlockEnd();

    [GeneratedRegex("<[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();
}
