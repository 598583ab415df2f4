using System.Text.Json;
using RunStrong.Domain.Catalogue;
using RunStrong.Features.Catalogue.Import;
using RunStrong.TestSupport;

namespace RunStrong.Features.Tests.Catalogue.Import;

public class FreeExerciseDbImporterTests
{
    private static readonly string Combined = Fixtures.Path("catalogues", "yuhonas__free-exercise-db__dist__exercises.json");

    private static CatalogueImportBatch ReadCombined()
    {
        var result = FreeExerciseDbImporter.Read(Combined);
        Assert.True(result.Succeeded, result.Error);
        return result.Batch!;
    }

    [Fact]
    public void Read_CombinedFile_MapsTheLowerBodyAndCoreEntries_AndReportsTheRest()
    {
        var batch = ReadCombined();

        Assert.Equal("free-exercise-db", batch.SourceName);
        Assert.Equal(873, batch.Exercises.Count + batch.Unmapped.Count);
        Assert.InRange(batch.Exercises.Count, 200, 400);
        Assert.All(batch.Unmapped, u => Assert.False(string.IsNullOrWhiteSpace(u.Reason)));
        Assert.Empty(CatalogueValidator.Validate(batch.Exercises));
        Assert.All(batch.Exercises, e =>
        {
            Assert.StartsWith("fedb-", e.Slug, StringComparison.Ordinal);
            Assert.Equal("free-exercise-db", e.Source.Name);
            Assert.Equal("Unlicense", e.Source.Licence);
            Assert.False(string.IsNullOrEmpty(e.Source.ExternalId));
        });
    }

    [Fact]
    public void Read_BarbellHipThrust_MapsGlutesToGluteusMaximusAndBarbellToGym()
    {
        var hipThrust = ReadCombined().Exercises.Single(e => e.Source.ExternalId == "Barbell_Hip_Thrust");

        Assert.Equal("fedb-barbell-hip-thrust", hipThrust.Slug);
        Assert.Equal("Barbell Hip Thrust", hipThrust.Name);
        Assert.Equal(ExerciseKind.Strength, hipThrust.Kind);
        Assert.Equal([Muscle.GluteusMaximus], hipThrust.PrimaryMuscles);
        Assert.Equal([Muscle.Hamstrings, Muscle.Calves], hipThrust.SecondaryMuscles.Order());
        Assert.Contains(JointAction.HipExtension, hipThrust.JointActions);
        Assert.Equal([Equipment.Barbell], hipThrust.Equipment);
        Assert.Equal([Location.Gym], hipThrust.Locations);
        Assert.Equal(Level.Intermediate, hipThrust.Level);
        Assert.Equal(LoadKind.External, Assert.Single(hipThrust.Progression).Load);
        Assert.Equal(3, hipThrust.Cues.Count);
        Assert.StartsWith("Begin seated on the ground with a bench directly behind you.", hipThrust.Cues[0], StringComparison.Ordinal);
        Assert.Equal("https://github.com/yuhonas/free-exercise-db/blob/main/exercises/Barbell_Hip_Thrust.json", hipThrust.Source.Url);
    }

    [Fact]
    public void Read_AbductorsBecomeGluteusMedius_AndBodyweightNeedsNothing()
    {
        var exercises = ReadCombined().Exercises;

        var abductorWork = exercises.Where(e => e.PrimaryMuscles.Contains(Muscle.GluteusMedius)).ToArray();
        Assert.NotEmpty(abductorWork);
        Assert.All(abductorWork, e => Assert.Contains(JointAction.HipAbduction, e.JointActions));
        var bodyweight = exercises.Where(e => e.Equipment.SequenceEqual([Equipment.None])).ToArray();
        Assert.NotEmpty(bodyweight);
        Assert.All(bodyweight, e => Assert.Contains(Location.Home, e.Locations));
    }

    [Fact]
    public void Read_LegCurl_IsKneeFlexion_NotHipExtension()
    {
        var curl = ReadCombined().Exercises.Single(e => e.Source.ExternalId == "Lying_Leg_Curls");

        Assert.Equal([Muscle.Hamstrings], curl.PrimaryMuscles);
        Assert.Equal([JointAction.KneeFlexion], curl.JointActions);
        Assert.Equal([Equipment.Machine], curl.Equipment);
    }

    [Fact]
    public void Read_UpperBodyStretchingAndUnknownEquipment_AreUnmappedWithTheReason()
    {
        var unmapped = ReadCombined().Unmapped;

        var benchPress = unmapped.Single(u => u.Id == "Barbell_Bench_Press_-_Medium_Grip");
        Assert.Contains("chest", benchPress.Reason, StringComparison.Ordinal);
        Assert.Contains("not ones RunStrong tracks", benchPress.Reason, StringComparison.Ordinal);
        Assert.Contains(unmapped, u => u.Reason == "category 'stretching' is not strength work or a running drill");
        Assert.Contains(unmapped, u => u.Reason == "equipment 'medicine ball' is not equipment RunStrong knows");
    }

    [Fact]
    public void Read_DroppedMuscles_AreNoted()
    {
        var batch = ReadCombined();

        Assert.Contains(batch.Notes, n => n.StartsWith("fedb-", StringComparison.Ordinal) && n.Contains("left out muscles", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_SingleExerciseFile_GivesTheSameEntryAsTheCombinedFile()
    {
        using var combined = JsonDocument.Parse(File.ReadAllBytes(Combined));
        var one = combined.RootElement.EnumerateArray().Single(e => e.GetProperty("id").GetString() == "Barbell_Hip_Thrust");
        var path = Path.Combine(Path.GetTempPath(), $"runstrong-fedb-{Guid.NewGuid():N}", "Barbell_Hip_Thrust.json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            File.WriteAllText(path, one.GetRawText());

            var result = CatalogueImporter.Read(path);

            Assert.True(result.Succeeded, result.Error);
            var single = Assert.Single(result.Batch!.Exercises);
            var fromCombined = ReadCombined().Exercises.Single(e => e.Slug == single.Slug);
            Assert.Equal(CatalogueJson.SerializeEntry(fromCombined), CatalogueJson.SerializeEntry(single));
            Assert.Empty(result.Batch.Unmapped);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Fact]
    public void Read_Twice_GivesIdenticalSlugs()
    {
        var first = ReadCombined().Exercises.Select(e => e.Slug).ToArray();
        var second = ReadCombined().Exercises.Select(e => e.Slug).ToArray();

        Assert.Equal(first, second);
        Assert.Equal(first.Length, first.Distinct().Count());
        Assert.DoesNotContain(first, s => BuiltInCatalogue.Find(s) is not null);
    }

    [Fact]
    public void Import_ArrayWithAStrayElement_ImportsTheRestAndReportsIt()
    {
        using var document = JsonDocument.Parse("""
            [42,
             {"id": "Glute_Bridge", "name": "Glute Bridge", "category": "strength", "level": "beginner", "equipment": "body only",
              "primaryMuscles": ["glutes"], "secondaryMuscles": ["hamstrings", "forearms"], "instructions": ["Lift the hips."]}]
            """);

        Assert.True(FreeExerciseDbImporter.Recognises(document.RootElement));
        var batch = FreeExerciseDbImporter.Import(document.RootElement);

        var bridge = Assert.Single(batch.Exercises);
        Assert.Equal("fedb-glute-bridge", bridge.Slug);
        Assert.Equal([Location.Home, Location.Gym, Location.Outdoors], bridge.Locations);
        Assert.Equal([JointAction.HipExtension], bridge.JointActions);
        Assert.Equal("entry 1", Assert.Single(batch.Unmapped).Id);
        Assert.Equal("fedb-glute-bridge: left out muscles RunStrong does not track: forearms", Assert.Single(batch.Notes));
    }

    [Fact]
    public void Import_MalformedEntry_IsUnmappedNotThrown()
    {
        using var document = JsonDocument.Parse("""[{"name": "No id", "primaryMuscles": ["glutes"], "equipment": "barbell"}]""");

        var batch = FreeExerciseDbImporter.Import(document.RootElement);

        Assert.Empty(batch.Exercises);
        Assert.Equal("has no id or no name", Assert.Single(batch.Unmapped).Reason);
    }
}
