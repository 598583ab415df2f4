using System.Text.Json;
using RunStrong.Domain.Catalogue;

namespace RunStrong.Features.Catalogue.Import;

/// <summary>
/// Imports yuhonas/free-exercise-db (Unlicense, public domain): its combined <c>dist/exercises.json</c> (an array) or
/// one of its one-exercise-per-file <c>exercises/&lt;id&gt;.json</c> (a single object of the same shape, see its
/// schema.json). Mapping, and why: docs/decisions/0010-catalogue-import-mapping.md.
/// </summary>
public static class FreeExerciseDbImporter
{
    public const string SourceName = "free-exercise-db";

    /// <summary>Prefix of every slug this importer gives: <c>fedb-barbell-hip-thrust</c>.</summary>
    public const string SlugPrefix = "fedb-";

    public const string Licence = "Unlicense";

    public const string Author = "free-exercise-db contributors (github.com/yuhonas/free-exercise-db)";

    /// <summary>
    /// free-exercise-db muscle names onto ours. "glutes" is the gluteus maximus: its entries that say "glutes" are
    /// hip-extension work (thrusts, bridges, squats); "abductors" are the hip abductors, gluteus medius above all.
    /// The upper-body muscles have no counterpart and are left out with a note.
    /// </summary>
    public static IReadOnlyDictionary<string, Muscle> Muscles { get; } = new Dictionary<string, Muscle>(StringComparer.OrdinalIgnoreCase)
    {
        ["glutes"] = Muscle.GluteusMaximus,
        ["abductors"] = Muscle.GluteusMedius,
        ["hamstrings"] = Muscle.Hamstrings,
        ["quadriceps"] = Muscle.Quadriceps,
        ["calves"] = Muscle.Calves,
        ["adductors"] = Muscle.Adductors,
        ["abdominals"] = Muscle.Core,
        ["lower back"] = Muscle.LowerBack,
    };

    /// <summary>
    /// free-exercise-db equipment onto ours. A missing (null) equipment is bodyweight: the source leaves it empty on
    /// bodyweight entries (Bodyweight Walking Lunge). Medicine ball, exercise ball, foam roll and "other" have no
    /// counterpart: such entries are not imported.
    /// </summary>
    public static IReadOnlyDictionary<string, Equipment> EquipmentNames { get; } = new Dictionary<string, Equipment>(StringComparer.OrdinalIgnoreCase)
    {
        ["body only"] = Equipment.None,
        ["bands"] = Equipment.LoopBand,
        ["barbell"] = Equipment.Barbell,
        ["e-z curl bar"] = Equipment.Barbell,
        ["dumbbell"] = Equipment.Dumbbell,
        ["kettlebells"] = Equipment.Kettlebell,
        ["machine"] = Equipment.Machine,
        ["cable"] = Equipment.Cable,
    };

    /// <summary>Categories that become RunStrong kinds; stretching and cardio have no kind in RunStrong and are not imported.</summary>
    public static IReadOnlyDictionary<string, ExerciseKind> Categories { get; } = new Dictionary<string, ExerciseKind>(StringComparer.OrdinalIgnoreCase)
    {
        ["strength"] = ExerciseKind.Strength,
        ["powerlifting"] = ExerciseKind.Strength,
        ["olympic weightlifting"] = ExerciseKind.Strength,
        ["strongman"] = ExerciseKind.Strength,
        ["plyometrics"] = ExerciseKind.Drill,
    };

    /// <summary>
    /// True when <paramref name="root"/> looks like free-exercise-db: an entry object, or an array holding entries
    /// (other elements of such an array are reported as unmapped, not a reason to refuse the file).
    /// </summary>
    public static bool Recognises(JsonElement root) => root.ValueKind switch
    {
        JsonValueKind.Object => IsEntry(root),
        JsonValueKind.Array => root.EnumerateArray().Any(IsEntry),
        _ => false,
    };

    /// <summary>Reads a free-exercise-db file (combined array or a single exercise). Never throws for bad input.</summary>
    public static CatalogueImportResult Read(string path)
    {
        using var document = ImportMapping.ReadJson(path, out var error);
        if (document is null)
        {
            return CatalogueImportResult.Failure(error!);
        }

        return Recognises(document.RootElement)
            ? CatalogueImportResult.Success(Import(document.RootElement))
            : CatalogueImportResult.Failure($"{path}: not a free-exercise-db file (expected an exercise object with id, name, primaryMuscles and equipment, or an array of them)");
    }

    /// <summary>
    /// Reads free-exercise-db's <c>exercises/</c> folder: every <c>*.json</c> in it is one exercise (its pictures are in
    /// sub-folders, not read here). A file that is not an exercise is reported by name and the others are imported.
    /// </summary>
    public static CatalogueImportResult ReadFolder(string folder)
    {
        string[] files;
        try
        {
            files = [.. Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return CatalogueImportResult.Failure($"{folder}: cannot list the folder ({e.Message})");
        }

        var documents = new List<JsonDocument>();
        var entries = new List<JsonElement>();
        var unmapped = new List<UnmappedEntry>();
        try
        {
            foreach (var file in files)
            {
                var document = ImportMapping.ReadJson(file, out var error);
                if (document is null)
                {
                    unmapped.Add(new UnmappedEntry(Path.GetFileName(file), "(file)", error!));
                    continue;
                }

                documents.Add(document);
                if (IsEntry(document.RootElement))
                {
                    entries.Add(document.RootElement);
                }
                else
                {
                    unmapped.Add(new UnmappedEntry(Path.GetFileName(file), "(file)", "not a free-exercise-db exercise (an object with id, name, primaryMuscles and equipment)"));
                }
            }

            if (entries.Count == 0)
            {
                return CatalogueImportResult.Failure(
                    $"{folder}: no free-exercise-db exercise files in this folder (expected exercises/<Id>.json files, each an object with id, name, primaryMuscles and equipment)");
            }

            return CatalogueImportResult.Success(Import(entries, unmapped));
        }
        finally
        {
            documents.ForEach(d => d.Dispose());
        }
    }

    /// <summary>Maps an array of entries or a single entry.</summary>
    public static CatalogueImportBatch Import(JsonElement root) =>
        Import(root.ValueKind == JsonValueKind.Array ? [.. root.EnumerateArray()] : [root], []);

    private static CatalogueImportBatch Import(IReadOnlyList<JsonElement> entries, List<UnmappedEntry> unmapped)
    {
        var mapped = new List<(string, Exercise)>();
        var notes = new List<string>();
        var number = 0;
        foreach (var entry in entries)
        {
            number++;
            var exercise = Map(entry, number, unmapped, notes);
            if (exercise is not null)
            {
                mapped.Add((exercise.Source.ExternalId!, exercise));
            }
        }

        return ImportMapping.Finish(SourceName, mapped, unmapped, notes);
    }

    private static bool IsEntry(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty("name", out _) && element.TryGetProperty("primaryMuscles", out _)
        && element.TryGetProperty("equipment", out _) && !element.TryGetProperty("slug", out _);

    private static Exercise? Map(JsonElement entry, int number, List<UnmappedEntry> unmapped, List<string> notes)
    {
        var id = ImportMapping.String(entry, "id");
        var name = ImportMapping.String(entry, "name")?.Trim();
        var label = id ?? $"entry {number}";
        if (string.IsNullOrWhiteSpace(id) || string.IsNullOrWhiteSpace(name))
        {
            unmapped.Add(new UnmappedEntry(label, name ?? "(no name)", "has no id or no name"));
            return null;
        }

        var category = ImportMapping.String(entry, "category") ?? "";
        if (!Categories.TryGetValue(category, out var kind))
        {
            unmapped.Add(new UnmappedEntry(id, name, $"category '{category}' is not strength work or a running drill"));
            return null;
        }

        var equipmentName = ImportMapping.String(entry, "equipment");
        var equipment = Equipment.None;
        if (equipmentName is not null && !EquipmentNames.TryGetValue(equipmentName, out equipment))
        {
            unmapped.Add(new UnmappedEntry(id, name, $"equipment '{equipmentName}' is not equipment RunStrong knows"));
            return null;
        }

        var primaryNames = Strings(entry, "primaryMuscles");
        var secondaryNames = Strings(entry, "secondaryMuscles");
        var primary = primaryNames.Where(Muscles.ContainsKey).Select(m => Muscles[m]).Distinct().ToArray();
        if (primary.Length == 0)
        {
            var listed = primaryNames.Count == 0 ? "no primary muscle listed" : $"primary muscles ({string.Join(", ", primaryNames)}) are not ones RunStrong tracks";
            unmapped.Add(new UnmappedEntry(id, name, listed));
            return null;
        }

        var secondary = secondaryNames.Where(Muscles.ContainsKey).Select(m => Muscles[m]).Distinct().Except(primary).ToArray();
        var dropped = primaryNames.Concat(secondaryNames).Where(m => !Muscles.ContainsKey(m)).Distinct().ToArray();
        var slug = ImportMapping.Slug(SlugPrefix, id);
        if (dropped.Length > 0)
        {
            notes.Add($"{slug}: left out muscles RunStrong does not track: {string.Join(", ", dropped)}");
        }

        var level = ImportMapping.String(entry, "level") switch
        {
            "beginner" => Level.Beginner,
            "expert" => Level.Advanced,
            _ => Level.Intermediate,
        };

        // An isolation pull with the hamstrings is a leg curl: knee flexion, not a hinge.
        var curl = ImportMapping.String(entry, "mechanic") == "isolation" && ImportMapping.String(entry, "force") == "pull";
        var source = new ExerciseSource
        {
            Name = SourceName,
            ExternalId = id,
            Licence = Licence,
            Author = Author,
            Url = $"https://github.com/yuhonas/free-exercise-db/blob/main/exercises/{Uri.EscapeDataString(id)}.json",
        };
        var cues = Strings(entry, "instructions").Select(s => s.Trim()).Where(s => s.Length > 0).ToArray();
        return ImportMapping.Build(slug, name, kind, level, primary, secondary, curl, [equipment], cues, source) with
        {
            Pictures = Pictures(entry, name),
        };
    }

    /// <summary>
    /// The entry's <c>images</c> (paths relative to its <c>exercises/</c> folder: <c>Barbell_Hip_Thrust/0.jpg</c> is the
    /// start, <c>1.jpg</c> the end), kept as references: shown only from a copy on the server (docs/decisions/0023).
    /// </summary>
    private static ExercisePicture[] Pictures(JsonElement entry, string name) =>
        Strings(entry, "images").Take(2).Where(ExercisePicture.IsSafePath).Select((file, i) => new ExercisePicture
        {
            File = file,
            Position = i == 0 ? PicturePosition.Start : PicturePosition.End,
            Alt = $"{name}, {(i == 0 ? "start" : "end")} position",
            Width = 850,
            Height = 567,
            Credit = $"{SourceName}, {Licence}",
        }).ToArray();

    private static List<string> Strings(JsonElement entry, string property)
    {
        if (!entry.TryGetProperty(property, out var array) || array.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return [.. array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!.Trim())];
    }
}
