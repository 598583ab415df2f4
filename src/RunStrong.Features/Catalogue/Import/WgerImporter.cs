using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using RunStrong.Domain.Catalogue;

namespace RunStrong.Features.Catalogue.Import;

/// <summary>
/// Imports wger's Django fixtures in both layouts a user may have:
/// <list type="bullet">
/// <item>the current one (wger 2.2 and later): exercise-base-data.json (muscles, equipment, category, licence per
/// exercise), translations.json (names and HTML descriptions per language; English is taken), muscles.json,
/// equipment.json, categories.json, licenses.json and languages.json. Given any one of these files or their folder,
/// the others are found beside it by file-name suffix (so <c>owner__repo__…__muscles.json</c> works too);</item>
/// <item>an earlier release's single <c>exercises.json</c> (wger 1.x up to 1.9): one <c>exercises.exercise</c> record
/// per exercise and language, carrying name, description, category, muscles, equipment, licence and author, with its
/// comments beside them. Its ids are resolved with <see cref="WgerReference"/>, so the file imports on its own.</item>
/// </list>
/// The REST API's JSON is read by <see cref="WgerApiImporter"/>; both end in <see cref="Finish"/>.
/// wger's exercise data is Creative Commons per entry (mostly CC-BY-SA): every entry keeps its licence and author.
/// Mapping, and why: docs/decisions/0010-catalogue-import-mapping.md and 0024-catalogue-import-formats.md.
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

    /// <summary>True when <paramref name="root"/> is one of wger's current fixtures (a Django fixture array of a model above).</summary>
    public static bool Recognises(JsonElement root) =>
        root.ValueKind == JsonValueKind.Array && root.GetArrayLength() > 0
        && ImportMapping.String(root[0], "model") is { } model && Files.Any(f => f.Model == model);

    /// <summary>
    /// True for an earlier release's single <c>exercises.json</c>: <c>exercises.exercise</c> records that carry their
    /// own name and category (today's records of that model carry neither, their texts are in translations.json).
    /// </summary>
    public static bool RecognisesSingleFile(JsonElement root) =>
        root.ValueKind == JsonValueKind.Array
        && Records(root, "exercises.exercise").Any(r => r.Fields.TryGetProperty("name", out _) && r.Fields.TryGetProperty("category", out _));

    /// <summary>
    /// True for wger 2.0 and 2.1's fixtures (<c>exercises.exercisebase</c> records, or <c>exercises.exercise</c> texts
    /// pointing at an <c>exercise_base</c>): a layout that lived for two releases, refused with what to use instead.
    /// </summary>
    public static bool RecognisesBaseLayout(JsonElement root) =>
        root.ValueKind == JsonValueKind.Array
        && Records(root, null).Any(r => r.Model == "exercises.exercisebase"
            || (r.Model == "exercises.exercise" && r.Fields.TryGetProperty("exercise_base", out _)));

    /// <summary>Reads an earlier release's single <c>exercises.json</c> (see <see cref="RecognisesSingleFile"/>).</summary>
    public static CatalogueImportBatch ImportSingleFile(JsonElement root)
    {
        var comments = new Dictionary<long, List<string>>();
        foreach (var record in Records(root, "exercises.exercisecomment"))
        {
            if (Long(record.Fields, "exercise") is { } exercise && ImportMapping.String(record.Fields, "comment") is { } comment
                && !string.IsNullOrWhiteSpace(comment))
            {
                if (!comments.TryGetValue(exercise, out var list))
                {
                    comments[exercise] = list = [];
                }

                list.Add(comment.Trim());
            }
        }

        var entries = new List<WgerEntry>();
        var unmapped = new List<UnmappedEntry>();
        foreach (var record in Records(root, "exercises.exercise"))
        {
            var fields = record.Fields;
            var name = ImportMapping.String(fields, "name")?.Trim();
            if (record.Pk is not { } pk)
            {
                unmapped.Add(new UnmappedEntry("?", name ?? "(no id)", "has no id"));
                continue;
            }

            var id = pk.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var language = Long(fields, "language");
            var status = ImportMapping.String(fields, "status");
            if (string.IsNullOrWhiteSpace(name))
            {
                unmapped.Add(new UnmappedEntry(id, "(no name)", "has no name"));
            }
            else if (status is not null and not "2")
            {
                // wger's STATUS_PENDING '1', STATUS_DECLINED '3': wger itself did not show these.
                unmapped.Add(new UnmappedEntry(id, name, $"was not accepted at wger (status {(status == "1" ? "pending" : status == "3" ? "declined" : status)})"));
            }
            else if (language != WgerReference.English)
            {
                unmapped.Add(new UnmappedEntry(id, name, language is { } l
                    ? $"is written in '{WgerReference.Language(l)}'; RunStrong imports wger's English entries"
                    : "names no language; RunStrong imports wger's English entries"));
            }
            else
            {
                var licence = Long(fields, "license") is { } l ? WgerReference.Licence(l) : null;
                var author = Author(fields);

                // Ids in these files are not today's wger ids (each language was its own exercise then): no link to wger.de.
                entries.Add(new WgerEntry(
                    pk, ImportMapping.String(fields, "uuid"), name, WgerReference.Category(Long(fields, "category")),
                    [.. Longs(fields, "muscles").Select(WgerReference.Muscle)],
                    [.. Longs(fields, "muscles_secondary").Select(WgerReference.Muscle)],
                    [.. Longs(fields, "equipment").Select(WgerReference.EquipmentName)],
                    licence, author, licence, author, ImportMapping.String(fields, "description"),
                    comments.GetValueOrDefault(pk) ?? [], Url: null));
            }
        }

        return Finish(entries, unmapped, []);
    }

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

        var entries = new List<WgerEntry>();
        var unmapped = new List<UnmappedEntry>();
        foreach (var record in Records(roots["exercise-base-data.json"], "exercises.exercise"))
        {
            if (record.Pk is not { } pk)
            {
                unmapped.Add(new UnmappedEntry("?", "(no id)", "has no id"));
                continue;
            }

            var id = pk.ToString(System.Globalization.CultureInfo.InvariantCulture);
            translations.TryGetValue(pk, out var translation);
            var text = translation.Fields;
            var name = text.ValueKind == JsonValueKind.Object ? ImportMapping.String(text, "name")?.Trim() : null;
            if (string.IsNullOrWhiteSpace(name))
            {
                unmapped.Add(new UnmappedEntry(id, "(no English name)", "has no English translation"));
                continue;
            }

            var fields = record.Fields;
            entries.Add(new WgerEntry(
                pk, ImportMapping.String(fields, "uuid"), name,
                Long(fields, "category") is { } c ? categories.GetValueOrDefault(c, $"category {c}") : null,
                [.. Longs(fields, "muscles").Select(m => muscles.GetValueOrDefault(m, $"muscle {m}"))],
                [.. Longs(fields, "muscles_secondary").Select(m => muscles.GetValueOrDefault(m, $"muscle {m}"))],
                [.. Longs(fields, "equipment").Select(e => equipment.GetValueOrDefault(e, $"equipment {e}"))],
                Licence(fields, licences), Author(fields), Licence(text, licences), Author(text),
                ImportMapping.String(text, "description"), comments.GetValueOrDefault(translation.Pk) ?? [],
                $"https://wger.de/en/exercise/{id}/view/"));
        }

        return CatalogueImportResult.Success(Finish(entries, unmapped, []));
    }

    /// <summary>Maps entries read from any wger layout; what cannot be mapped is reported with the reason.</summary>
    internal static CatalogueImportBatch Finish(IEnumerable<WgerEntry> entries, List<UnmappedEntry> unmapped, List<string> notes)
    {
        var mapped = new List<(string, Exercise)>();
        foreach (var entry in entries)
        {
            var exercise = Map(entry, unmapped, notes);
            if (exercise is not null)
            {
                mapped.Add((entry.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), exercise));
            }
        }

        return ImportMapping.Finish(SourceName, mapped, unmapped, notes);
    }

    private static Exercise? Map(WgerEntry entry, List<UnmappedEntry> unmapped, List<string> notes)
    {
        var id = entry.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var name = entry.Name;
        if (string.Equals(entry.Category, "Cardio", StringComparison.OrdinalIgnoreCase))
        {
            unmapped.Add(new UnmappedEntry(id, name, "category 'Cardio' is not strength work"));
            return null;
        }

        var primaryNames = entry.PrimaryMuscles.Distinct().ToArray();
        var secondaryNames = entry.SecondaryMuscles.Distinct().ToArray();
        var primary = primaryNames.Where(Muscles.ContainsKey).Select(m => Muscles[m]).Distinct().ToArray();
        if (primary.Length == 0)
        {
            unmapped.Add(new UnmappedEntry(id, name, primaryNames.Length == 0
                ? "wger lists no main muscle"
                : $"main muscles ({string.Join(", ", primaryNames)}) are not ones RunStrong tracks"));
            return null;
        }

        if (entry.Equipment.Count == 0)
        {
            unmapped.Add(new UnmappedEntry(id, name, "wger lists no equipment, so bodyweight cannot be told from a machine"));
            return null;
        }

        var equipment = new List<Equipment>();
        foreach (var equipmentName in entry.Equipment.Distinct())
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

        var slug = ImportMapping.Slug($"{SlugPrefix}{id}-", name);
        var dropped = primaryNames.Concat(secondaryNames).Where(m => !Muscles.ContainsKey(m)).Distinct().ToArray();
        if (dropped.Length > 0)
        {
            notes.Add($"{slug}: left out muscles RunStrong does not track: {string.Join(", ", dropped)}");
        }

        var secondary = secondaryNames.Where(Muscles.ContainsKey).Select(m => Muscles[m]).Distinct().Except(primary).ToArray();
        var cues = HtmlToLines(entry.DescriptionHtml).Concat(entry.Comments).ToArray();
        var source = new ExerciseSource
        {
            Name = SourceName,
            ExternalId = entry.Uuid is { Length: > 0 } uuid ? uuid : id,
            Licence = Attribution(entry.ExerciseLicence, entry.TextLicence, "exercise", "text"),
            Author = Attribution(entry.ExerciseAuthor, entry.TextAuthor, "exercise", "text"),
            Url = entry.Url,
        };

        // wger has no difficulty level: Intermediate, so that nothing unrated is offered as a first exercise.
        return ImportMapping.Build(slug, name, ExerciseKind.Strength, Level.Intermediate, primary, secondary, hamstringsCurl: false,
            equipment, cues, source);
    }

    private static string? Licence(JsonElement fields, Dictionary<long, string> licences) =>
        fields.ValueKind == JsonValueKind.Object && Long(fields, "license") is { } l ? licences.GetValueOrDefault(l, $"wger licence {l}") : null;

    internal static string? Author(JsonElement fields)
    {
        var author = fields.ValueKind == JsonValueKind.Object ? ImportMapping.String(fields, "license_author")?.Trim() : null;
        return string.IsNullOrEmpty(author) ? null : author;
    }

    // The exercise record and its English text carry a licence and author each; both are kept when they differ.
    internal static string? Attribution(string? exercise, string? text, string exerciseLabel, string textLabel) => (exercise, text) switch
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

    internal static List<(string? Model, long? Pk, JsonElement Fields)> Records(JsonElement root, string? model)
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

    internal static long? Long(JsonElement element, string property) =>
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

/// <summary>
/// One wger exercise as any of wger's layouts gives it, ids already turned into wger's names; <see cref="WgerImporter"/>
/// maps it. Licence and author are given for the exercise and for its English text: both are kept when they differ.
/// </summary>
internal sealed record WgerEntry(
    long Id,
    string? Uuid,
    string Name,
    string? Category,
    IReadOnlyList<string> PrimaryMuscles,
    IReadOnlyList<string> SecondaryMuscles,
    IReadOnlyList<string> Equipment,
    string? ExerciseLicence,
    string? ExerciseAuthor,
    string? TextLicence,
    string? TextAuthor,
    string? DescriptionHtml,
    IReadOnlyList<string> Comments,
    string? Url);
