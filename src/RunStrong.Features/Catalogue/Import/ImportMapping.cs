using System.Text.Json;
using RunStrong.Domain.Catalogue;

namespace RunStrong.Features.Catalogue.Import;

/// <summary>
/// What both importers share: the decisions that turn an outside entry (muscles, equipment, a name) into a RunStrong
/// entry. These are judgements, documented in docs/decisions/0010-catalogue-import-mapping.md.
/// </summary>
internal static class ImportMapping
{
    /// <summary>Longest slug an import produces (prefix included), cut at a hyphen.</summary>
    public const int MaxSlugLength = 80;

    private static readonly HashSet<Equipment> Weights =
        [Equipment.Barbell, Equipment.Dumbbell, Equipment.Kettlebell, Equipment.Cable, Equipment.Machine, Equipment.HipThrustMachine];

    private static readonly string[] SingleLegWords =
        ["single leg", "single-leg", "one leg", "one-leg", "one legged", "one-legged", "unilateral", "lunge", "split squat",
         "step-up", "step up", "pistol"];

    /// <summary>
    /// Joint actions inferred from muscles: gluteus maximus -> hip extension; hamstrings -> hip extension when the
    /// gluteus maximus works too (hinges, bridges), else knee flexion (leg curls); quadriceps -> knee extension;
    /// calves -> plantar flexion; gluteus medius/minimus -> hip abduction; adductors -> hip adduction; core and lower
    /// back -> trunk stability; hip flexors -> hip flexion. The gluteus maximus as a secondary muscle also adds hip
    /// extension (squats and lunges list it so). <paramref name="hamstringsCurl"/> forces knee flexion for hamstrings.
    /// </summary>
    public static JointAction[] InferJointActions(IReadOnlyList<Muscle> primary, IReadOnlyList<Muscle> secondary, bool hamstringsCurl)
    {
        var actions = new List<JointAction>();
        var gluteMax = primary.Contains(Muscle.GluteusMaximus) || secondary.Contains(Muscle.GluteusMaximus);
        foreach (var muscle in primary)
        {
            actions.Add(muscle switch
            {
                Muscle.GluteusMaximus => JointAction.HipExtension,
                Muscle.Hamstrings => gluteMax && !hamstringsCurl ? JointAction.HipExtension : JointAction.KneeFlexion,
                Muscle.Quadriceps => JointAction.KneeExtension,
                Muscle.Calves => JointAction.PlantarFlexion,
                Muscle.GluteusMedius or Muscle.GluteusMinimus => JointAction.HipAbduction,
                Muscle.Adductors => JointAction.HipAdduction,
                Muscle.HipFlexors => JointAction.HipFlexion,
                Muscle.Shins => JointAction.Dorsiflexion,
                _ => JointAction.TrunkStability,
            });
        }

        if (secondary.Contains(Muscle.GluteusMaximus))
        {
            actions.Add(JointAction.HipExtension);
        }

        return [.. actions.Distinct()];
    }

    /// <summary>
    /// Where an exercise can be done, from what it needs: nothing or a band -> home, gym, outdoors; dumbbells,
    /// kettlebells, a bench or a step -> home and gym (for runners who own them); barbell, cable, machine -> gym.
    /// </summary>
    public static Location[] InferLocations(IReadOnlyCollection<Equipment> equipment)
    {
        if (equipment.Any(e => e is Equipment.Barbell or Equipment.Cable or Equipment.Machine or Equipment.HipThrustMachine))
        {
            return [Location.Gym];
        }

        return equipment.All(e => e is Equipment.None or Equipment.LoopBand)
            ? [Location.Home, Location.Gym, Location.Outdoors]
            : [Location.Home, Location.Gym];
    }

    public static LoadKind InferLoad(IReadOnlyCollection<Equipment> equipment)
    {
        var band = equipment.Contains(Equipment.LoopBand);
        var weight = equipment.Any(Weights.Contains);
        return (band, weight) switch
        {
            (true, true) => LoadKind.ExternalPlusBand,
            (false, true) => LoadKind.External,
            (true, false) => LoadKind.Band,
            _ => LoadKind.Bodyweight,
        };
    }

    /// <summary>Single-leg when the name says so (single leg, one-legged, lunge, split squat, step-up, pistol).</summary>
    public static bool InferSingleLeg(string name) =>
        SingleLegWords.Any(w => name.Contains(w, StringComparison.OrdinalIgnoreCase));

    /// <summary>Default dose of an imported entry: ACSM 2009 novices, 3 × 8–12 (drills 2 × 5–10); sources give none.</summary>
    public static Dose DefaultDose(ExerciseKind kind) =>
        kind == ExerciseKind.Drill ? Dose.Reps(5, 10, sets: 2, restSeconds: 60) : Dose.Reps(8, 12, sets: 3, restSeconds: 90);

    /// <summary>A stable slug: prefix + kebab-case of the source's id or name, cut at a hyphen to <see cref="MaxSlugLength"/>.</summary>
    public static string Slug(string prefix, string text)
    {
        var slug = prefix + Kebab.Slugify(text);
        slug = slug.TrimEnd('-');
        if (slug.Length <= MaxSlugLength)
        {
            return slug;
        }

        var cut = slug.LastIndexOf('-', MaxSlugLength);
        return slug[..(cut > prefix.Length ? cut : MaxSlugLength)].TrimEnd('-');
    }

    /// <summary>Builds the entry (one progression rung: outside catalogues have no ladders); <see cref="Finish"/> validates it.</summary>
    public static Exercise Build(
        string slug, string name, ExerciseKind kind, Level level, IReadOnlyList<Muscle> primary, IReadOnlyList<Muscle> secondary,
        bool hamstringsCurl, IReadOnlyList<Equipment> equipment, IReadOnlyList<string> cues, ExerciseSource source)
    {
        var load = InferLoad(equipment);
        return new Exercise
        {
            Slug = slug,
            Name = name,
            Kind = kind,
            PrimaryMuscles = primary,
            SecondaryMuscles = [.. secondary.Distinct().Except(primary)],
            JointActions = InferJointActions(primary, secondary, hamstringsCurl),
            Equipment = equipment,
            Locations = InferLocations(equipment),
            Level = level,
            SingleLeg = InferSingleLeg(name),
            Dose = DefaultDose(kind),
            Cues = cues,
            Progression = [new ExerciseVariant { Slug = Kebab.Name(load), Name = name, Equipment = equipment, Load = load }],
            Source = source,
        };
    }

    /// <summary>Keeps entries that pass the validator (and have unique slugs); reports the others as unmapped.</summary>
    public static CatalogueImportBatch Finish(
        string sourceName, List<(string Id, Exercise Exercise)> mapped, List<UnmappedEntry> unmapped, List<string> notes)
    {
        var kept = new List<Exercise>();
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (id, exercise) in mapped)
        {
            var problems = CatalogueValidator.ValidateEntry(exercise);
            if (problems.Count > 0)
            {
                unmapped.Add(new UnmappedEntry(id, exercise.Name, "does not pass RunStrong's checks: " + string.Join("; ", problems)));
            }
            else if (!slugs.Add(exercise.Slug))
            {
                unmapped.Add(new UnmappedEntry(id, exercise.Name, $"gives the slug '{exercise.Slug}' that an earlier entry already has"));
            }
            else
            {
                kept.Add(exercise);
            }
        }

        return new CatalogueImportBatch(sourceName, kept, unmapped, notes);
    }

    /// <summary>Reads and parses a JSON file; an error message naming the file instead of an exception.</summary>
    public static JsonDocument? ReadJson(string path, out string? error)
    {
        error = null;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                error = $"{path}: file not found";
                return null;
            }

            if (info.Length > 200L * 1024 * 1024)
            {
                error = $"{path}: {info.Length / (1024 * 1024)} MB is too large for a catalogue file";
                return null;
            }

            var document = ParseValues(File.ReadAllBytes(path));
            if (document is null)
            {
                error = $"{path}: empty file";
            }

            return document;
        }
        catch (JsonException e)
        {
            error = $"{path}: not JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            error = $"{path}: cannot be read ({e.Message})";
        }

        return null;
    }

    /// <summary>
    /// One JSON value, or several written one after the other (what <c>curl PAGE1 PAGE2 &gt; file</c> leaves of a paged
    /// API): those become one array of the values, in order.
    /// </summary>
    private static JsonDocument? ParseValues(byte[] bytes)
    {
        ReadOnlySpan<byte> text = bytes;
        if (text.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            text = text[3..];
        }

        var reader = new Utf8JsonReader(text, new JsonReaderOptions
        {
            AllowTrailingCommas = true,
            CommentHandling = JsonCommentHandling.Skip,
            AllowMultipleValues = true,
        });
        var values = new List<JsonDocument>();
        try
        {
            while (reader.Read())
            {
                values.Add(JsonDocument.ParseValue(ref reader));
            }

            if (values.Count == 0)
            {
                return null;
            }

            if (values.Count == 1)
            {
                var single = values[0];
                values.Clear();
                return single;
            }

            var joined = "[" + string.Join(",", values.Select(v => v.RootElement.GetRawText())) + "]";
            return JsonDocument.Parse(joined);
        }
        finally
        {
            values.ForEach(v => v.Dispose());
        }
    }

    public static string? String(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
