using System.Text.Json;
using RunStrong.Domain.Catalogue;

namespace RunStrong.Domain.Tests.Catalogue;

public class BuiltInCatalogueTests
{
    private static readonly string[] SeedExercises = ["hip-thrust", "squat", "fire-hydrant", "glute-bridge", "bulgarian-split-squat"];

    [Fact]
    public void Exercises_LoadAndPassValidation()
    {
        var exercises = BuiltInCatalogue.Exercises;

        Assert.InRange(exercises.Count, 25, 40);
        Assert.Empty(CatalogueValidator.Validate(exercises));
        Assert.All(exercises, e => Assert.Equal(ExerciseSource.BuiltIn, e.Source));
    }

    [Theory]
    [InlineData("hip-thrust")]
    [InlineData("squat")]
    [InlineData("fire-hydrant")]
    [InlineData("glute-bridge")]
    [InlineData("bulgarian-split-squat")]
    [InlineData("side-lying-hip-abduction")]
    [InlineData("clamshell")]
    [InlineData("banded-lateral-walk")]
    [InlineData("step-up")]
    [InlineData("single-leg-romanian-deadlift")]
    [InlineData("single-leg-squat")]
    [InlineData("calf-raise")]
    [InlineData("single-leg-calf-raise")]
    [InlineData("bent-knee-calf-raise")]
    [InlineData("romanian-deadlift")]
    [InlineData("reverse-lunge")]
    [InlineData("single-leg-glute-bridge")]
    [InlineData("side-plank")]
    [InlineData("copenhagen-plank")]
    [InlineData("leg-swings")]
    [InlineData("a-skips")]
    [InlineData("high-knees")]
    [InlineData("strides")]
    [InlineData("butt-kicks")]
    [InlineData("hill-sprints")]
    [InlineData("hilly-run")]
    public void Find_RequiredEntry_IsPresent(string slug)
    {
        var exercise = BuiltInCatalogue.Find(slug);

        Assert.NotNull(exercise);
        Assert.Equal(slug, exercise.Slug);
    }

    [Fact]
    public void Find_UnknownSlug_IsNull() => Assert.Null(BuiltInCatalogue.Find("bicep-curl"));

    [Fact]
    public void SeedExercises_AreAllPresentAndStrength()
    {
        foreach (var slug in SeedExercises)
        {
            Assert.Equal(ExerciseKind.Strength, BuiltInCatalogue.Find(slug)?.Kind);
        }
    }

    [Fact]
    public void HipThrust_LadderIsBodyweightBandBarbellBarbellPlusBand()
    {
        var hipThrust = BuiltInCatalogue.Find("hip-thrust")!;

        Assert.Equal(Muscle.GluteusMaximus, hipThrust.PrimaryMuscles[0]);
        Assert.Equal([Equipment.Bench], hipThrust.Equipment);
        Assert.Equal(
            [LoadKind.Bodyweight, LoadKind.Band, LoadKind.External, LoadKind.ExternalPlusBand],
            hipThrust.Progression.Select(v => v.Load));
        Assert.Equal(["bodyweight", "banded", "barbell", "barbell-plus-band"], hipThrust.Progression.Select(v => v.Slug));

        // Every rung keeps the bench (shoulders on it); each adds what it needs.
        Assert.Equal([Equipment.Bench], hipThrust.Progression[0].Equipment);
        Assert.Equal(Sorted([Equipment.Bench, Equipment.LoopBand]), Sorted(hipThrust.Progression[1].Equipment));
        Assert.Equal(Sorted([Equipment.Bench, Equipment.Barbell]), Sorted(hipThrust.Progression[2].Equipment));
        Assert.Equal(Sorted([Equipment.Bench, Equipment.Barbell, Equipment.LoopBand]), Sorted(hipThrust.Progression[3].Equipment));
    }

    [Fact]
    public void GluteBridge_IsTheFloorVersion_NeedingNothing()
    {
        var bridge = BuiltInCatalogue.Find("glute-bridge")!;

        Assert.Equal([Equipment.None], bridge.Equipment);
        Assert.Contains(Location.Home, bridge.Locations);
        Assert.Equal(LoadKind.Bodyweight, bridge.Progression[0].Load);
        Assert.Equal(LoadKind.Band, bridge.Progression[1].Load);
    }

    [Fact]
    public void Squat_LadderIsBodyweightBandLightLoadBarbellBarbellPlusBand()
    {
        var squat = BuiltInCatalogue.Find("squat")!;

        Assert.Equal(["bodyweight", "banded", "goblet", "barbell", "barbell-plus-band"], squat.Progression.Select(v => v.Slug));
        Assert.Equal([Equipment.None], squat.Progression[0].Equipment);
        Assert.Equal(LoadKind.Bodyweight, squat.Progression[0].Load);
        Assert.Equal([Equipment.LoopBand], squat.Progression[1].Equipment);
        Assert.Contains(squat.Progression[2].Equipment, e => e is Equipment.Dumbbell or Equipment.Kettlebell);
        Assert.Equal([Equipment.Barbell], squat.Progression[3].Equipment);
        Assert.Equal(LoadKind.External, squat.Progression[3].Load);
        Assert.Equal(LoadKind.ExternalPlusBand, squat.Progression[^1].Load);
    }

    /// <summary>
    /// The seed's ladder (domain.md §2): bodyweight -> loop band -> barbell or dumbbells -> barbell plus band. Every seed
    /// exercise has each step its movement allows: a band rung, an external-load rung and, where a bar or a dumbbell can be
    /// combined with a band, that rung too, right after the same implement without the band (so backing off drops the band
    /// and keeps the implement).
    /// </summary>
    [Theory]
    [InlineData("hip-thrust", "barbell", true)]
    [InlineData("squat", "barbell", true)]
    [InlineData("glute-bridge", "barbell", true)]
    [InlineData("bulgarian-split-squat", "barbell", false)]
    [InlineData("fire-hydrant", "dumbbell", true)]
    public void SeedExercises_LadderFollowsTheSeed(string slug, string loadedWith, bool withBandOnTop)
    {
        var ladder = BuiltInCatalogue.Find(slug)!.Progression;

        Assert.Equal(LoadKind.Bodyweight, ladder[0].Load);
        Assert.Equal(LoadKind.Band, ladder[1].Load);
        Assert.Contains(ladder, v => v.Load == LoadKind.External && v.Equipment.Contains(Kebab.TryParse<Equipment>(loadedWith, out var e) ? e : Equipment.None));
        Assert.Equal(withBandOnTop, ladder.Any(v => v.Load == LoadKind.ExternalPlusBand));
        for (var i = 0; i < ladder.Count; i++)
        {
            if (ladder[i].Load == LoadKind.ExternalPlusBand)
            {
                Assert.Equal(LoadKind.External, ladder[i - 1].Load);
                Assert.Equal(ladder[i - 1].Equipment.Append(Equipment.LoopBand).Order(), ladder[i].Equipment.Order());
            }
        }
    }

    [Fact]
    public void HillSprints_Are8SecondsOutdoorsOnAHill()
    {
        var sprints = BuiltInCatalogue.Find("hill-sprints")!;

        Assert.Equal(ExerciseKind.Hill, sprints.Kind);
        Assert.Equal(8, sprints.Dose.Seconds);
        Assert.Null(sprints.Dose.RepsMin);
        Assert.InRange(sprints.Dose.Sets, 1, 2);
        Assert.InRange(sprints.Dose.RestSeconds, 120, 180);
        Assert.Equal([Equipment.Hill], sprints.Equipment);
        Assert.Equal([Location.Outdoors], sprints.Locations);
        Assert.True(sprints.Trains(JointAction.HipExtension));
        Assert.Equal(ExerciseKind.Hill, BuiltInCatalogue.Find("hilly-run")!.Kind);
        Assert.Contains(Location.Outdoors, BuiltInCatalogue.Find("hilly-run")!.Locations);
    }

    [Fact]
    public void Drills_AreKindDrill_AndNeedNoEquipment()
    {
        foreach (var slug in new[] { "leg-swings", "a-skips", "high-knees", "strides", "butt-kicks" })
        {
            var drill = BuiltInCatalogue.Find(slug)!;
            Assert.Equal(ExerciseKind.Drill, drill.Kind);
            Assert.Equal([Equipment.None], drill.Equipment);
        }
    }

    [Fact]
    public void Catalogue_CoversHipExtensionAbductionAndSingleLegWork()
    {
        var strength = BuiltInCatalogue.Exercises.Where(e => e.Kind == ExerciseKind.Strength).ToArray();

        Assert.Contains(strength, e => e.PrimaryMuscles.Contains(Muscle.GluteusMaximus) && e.Trains(JointAction.HipExtension));
        Assert.Contains(strength, e => e.PrimaryMuscles.Contains(Muscle.GluteusMedius) && e.Trains(JointAction.HipAbduction));
        Assert.Contains(strength, e => e.SingleLeg && e.Trains(JointAction.HipExtension));
        Assert.Contains(strength, e => e.PrimaryMuscles.Contains(Muscle.Calves));
        Assert.Contains(strength, e => e.Equipment.SequenceEqual([Equipment.None]) && e.PrimaryMuscles.Contains(Muscle.GluteusMedius));
    }

    [Fact]
    public void GluteusMediusExercises_NameGluteusMediusAsPrimary()
    {
        foreach (var slug in new[] { "side-lying-hip-abduction", "clamshell", "banded-lateral-walk", "fire-hydrant" })
        {
            var exercise = BuiltInCatalogue.Find(slug)!;
            Assert.Contains(Muscle.GluteusMedius, exercise.PrimaryMuscles);
            Assert.True(exercise.Trains(JointAction.HipAbduction));
        }
    }

    [Fact]
    public void EveryEntry_HasCuesMistakesAndNamedRungs()
    {
        Assert.All(BuiltInCatalogue.Exercises, e =>
        {
            Assert.InRange(e.Cues.Count, 3, 5);
            Assert.InRange(e.CommonMistakes.Count, 2, 3);
            Assert.NotEmpty(e.SecondaryMuscles);
            Assert.All(e.Progression, v => Assert.False(string.IsNullOrWhiteSpace(v.Note), $"{e.Slug}/{v.Slug} has no note"));
        });
    }

    [Fact]
    public void EmbeddedJson_EveryEntryHasEveryFieldNonEmpty()
    {
        using var stream = typeof(BuiltInCatalogue).Assembly.GetManifestResourceStream(BuiltInCatalogue.ResourceName)!;
        using var document = JsonDocument.Parse(stream);
        string[] fields =
        [
            "slug", "name", "kind", "primaryMuscles", "secondaryMuscles", "jointActions", "equipment", "locations", "level",
            "singleLeg", "dose", "cues", "commonMistakes", "progression",
        ];

        foreach (var entry in document.RootElement.GetProperty("exercises").EnumerateArray())
        {
            var slug = entry.GetProperty("slug").GetString();
            foreach (var field in fields)
            {
                Assert.True(entry.TryGetProperty(field, out var value), $"{slug} has no '{field}'");
                Assert.False(
                    value.ValueKind == JsonValueKind.Null
                    || (value.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(value.GetString()))
                    || (value.ValueKind == JsonValueKind.Array && value.GetArrayLength() == 0),
                    $"{slug} has an empty '{field}'");
            }
        }
    }

    [Fact]
    public void Serialize_ThenParse_GivesTheSameCatalogue()
    {
        var json = CatalogueJson.Serialize(BuiltInCatalogue.Exercises);
        var again = CatalogueJson.Parse(json);

        Assert.Empty(again.Problems);
        Assert.Equal(CatalogueJson.Serialize(again.Exercises), json);
        Assert.Equal(BuiltInCatalogue.Exercises.Select(e => e.Slug), again.Exercises.Select(e => e.Slug));
    }

    [Fact]
    public void LoadFrom_BrokenEntry_ThrowsNamingIt()
    {
        const string json = """[{"slug": "hip-thrust", "name": "Hip thrust", "kind": "strength", "primaryMuscles": ["glutes"], "jointActions": ["hip-extension"], "equipment": ["bench"], "locations": ["gym"], "level": "beginner", "dose": {"repsMin": 8, "repsMax": 12}, "progression": [{"slug": "bodyweight", "name": "Bodyweight", "equipment": ["bench"], "load": "bodyweight"}]}]""";
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));

        var error = Assert.Throws<InvalidOperationException>(() => BuiltInCatalogue.LoadFrom(stream, "built-in catalogue"));

        Assert.Contains("entry 1 'hip-thrust': unknown muscle 'glutes'", error.Message);
    }

    private static Equipment[] Sorted(IEnumerable<Equipment> equipment) => [.. equipment.Order()];
}
