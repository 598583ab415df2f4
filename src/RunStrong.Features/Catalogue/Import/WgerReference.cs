namespace RunStrong.Features.Catalogue.Import;

/// <summary>
/// wger's reference data by id: muscles, equipment, categories, licences and languages. An earlier release's single
/// <c>exercises.json</c> and the REST API's translations name these only by id. The ids are wger's seed data and have
/// not changed since wger 1.x: they are the same in wger 1.9, 2.1 and wger-project/wger at aaba2018 (2026), whose
/// fixtures (tests/fixtures/catalogues) the tests compare this table with. Later additions are appended there, so an
/// id missing here is shown as "muscle 17" and the entry reported, never guessed.
/// </summary>
public static class WgerReference
{
    /// <summary>wger's language id of English (<c>core.language</c> 2, short name <c>en</c>).</summary>
    public const long English = 2;

    /// <summary><c>exercises.muscle</c>: id -> Latin name (what <see cref="WgerImporter.Muscles"/> maps).</summary>
    public static IReadOnlyDictionary<long, string> Muscles { get; } = new Dictionary<long, string>
    {
        [1] = "Biceps brachii",
        [2] = "Anterior deltoid",
        [3] = "Serratus anterior",
        [4] = "Pectoralis major",
        [5] = "Triceps brachii",
        [6] = "Rectus abdominis",
        [7] = "Gastrocnemius",
        [8] = "Gluteus maximus",
        [9] = "Trapezius",
        [10] = "Quadriceps femoris",
        [11] = "Biceps femoris",
        [12] = "Latissimus dorsi",
        [13] = "Brachialis",
        [14] = "Obliquus externus abdominis",
        [15] = "Soleus",
        [16] = "Erector spinae",
    };

    /// <summary><c>exercises.equipment</c>: id -> name.</summary>
    public static IReadOnlyDictionary<long, string> Equipment { get; } = new Dictionary<long, string>
    {
        [1] = "Barbell",
        [2] = "SZ-Bar",
        [3] = "Dumbbell",
        [4] = "Gym mat",
        [5] = "Swiss Ball",
        [6] = "Pull-up bar",
        [7] = "none (bodyweight exercise)",
        [8] = "Bench",
        [9] = "Incline bench",
        [10] = "Kettlebell",
        [11] = "Resistance band",
        [12] = "Cable machine",
    };

    /// <summary><c>exercises.exercisecategory</c>: id -> name (wger 1.1 also had German ones, 1-7, removed since).</summary>
    public static IReadOnlyDictionary<long, string> Categories { get; } = new Dictionary<long, string>
    {
        [8] = "Arms",
        [9] = "Legs",
        [10] = "Abs",
        [11] = "Chest",
        [12] = "Back",
        [13] = "Shoulders",
        [14] = "Calves",
        [15] = "Cardio",
    };

    /// <summary><c>core.license</c>: id -> short name, as shown beside an entry.</summary>
    public static IReadOnlyDictionary<long, string> Licences { get; } = new Dictionary<long, string>
    {
        [1] = "CC-BY-SA 3",
        [2] = "CC-BY-SA 4",
        [3] = "CC0",
        [4] = "CC-BY 4",
        [5] = "ODbL",
    };

    /// <summary><c>core.language</c>: id -> short name, to say which language an entry was written in.</summary>
    public static IReadOnlyDictionary<long, string> Languages { get; } = new Dictionary<long, string>
    {
        [1] = "de", [2] = "en", [3] = "bg", [4] = "es", [5] = "ru", [6] = "nl", [7] = "pt", [8] = "el", [9] = "cs",
        [10] = "sv", [11] = "no", [12] = "fr", [13] = "it", [14] = "pl", [15] = "uk", [16] = "tr", [17] = "ar",
        [18] = "az", [19] = "eo", [20] = "fa", [21] = "he", [22] = "hr", [23] = "id", [24] = "zh", [25] = "sk",
        [26] = "sl", [27] = "ko", [28] = "th", [29] = "sr", [30] = "ta", [31] = "ro", [32] = "ca", [33] = "fi",
    };

    public static string Muscle(long id) => Muscles.GetValueOrDefault(id, $"muscle {id}");

    public static string EquipmentName(long id) => Equipment.GetValueOrDefault(id, $"equipment {id}");

    public static string? Category(long? id) => id is { } c ? Categories.GetValueOrDefault(c, $"category {c}") : null;

    public static string Licence(long id) => Licences.GetValueOrDefault(id, $"wger licence {id}");

    public static string Language(long id) => Languages.GetValueOrDefault(id, $"language {id}");
}
