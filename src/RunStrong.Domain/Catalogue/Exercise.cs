namespace RunStrong.Domain.Catalogue;

/// <summary>
/// One exercise of the catalogue: what it trains, what it needs, where it can be done, how to do it, and its
/// progression ladder (domain.md §2–3: bodyweight -> loop band -> barbell -> barbell plus band).
/// </summary>
public sealed record Exercise
{
    /// <summary>Kebab-case identifier, unique in the catalogue (<c>hip-thrust</c>).</summary>
    public required string Slug { get; init; }

    public required string Name { get; init; }

    public required ExerciseKind Kind { get; init; }

    public required IReadOnlyList<Muscle> PrimaryMuscles { get; init; }

    public IReadOnlyList<Muscle> SecondaryMuscles { get; init; } = [];

    public required IReadOnlyList<JointAction> JointActions { get; init; }

    /// <summary>Equipment the easiest variant needs (<see cref="Catalogue.Equipment.None"/> when nothing).</summary>
    public required IReadOnlyList<Equipment> Equipment { get; init; }

    public required IReadOnlyList<Location> Locations { get; init; }

    public required Level Level { get; init; }

    /// <summary>True for single-leg (unilateral) work: reps are logged per side.</summary>
    public bool SingleLeg { get; init; }

    /// <summary>The default dose for one set; progression moves within and beyond it.</summary>
    public required Dose Dose { get; init; }

    /// <summary>How-to cues, in RunStrong's own words.</summary>
    public IReadOnlyList<string> Cues { get; init; } = [];

    public IReadOnlyList<string> CommonMistakes { get; init; } = [];

    /// <summary>The progression ladder, easiest first. Never empty: an exercise with no ladder has one variant.</summary>
    public required IReadOnlyList<ExerciseVariant> Progression { get; init; }

    /// <summary>Where the entry came from, with licence and author for imported entries.</summary>
    public ExerciseSource Source { get; init; } = ExerciseSource.BuiltIn;

    /// <summary>
    /// Pictures of the exercise as a whole, when it has its own (imported entries carry their source's pictures here).
    /// Built-in entries leave it empty: their pictures are per rung (<see cref="ExerciseVariant.Pictures"/>).
    /// </summary>
    public IReadOnlyList<ExercisePicture> Pictures { get; init; } = [];

    /// <summary>
    /// The pictures that show the exercise at the top of its page and in plans: its own, else those of the first rung
    /// pictured by a photograph (a photo reads best at a glance), else those of the first rung with pictures.
    /// </summary>
    public IReadOnlyList<ExercisePicture> MainPictures =>
        Pictures.Count > 0
            ? Pictures
            : Progression.FirstOrDefault(v => v.Pictures.Any(p => p.IsPhoto))?.Pictures
              ?? Progression.FirstOrDefault(v => v.Pictures.Count > 0)?.Pictures
              ?? [];

    /// <summary>The pictures for one rung of the ladder (by slug), falling back to <see cref="MainPictures"/>.</summary>
    public IReadOnlyList<ExercisePicture> PicturesFor(string? variantSlug) =>
        Progression.FirstOrDefault(v => string.Equals(v.Slug, variantSlug, StringComparison.OrdinalIgnoreCase)) is { Pictures.Count: > 0 } variant
            ? variant.Pictures
            : MainPictures;

    /// <summary>
    /// The Garmin FIT exercise (category and name) a watch shows for this exercise, for rungs that name none of their
    /// own; null where the FIT profile has no such exercise. See <see cref="GarminExercise"/>.
    /// </summary>
    public GarminExercise? Garmin { get; init; }

    /// <summary>The Garmin FIT exercise for one rung (by slug): the rung's own, else the exercise's; null when neither has one.</summary>
    public GarminExercise? GarminFor(string? variantSlug) =>
        Progression.FirstOrDefault(v => string.Equals(v.Slug, variantSlug, StringComparison.OrdinalIgnoreCase))?.Garmin ?? Garmin;

    public bool Trains(JointAction action) => JointActions.Contains(action);

    public bool Loads(Muscle muscle) => PrimaryMuscles.Contains(muscle) || SecondaryMuscles.Contains(muscle);
}

/// <summary>One rung of a progression ladder, with the equipment it needs.</summary>
public sealed record ExerciseVariant
{
    /// <summary>Kebab-case identifier, unique within its exercise (<c>barbell-plus-band</c>).</summary>
    public required string Slug { get; init; }

    public required string Name { get; init; }

    /// <summary>Equipment this rung needs, all of it (<see cref="Catalogue.Equipment.None"/> alone for bodyweight).</summary>
    public required IReadOnlyList<Equipment> Equipment { get; init; }

    public required LoadKind Load { get; init; }

    /// <summary>A short note on how this rung differs from the one before.</summary>
    public string? Note { get; init; }

    /// <summary>The rung's start and end positions (built-in rungs have both; docs/decisions/0023).</summary>
    public IReadOnlyList<ExercisePicture> Pictures { get; init; } = [];

    /// <summary>The Garmin FIT exercise for this rung when it differs from its exercise's (barbell hip thrust vs hip raise).</summary>
    public GarminExercise? Garmin { get; init; }
}

/// <summary>
/// An exercise as Garmin's FIT profile names it, for workouts sent to a watch: the <c>exercise_category</c> value and the
/// exercise name from that category's <c>*_exercise_name</c> type, both kebab-case as the profile's names
/// (<c>hip-raise</c> / <c>barbell-hip-thrust-with-bench</c>; Garmin FIT SDK Profile.xlsx 21.217, the same profile as
/// <c>@garmin/fitsdk</c> 21.217.0's <c>src/profile.js</c>). The FIT writer turns them into the profile's numbers and
/// refuses names the profile does not have.
/// </summary>
public sealed record GarminExercise(string Category, string Name);

/// <summary>Which moment of a repetition a picture shows.</summary>
public enum PicturePosition
{
    Start,
    End,
}

/// <summary>
/// One picture of an exercise: a file, the position it shows, and alt text that says what the position is.
/// Built-in pictures are files under the web app's <c>img/exercises/</c>; an imported entry's are paths as its source
/// gave them, shown only when a copy is kept on the server (no picture is ever fetched from another host).
/// </summary>
public sealed record ExercisePicture
{
    /// <summary>Relative path, forward slashes, no <c>..</c>: <c>hip-thrust/barbell-start.jpg</c>.</summary>
    public required string File { get; init; }

    public required PicturePosition Position { get; init; }

    /// <summary>What the picture shows, for people who cannot see it: "Barbell hip thrust, start: shoulders on a bench…".</summary>
    public required string Alt { get; init; }

    /// <summary>Pixel size, so that pages reserve the space before the file arrives.</summary>
    public int Width { get; init; } = 480;

    public int Height { get; init; } = 320;

    /// <summary>Whose picture and under which licence ("free-exercise-db, Unlicense"); null for RunStrong's own figures.</summary>
    public string? Credit { get; init; }

    /// <summary>True for a photograph (JPEG), false for a drawn figure (SVG).</summary>
    public bool IsPhoto => File.EndsWith(".jpg", StringComparison.OrdinalIgnoreCase) || File.EndsWith(".jpeg", StringComparison.OrdinalIgnoreCase);

    /// <summary>True for a relative path that stays inside its folder: no scheme, no rooted path, no <c>..</c> segment.</summary>
    public static bool IsSafePath(string? file) =>
        !string.IsNullOrWhiteSpace(file) && !file.Contains(':') && !file.Contains('\\') && !file.StartsWith('/')
        && file.Split('/').All(segment => segment.Length > 0 && segment != "." && segment != "..");
}

/// <summary>
/// A set's prescription: a rep range, or a duration for holds, drills and sprints.
/// Ranges follow ACSM 2009 (novices 8–12 RM) unless the entry says otherwise.
/// </summary>
public sealed record Dose
{
    public int? RepsMin { get; init; }

    public int? RepsMax { get; init; }

    /// <summary>Seconds per repetition or hold (hill sprints 8 s, side-plank 30 s), when timed.</summary>
    public int? Seconds { get; init; }

    public int Sets { get; init; } = 3;

    public int RestSeconds { get; init; } = 90;

    public static Dose Reps(int min, int max, int sets = 3, int restSeconds = 90) =>
        new() { RepsMin = min, RepsMax = max, Sets = sets, RestSeconds = restSeconds };

    public static Dose Timed(int seconds, int sets = 1, int restSeconds = 60) =>
        new() { Seconds = seconds, Sets = sets, RestSeconds = restSeconds };
}

/// <summary>Provenance of a catalogue entry. Imported entries keep their source, licence and author (wger's CC licences require attribution).</summary>
public sealed record ExerciseSource
{
    /// <summary><c>runstrong</c> for built-in entries, <c>free-exercise-db</c> or <c>wger</c> for imports.</summary>
    public required string Name { get; init; }

    /// <summary>The entry's identifier at its source, so that re-import finds it again.</summary>
    public string? ExternalId { get; init; }

    public string? Licence { get; init; }

    public string? Author { get; init; }

    public string? Url { get; init; }

    public static ExerciseSource BuiltIn { get; } = new() { Name = "runstrong", Licence = "RunStrong" };
}
