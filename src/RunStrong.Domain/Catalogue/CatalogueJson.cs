using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace RunStrong.Domain.Catalogue;

/// <summary>What <see cref="CatalogueJson.Parse(string)"/> found: the sound entries, and a problem list naming each refused entry.</summary>
public sealed record CatalogueReadResult(IReadOnlyList<Exercise> Exercises, IReadOnlyList<CatalogueProblem> Problems)
{
    public bool HasProblems => Problems.Count > 0;
}

/// <summary>
/// The catalogue's JSON form: an array of entries, or <c>{"exercises": [...]}</c>. Property names are camelCase and
/// enum values kebab-case (<c>"primaryMuscles": ["gluteus-maximus"]</c>). Reading reports every problem by entry
/// (numbered from 1) instead of stopping at the first; an entry with any problem is refused, the others are kept.
/// Writing gives the object shape, which this reader reads back unchanged.
/// </summary>
public static class CatalogueJson
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    private static readonly HashSet<string> EntryFields =
    [
        "slug", "name", "kind", "primaryMuscles", "secondaryMuscles", "jointActions", "equipment", "locations", "level",
        "singleLeg", "dose", "cues", "commonMistakes", "progression", "source", "pictures", "garmin",
    ];

    private static readonly HashSet<string> DoseFields = ["sets", "repsMin", "repsMax", "seconds", "restSeconds"];
    private static readonly HashSet<string> VariantFields = ["slug", "name", "equipment", "load", "note", "pictures", "garmin"];
    private static readonly HashSet<string> GarminFields = ["category", "name"];
    private static readonly HashSet<string> PictureFields = ["file", "position", "alt", "width", "height", "credit"];
    private static readonly HashSet<string> SourceFields = ["name", "externalId", "licence", "author", "url"];

    /// <summary>Reads a catalogue document; never throws for bad input.</summary>
    public static CatalogueReadResult Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json, DocumentOptions);
            return Read(document.RootElement);
        }
        catch (JsonException e)
        {
            return NotJson(e);
        }
    }

    /// <summary>Reads a catalogue document from UTF-8 bytes; never throws for bad input.</summary>
    public static CatalogueReadResult Parse(Stream utf8Json)
    {
        try
        {
            using var document = JsonDocument.Parse(utf8Json, DocumentOptions);
            return Read(document.RootElement);
        }
        catch (JsonException e)
        {
            return NotJson(e);
        }
    }

    /// <summary>Reads one entry object (already parsed); <paramref name="entry"/> numbers it in messages.</summary>
    public static Exercise? ReadEntry(JsonElement element, int entry, List<CatalogueProblem> problems)
    {
        var messages = new List<string>();
        var exercise = ReadExercise(element, messages);
        var slug = element.ValueKind == JsonValueKind.Object && element.TryGetProperty("slug", out var s) && s.ValueKind == JsonValueKind.String
            ? s.GetString()
            : null;
        problems.AddRange(messages.Select(m => new CatalogueProblem(entry, slug, m)));
        return messages.Count == 0 ? exercise : null;
    }

    /// <summary>Writes entries as <c>{"exercises": [...]}</c>, indented, in the order given.</summary>
    public static string Serialize(IEnumerable<Exercise> exercises)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("exercises");
            foreach (var exercise in exercises)
            {
                Write(writer, exercise);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>Writes one entry as a JSON object (the shape of one element of the catalogue array).</summary>
    public static string SerializeEntry(Exercise exercise)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Write(writer, exercise);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static CatalogueReadResult NotJson(JsonException e) =>
        new([], [new CatalogueProblem(null, null, $"not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {FirstSentence(e.Message)}")]);

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }

    private static CatalogueReadResult Read(JsonElement root)
    {
        JsonElement entries;
        if (root.ValueKind == JsonValueKind.Array)
        {
            entries = root;
        }
        else if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("exercises", out var inner) && inner.ValueKind == JsonValueKind.Array)
        {
            entries = inner;
        }
        else
        {
            return new([], [new CatalogueProblem(null, null, "a catalogue is a JSON array of entries or an object {\"exercises\": [...]}")]);
        }

        var problems = new List<CatalogueProblem>();
        var read = new List<(int Entry, Exercise Exercise)>();
        var number = 0;
        foreach (var element in entries.EnumerateArray())
        {
            number++;
            if (ReadEntry(element, number, problems) is { } exercise)
            {
                read.Add((number, exercise));
            }
        }

        // Entries that read cleanly are then checked as a whole (rules and unique slugs); numbers stay the document's.
        var validation = CatalogueValidator.Validate(read.Select(r => r.Exercise).ToArray());
        var refused = new HashSet<int>();
        foreach (var problem in validation)
        {
            var documentEntry = read[problem.Entry!.Value - 1].Entry;
            refused.Add(documentEntry);
            problems.Add(problem with { Entry = documentEntry });
        }

        problems.Sort((a, b) => (a.Entry ?? 0).CompareTo(b.Entry ?? 0));
        return new(read.Where(r => !refused.Contains(r.Entry)).Select(r => r.Exercise).ToArray(), problems);
    }

    private static Exercise? ReadExercise(JsonElement element, List<string> problems)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"an entry must be a JSON object, not {Describe(element)}");
            return null;
        }

        CheckFields(element, EntryFields, "", problems);
        var slug = RequiredString(element, "slug", problems);
        var name = RequiredString(element, "name", problems);
        var kind = RequiredEnum<ExerciseKind>(element, "kind", "kind", problems);
        var primary = EnumList<Muscle>(element, "primaryMuscles", "muscle", required: true, problems);
        var secondary = EnumList<Muscle>(element, "secondaryMuscles", "muscle", required: false, problems);
        var actions = EnumList<JointAction>(element, "jointActions", "joint action", required: true, problems);
        var equipment = EnumList<Equipment>(element, "equipment", "equipment", required: true, problems);
        var locations = EnumList<Location>(element, "locations", "location", required: true, problems);
        var level = RequiredEnum<Level>(element, "level", "level", problems);
        var singleLeg = OptionalBool(element, "singleLeg", problems);
        var dose = ReadDose(element, problems);
        var cues = StringList(element, "cues", problems);
        var mistakes = StringList(element, "commonMistakes", problems);
        var progression = ReadProgression(element, problems);
        var source = ReadSource(element, problems);
        var pictures = ReadPictures(element, "", problems);
        var garmin = ReadGarmin(element, problems);

        if (problems.Count > 0)
        {
            return null;
        }

        return new Exercise
        {
            Slug = slug!,
            Name = name!,
            Kind = kind,
            PrimaryMuscles = primary,
            SecondaryMuscles = secondary,
            JointActions = actions,
            Equipment = equipment,
            Locations = locations,
            Level = level,
            SingleLeg = singleLeg,
            Dose = dose!,
            Cues = cues,
            CommonMistakes = mistakes,
            Progression = progression,
            Source = source,
            Pictures = pictures,
            Garmin = garmin,
        };
    }

    /// <summary>
    /// <c>"garmin": {"category": "hip-raise", "name": "hip-raise"}</c>: kebab-case names from Garmin's FIT profile (the
    /// FIT writer checks them against the profile; here only their shape).
    /// </summary>
    private static GarminExercise? ReadGarmin(JsonElement owner, List<string> problems)
    {
        if (!owner.TryGetProperty("garmin", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"'garmin' must be an object with 'category' and 'name', not {Describe(element)}");
            return null;
        }

        var own = new List<string>();
        CheckFields(element, GarminFields, "", own);
        var category = RequiredString(element, "category", own);
        var name = RequiredString(element, "name", own);
        foreach (var (field, value) in new[] { ("category", category), ("name", name) })
        {
            if (value is not null && !Regex.IsMatch(value, "^[a-z0-9]+(-[a-z0-9]+)*$"))
            {
                own.Add($"'{field}' must be a kebab-case name from Garmin's FIT profile (hip-raise), not '{value}'");
            }
        }

        problems.AddRange(own.Select(p => $"garmin: {p}"));
        return own.Count == 0 ? new GarminExercise(category!, name!) : null;
    }

    private static List<ExercisePicture> ReadPictures(JsonElement owner, string label, List<string> problems)
    {
        if (!owner.TryGetProperty("pictures", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (element.ValueKind != JsonValueKind.Array)
        {
            problems.Add($"{label}'pictures' must be an array, not {Describe(element)}");
            return [];
        }

        var pictures = new List<ExercisePicture>();
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            index++;
            var where = $"{label}picture {index}";
            if (item.ValueKind != JsonValueKind.Object)
            {
                problems.Add($"{where} must be an object, not {Describe(item)}");
                continue;
            }

            var itemProblems = new List<string>();
            CheckFields(item, PictureFields, "", itemProblems);
            var file = RequiredString(item, "file", itemProblems);
            var position = RequiredEnum<PicturePosition>(item, "position", "picture position", itemProblems);
            var alt = RequiredString(item, "alt", itemProblems);
            var width = OptionalInt(item, "width", "width", itemProblems) ?? 480;
            var height = OptionalInt(item, "height", "height", itemProblems) ?? 320;
            var credit = OptionalString(item, "credit", itemProblems);
            if (file is not null && !ExercisePicture.IsSafePath(file))
            {
                itemProblems.Add($"'file' must be a relative path inside the pictures folder (no '..', no scheme, no leading '/'), not '{file}'");
            }

            if (alt is not null && string.IsNullOrWhiteSpace(alt))
            {
                itemProblems.Add("'alt' must say what the picture shows");
            }

            if (width is < 16 or > 4096 || height is < 16 or > 4096)
            {
                itemProblems.Add($"'width' and 'height' must be between 16 and 4096 pixels, not {width}×{height}");
            }

            problems.AddRange(itemProblems.Select(p => $"{where}: {p}"));
            if (itemProblems.Count == 0)
            {
                pictures.Add(new ExercisePicture { File = file!, Position = position, Alt = alt!, Width = width, Height = height, Credit = credit });
            }
        }

        return pictures;
    }

    private static Dose? ReadDose(JsonElement entry, List<string> problems)
    {
        if (!entry.TryGetProperty("dose", out var element))
        {
            problems.Add("missing 'dose'");
            return null;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"'dose' must be an object, not {Describe(element)}");
            return null;
        }

        CheckFields(element, DoseFields, "dose.", problems);
        return new Dose
        {
            Sets = OptionalInt(element, "sets", "dose.sets", problems) ?? 3,
            RepsMin = OptionalInt(element, "repsMin", "dose.repsMin", problems),
            RepsMax = OptionalInt(element, "repsMax", "dose.repsMax", problems),
            Seconds = OptionalInt(element, "seconds", "dose.seconds", problems),
            RestSeconds = OptionalInt(element, "restSeconds", "dose.restSeconds", problems) ?? 90,
        };
    }

    private static List<ExerciseVariant> ReadProgression(JsonElement entry, List<string> problems)
    {
        if (!entry.TryGetProperty("progression", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            problems.Add("missing 'progression'");
            return [];
        }

        if (element.ValueKind != JsonValueKind.Array)
        {
            problems.Add($"'progression' must be an array, not {Describe(element)}");
            return [];
        }

        var variants = new List<ExerciseVariant>();
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            index++;
            var label = $"progression {index}";
            if (item.ValueKind != JsonValueKind.Object)
            {
                problems.Add($"{label} must be an object, not {Describe(item)}");
                continue;
            }

            var before = problems.Count;
            var itemProblems = new List<string>();
            CheckFields(item, VariantFields, "", itemProblems);
            var slug = RequiredString(item, "slug", itemProblems);
            var name = RequiredString(item, "name", itemProblems);
            var equipment = EnumList<Equipment>(item, "equipment", "equipment", required: true, itemProblems);
            var load = RequiredEnum<LoadKind>(item, "load", "load", itemProblems);
            var note = OptionalString(item, "note", itemProblems);
            var pictures = ReadPictures(item, "", itemProblems);
            var garmin = ReadGarmin(item, itemProblems);
            problems.AddRange(itemProblems.Select(p => $"{label}{(slug is null ? "" : $" '{slug}'")}: {p}"));
            if (problems.Count == before)
            {
                variants.Add(new ExerciseVariant { Slug = slug!, Name = name!, Equipment = equipment, Load = load, Note = note, Pictures = pictures, Garmin = garmin });
            }
        }

        return variants;
    }

    private static ExerciseSource ReadSource(JsonElement entry, List<string> problems)
    {
        if (!entry.TryGetProperty("source", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return ExerciseSource.BuiltIn;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"'source' must be an object, not {Describe(element)}");
            return ExerciseSource.BuiltIn;
        }

        CheckFields(element, SourceFields, "source.", problems);
        var sourceProblems = new List<string>();
        var name = RequiredString(element, "name", sourceProblems);
        var source = new ExerciseSource
        {
            Name = name ?? "",
            ExternalId = OptionalString(element, "externalId", sourceProblems),
            Licence = OptionalString(element, "licence", sourceProblems),
            Author = OptionalString(element, "author", sourceProblems),
            Url = OptionalString(element, "url", sourceProblems),
        };
        problems.AddRange(sourceProblems.Select(p => "source: " + p));
        return source == ExerciseSource.BuiltIn ? ExerciseSource.BuiltIn : source;
    }

    private static void CheckFields(JsonElement element, HashSet<string> known, string prefix, List<string> problems)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (!known.Contains(property.Name))
            {
                problems.Add($"unknown field '{prefix}{property.Name}'");
            }
        }
    }

    private static string? RequiredString(JsonElement element, string field, List<string> problems)
    {
        if (!element.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            problems.Add($"missing '{field}'");
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            problems.Add($"'{field}' must be a string, not {Describe(value)}");
            return null;
        }

        return value.GetString();
    }

    private static string? OptionalString(JsonElement element, string field, List<string> problems)
    {
        if (!element.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            problems.Add($"'{field}' must be a string, not {Describe(value)}");
            return null;
        }

        return value.GetString();
    }

    private static bool OptionalBool(JsonElement element, string field, List<string> problems)
    {
        if (!element.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return false;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        problems.Add($"'{field}' must be true or false, not {Describe(value)}");
        return false;
    }

    private static int? OptionalInt(JsonElement element, string field, string label, List<string> problems)
    {
        if (!element.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number))
        {
            return number;
        }

        problems.Add($"'{label}' must be a whole number, not {Describe(value)}");
        return null;
    }

    private static TEnum RequiredEnum<TEnum>(JsonElement element, string field, string what, List<string> problems)
        where TEnum : struct, Enum
    {
        var text = RequiredString(element, field, problems);
        if (text is null)
        {
            return default;
        }

        if (Kebab.TryParse<TEnum>(text, out var value))
        {
            return value;
        }

        problems.Add($"unknown {what} '{text}' (expected one of: {string.Join(", ", Kebab.Names<TEnum>())})");
        return default;
    }

    private static TEnum[] EnumList<TEnum>(JsonElement element, string field, string what, bool required, List<string> problems)
        where TEnum : struct, Enum
    {
        if (!element.TryGetProperty(field, out var array) || array.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                problems.Add($"missing '{field}'");
            }

            return [];
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            problems.Add($"'{field}' must be an array, not {Describe(array)}");
            return [];
        }

        var values = new List<TEnum>();
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && Kebab.TryParse<TEnum>(item.GetString(), out var value))
            {
                values.Add(value);
            }
            else
            {
                var shown = item.ValueKind == JsonValueKind.String ? $"'{item.GetString()}'" : Describe(item);
                problems.Add($"unknown {what} {shown} in '{field}' (expected one of: {string.Join(", ", Kebab.Names<TEnum>())})");
            }
        }

        return [.. values];
    }

    private static string[] StringList(JsonElement element, string field, List<string> problems)
    {
        if (!element.TryGetProperty(field, out var array) || array.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            problems.Add($"'{field}' must be an array of strings, not {Describe(array)}");
            return [];
        }

        var values = new List<string>();
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                values.Add(item.GetString()!);
            }
            else
            {
                problems.Add($"'{field}' must hold strings, not {Describe(item)}");
            }
        }

        return [.. values];
    }

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"the string '{element.GetString()}'",
        JsonValueKind.Number => $"the number {element.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => element.GetRawText(),
        _ => "null",
    };

    private static void Write(Utf8JsonWriter writer, Exercise exercise)
    {
        writer.WriteStartObject();
        writer.WriteString("slug", exercise.Slug);
        writer.WriteString("name", exercise.Name);
        writer.WriteString("kind", Kebab.Name(exercise.Kind));
        WriteEnums(writer, "primaryMuscles", exercise.PrimaryMuscles);
        WriteEnums(writer, "secondaryMuscles", exercise.SecondaryMuscles);
        WriteEnums(writer, "jointActions", exercise.JointActions);
        WriteEnums(writer, "equipment", exercise.Equipment);
        WriteEnums(writer, "locations", exercise.Locations);
        writer.WriteString("level", Kebab.Name(exercise.Level));
        writer.WriteBoolean("singleLeg", exercise.SingleLeg);
        writer.WriteStartObject("dose");
        writer.WriteNumber("sets", exercise.Dose.Sets);
        WriteOptional(writer, "repsMin", exercise.Dose.RepsMin);
        WriteOptional(writer, "repsMax", exercise.Dose.RepsMax);
        WriteOptional(writer, "seconds", exercise.Dose.Seconds);
        writer.WriteNumber("restSeconds", exercise.Dose.RestSeconds);
        writer.WriteEndObject();
        WriteStrings(writer, "cues", exercise.Cues);
        WriteStrings(writer, "commonMistakes", exercise.CommonMistakes);
        writer.WriteStartArray("progression");
        foreach (var variant in exercise.Progression)
        {
            writer.WriteStartObject();
            writer.WriteString("slug", variant.Slug);
            writer.WriteString("name", variant.Name);
            WriteEnums(writer, "equipment", variant.Equipment);
            writer.WriteString("load", Kebab.Name(variant.Load));
            if (variant.Note is not null)
            {
                writer.WriteString("note", variant.Note);
            }

            WritePictures(writer, variant.Pictures);
            WriteGarmin(writer, variant.Garmin);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (exercise.Source != ExerciseSource.BuiltIn)
        {
            writer.WriteStartObject("source");
            writer.WriteString("name", exercise.Source.Name);
            WriteOptional(writer, "externalId", exercise.Source.ExternalId);
            WriteOptional(writer, "licence", exercise.Source.Licence);
            WriteOptional(writer, "author", exercise.Source.Author);
            WriteOptional(writer, "url", exercise.Source.Url);
            writer.WriteEndObject();
        }

        WritePictures(writer, exercise.Pictures);
        WriteGarmin(writer, exercise.Garmin);
        writer.WriteEndObject();
    }

    private static void WriteGarmin(Utf8JsonWriter writer, GarminExercise? garmin)
    {
        if (garmin is null)
        {
            return;
        }

        writer.WriteStartObject("garmin");
        writer.WriteString("category", garmin.Category);
        writer.WriteString("name", garmin.Name);
        writer.WriteEndObject();
    }

    private static void WritePictures(Utf8JsonWriter writer, IReadOnlyList<ExercisePicture> pictures)
    {
        if (pictures.Count == 0)
        {
            return;
        }

        writer.WriteStartArray("pictures");
        foreach (var picture in pictures)
        {
            writer.WriteStartObject();
            writer.WriteString("file", picture.File);
            writer.WriteString("position", Kebab.Name(picture.Position));
            writer.WriteString("alt", picture.Alt);
            writer.WriteNumber("width", picture.Width);
            writer.WriteNumber("height", picture.Height);
            WriteOptional(writer, "credit", picture.Credit);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteEnums<TEnum>(Utf8JsonWriter writer, string field, IEnumerable<TEnum> values) where TEnum : struct, Enum
    {
        writer.WriteStartArray(field);
        foreach (var value in values)
        {
            writer.WriteStringValue(Kebab.Name(value));
        }

        writer.WriteEndArray();
    }

    private static void WriteStrings(Utf8JsonWriter writer, string field, IEnumerable<string> values)
    {
        writer.WriteStartArray(field);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static void WriteOptional(Utf8JsonWriter writer, string field, int? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(field, number);
        }
    }

    private static void WriteOptional(Utf8JsonWriter writer, string field, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(field, value);
        }
    }
}
