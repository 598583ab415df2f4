using RunStrong.Domain.Catalogue;

namespace RunStrong.Domain.Tests.Catalogue;

public class CatalogueJsonTests
{
    // A sound entry; each broken snippet below changes one thing in it.
    private const string Sound = """
        {
          "slug": "hip-thrust", "name": "Hip thrust", "kind": "strength",
          "primaryMuscles": ["gluteus-maximus"], "secondaryMuscles": ["hamstrings"],
          "jointActions": ["hip-extension"], "equipment": ["bench"], "locations": ["home", "gym"], "level": "beginner",
          "dose": { "sets": 3, "repsMin": 8, "repsMax": 12, "restSeconds": 90 },
          "cues": ["Drive through the heels."],
          "progression": [
            { "slug": "bodyweight", "name": "Bodyweight", "equipment": ["bench"], "load": "bodyweight" },
            { "slug": "banded", "name": "Banded", "equipment": ["bench", "loop-band"], "load": "band" }
          ]
        }
        """;

    [Fact]
    public void Parse_SoundEntry_InArrayOrObject_ReadsIt()
    {
        foreach (var json in new[] { $"[{Sound}]", $$"""{"exercises": [{{Sound}}]}""" })
        {
            var result = CatalogueJson.Parse(json);

            Assert.Empty(result.Problems);
            var exercise = Assert.Single(result.Exercises);
            Assert.Equal("hip-thrust", exercise.Slug);
            Assert.Equal([Muscle.GluteusMaximus], exercise.PrimaryMuscles);
            Assert.Equal(LoadKind.Band, exercise.Progression[1].Load);
            Assert.Equal(12, exercise.Dose.RepsMax);
            Assert.Equal(ExerciseSource.BuiltIn, exercise.Source);
        }
    }

    [Theory]
    [InlineData("\"primaryMuscles\": [\"gluteus-maximus\"]", "\"primaryMuscles\": [\"glutes\"]", "entry 2 'hip-thrust': unknown muscle 'glutes'")]
    [InlineData("\"primaryMuscles\": [\"gluteus-maximus\"]", "\"primaryMuscles\": []", "entry 2 'hip-thrust': needs at least one primary muscle")]
    [InlineData("\"jointActions\": [\"hip-extension\"]", "\"jointActions\": []", "entry 2 'hip-thrust': needs at least one joint action")]
    [InlineData("\"locations\": [\"home\", \"gym\"]", "\"locations\": []", "entry 2 'hip-thrust': needs at least one location")]
    [InlineData("\"slug\": \"hip-thrust\"", "\"slug\": \"Hip Thrust\"", "entry 2 'Hip Thrust': slug 'Hip Thrust' is not kebab-case")]
    [InlineData("\"name\": \"Hip thrust\"", "\"name\": \" \"", "entry 2 'hip-thrust': name is empty")]
    [InlineData("\"kind\": \"strength\"", "\"kind\": \"cardio\"", "entry 2 'hip-thrust': unknown kind 'cardio'")]
    [InlineData("\"repsMin\": 8, \"repsMax\": 12", "\"repsMin\": 12, \"repsMax\": 8", "entry 2 'hip-thrust': dose: reps 12–8")]
    [InlineData("\"repsMin\": 8, \"repsMax\": 12", "\"repsMin\": 8, \"repsMax\": 12, \"seconds\": 30", "entry 2 'hip-thrust': dose: give either reps (repsMin/repsMax) or seconds, not both")]
    [InlineData("\"repsMin\": 8, \"repsMax\": 12", "\"rest\": 30", "entry 2 'hip-thrust': unknown field 'dose.rest'")]
    [InlineData("\"sets\": 3", "\"sets\": 0", "entry 2 'hip-thrust': dose: sets must be 1 to 10, not 0")]
    [InlineData("\"sets\": 3", "\"sets\": 25", "entry 2 'hip-thrust': dose: sets must be 1 to 10, not 25")]
    [InlineData("\"secondaryMuscles\": [\"hamstrings\"]", "\"secondaryMuscles\": [\"gluteus-maximus\"]", "entry 2 'hip-thrust': muscle 'gluteus-maximus' is both primary and secondary")]
    [InlineData("\"equipment\": [\"bench\", \"loop-band\"]", "\"equipment\": []", "entry 2 'hip-thrust': needs at least one progression 2 'banded' equipment")]
    [InlineData("\"equipment\": [\"bench\", \"loop-band\"]", "\"equipment\": [\"bench\"]", "entry 2 'hip-thrust': progression 2 'banded': a band rung needs 'loop-band'")]
    [InlineData("\"slug\": \"banded\"", "\"slug\": \"bodyweight\"", "entry 2 'hip-thrust': progression 2 'bodyweight': variant slug is used twice")]
    [InlineData("\"load\": \"band\"", "\"load\": \"heavy\"", "entry 2 'hip-thrust': progression 2 'banded': unknown load 'heavy'")]
    [InlineData("\"equipment\": [\"bench\"], \"locations\"", "\"equipment\": [\"none\"], \"locations\"", "entry 2 'hip-thrust': equipment (none) must be that of the easiest variant 'bodyweight' (bench)")]
    [InlineData("\"cues\": [", "\"cue\": [", "entry 2 'hip-thrust': unknown field 'cue'")]
    [InlineData("\"level\": \"beginner\",", "", "entry 2 'hip-thrust': missing 'level'")]
    [InlineData("\"level\": \"beginner\",", "\"level\": \"beginner\", \"garmin\": {\"category\": \"Hip Raise\", \"name\": \"hip-raise\"},", "entry 2 'hip-thrust': garmin: 'category' must be a kebab-case name from Garmin's FIT profile (hip-raise), not 'Hip Raise'")]
    [InlineData("\"level\": \"beginner\",", "\"level\": \"beginner\", \"garmin\": {\"category\": \"hip-raise\"},", "entry 2 'hip-thrust': garmin: missing 'name'")]
    [InlineData("\"load\": \"band\"", "\"load\": \"band\", \"garmin\": \"hip-raise\"", "entry 2 'hip-thrust': progression 2 'banded': 'garmin' must be an object with 'category' and 'name', not the string 'hip-raise'")]
    public void Parse_BrokenEntry_IsRefusedWithAMessageNamingIt(string find, string replace, string expected)
    {
        var broken = Sound.Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEqual(Sound, broken);
        var other = Sound.Replace("\"slug\": \"hip-thrust\"", "\"slug\": \"glute-bridge\"", StringComparison.Ordinal);

        var result = CatalogueJson.Parse($"[{other}, {broken}]");

        Assert.Contains(result.Problems, p => p.ToString().StartsWith(expected, StringComparison.Ordinal));
        Assert.All(result.Problems, p => Assert.Equal(2, p.Entry));
        Assert.Equal(["glute-bridge"], result.Exercises.Select(e => e.Slug));
    }

    [Fact]
    public void Parse_HillWorkIndoors_IsRefused()
    {
        const string json = """
            [{ "slug": "hill-sprints", "name": "Hill sprints", "kind": "hill", "primaryMuscles": ["gluteus-maximus"],
               "jointActions": ["hip-extension"], "equipment": ["none"], "locations": ["gym"], "level": "beginner",
               "dose": { "sets": 2, "seconds": 8 },
               "progression": [{ "slug": "sprint", "name": "Sprint", "equipment": ["none"], "load": "bodyweight" }] }]
            """;

        var problems = CatalogueJson.Parse(json).Problems.Select(p => p.ToString()).ToArray();

        Assert.Contains("entry 1 'hill-sprints': hill work needs the equipment 'hill'", problems);
        Assert.Contains("entry 1 'hill-sprints': hill work must list the location 'outdoors'", problems);
    }

    [Fact]
    public void Parse_DuplicateSlug_RefusesTheSecondNamingTheFirst()
    {
        var result = CatalogueJson.Parse($"[{Sound}, {Sound}]");

        Assert.Equal("entry 2 'hip-thrust': slug already used by entry 1", Assert.Single(result.Problems).ToString());
        Assert.Single(result.Exercises);
    }

    [Theory]
    [InlineData("not json at all", "not valid JSON (line 1")]
    [InlineData("[{\"slug\": ", "not valid JSON")]
    [InlineData("{\"items\": []}", "a catalogue is a JSON array of entries or an object {\"exercises\": [...]}")]
    [InlineData("42", "a catalogue is a JSON array")]
    [InlineData("[42]", "entry 1: an entry must be a JSON object, not the number 42")]
    [InlineData("[{\"slug\": 5}]", "entry 1: 'slug' must be a string, not the number 5")]
    public void Parse_BadDocument_ReportsWhatIsWrong(string json, string expected)
    {
        var result = CatalogueJson.Parse(json);

        Assert.Empty(result.Exercises);
        Assert.StartsWith(expected, result.Problems[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_KeepsImportedSourceAndEnumsKebabCase()
    {
        var exercise = CatalogueJson.Parse($"[{Sound}]").Exercises[0] with
        {
            Source = new ExerciseSource { Name = "wger", ExternalId = "abc", Licence = "CC-BY-SA 4", Author = "someone", Url = "https://wger.de/" },
        };

        var json = CatalogueJson.Serialize([exercise]);
        var back = CatalogueJson.Parse(json);

        Assert.Contains("\"gluteus-maximus\"", json, StringComparison.Ordinal);
        Assert.Contains("\"loop-band\"", json, StringComparison.Ordinal);
        Assert.Empty(back.Problems);
        Assert.Equal(exercise.Source, back.Exercises[0].Source);
        Assert.Equal(json, CatalogueJson.Serialize(back.Exercises));
    }

    [Fact]
    public void Garmin_exercise_of_an_entry_and_of_a_rung_reads_and_writes_back_the_rung_first()
    {
        var json = Sound
            .Replace("\"level\": \"beginner\",", "\"level\": \"beginner\", \"garmin\": {\"category\": \"hip-raise\", \"name\": \"hip-raise\"},", StringComparison.Ordinal)
            .Replace("\"load\": \"band\"", "\"load\": \"band\", \"garmin\": {\"category\": \"banded-exercises\", \"name\": \"glute-bridge\"}", StringComparison.Ordinal);

        var exercise = Assert.Single(CatalogueJson.Parse($"[{json}]").Exercises);

        Assert.Equal(new GarminExercise("hip-raise", "hip-raise"), exercise.GarminFor("bodyweight"));
        Assert.Equal(new GarminExercise("banded-exercises", "glute-bridge"), exercise.GarminFor("banded"));
        var written = CatalogueJson.Serialize([exercise]);
        Assert.Equal(written, CatalogueJson.Serialize(CatalogueJson.Parse(written).Exercises));
        Assert.Contains("\"garmin\":{\"category\":\"banded-exercises\",\"name\":\"glute-bridge\"}", written.Replace(" ", "").Replace("\n", ""), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ImportedEntryWithoutExternalId_IsRefused()
    {
        var exercise = CatalogueJson.Parse($"[{Sound}]").Exercises[0] with { Source = new ExerciseSource { Name = "wger" } };

        var problem = Assert.Single(CatalogueValidator.Validate([exercise]));

        Assert.Equal("entry 1 'hip-thrust': an entry from 'wger' needs its externalId, so that re-import finds it again", problem.ToString());
    }

    [Fact]
    public void Validate_EquipmentNoneWithOtherEquipment_IsRefused()
    {
        var exercise = CatalogueJson.Parse($"[{Sound}]").Exercises[0];
        exercise = exercise with
        {
            Equipment = [Equipment.None, Equipment.Bench],
            Progression = [exercise.Progression[0] with { Equipment = [Equipment.None, Equipment.Bench] }],
        };

        var problems = CatalogueValidator.Validate([exercise]).Select(p => p.ToString()).ToArray();

        Assert.Contains("entry 1 'hip-thrust': equipment: 'none' cannot be listed with other equipment", problems);
        Assert.Contains("entry 1 'hip-thrust': progression 1 'bodyweight': 'none' cannot be listed with other equipment", problems);
    }
}
