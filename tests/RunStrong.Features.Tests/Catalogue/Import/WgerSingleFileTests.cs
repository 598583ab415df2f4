using RunStrong.Domain.Catalogue;
using RunStrong.Features.Catalogue.Import;
using RunStrong.TestSupport;

namespace RunStrong.Features.Tests.Catalogue.Import;

/// <summary>wger 1.9's single-file exercises.json (an excerpt, tests/fixtures/SOURCES.md), read on its own.</summary>
public class WgerSingleFileTests
{
    private static readonly string File = Fixtures.Path("catalogues", "wger-project__wger__1.9__wger__exercises__fixtures__exercises.json");

    private static CatalogueImportBatch Read()
    {
        var result = CatalogueImporter.Read(File);
        Assert.True(result.Succeeded, result.Error);
        return result.Batch!;
    }

    [Fact]
    public void Read_SingleFile_MapsTheEnglishAcceptedLowerBodyEntries_AndSaysWhyTheOthersAreNot()
    {
        var batch = Read();

        Assert.Equal("wger", batch.SourceName);
        Assert.Equal(29, batch.Exercises.Count + batch.Unmapped.Count);
        Assert.Equal(
            ["Deadlifts", "Dumbbell Goblet squat", "Dumbbell lunges standing", "Dumbbell lunges walking", "Front Squats",
             "Hip Raise, Lying", "Side Plank", "Squats", "Stiff-legged deadlifts", "Superman"],
            batch.Exercises.Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Empty(CatalogueValidator.Validate(batch.Exercises));
        Assert.Contains(batch.Unmapped, u => u is { Id: "7", Name: "Kniebeuge" } && u.Reason.Contains("written in 'de'", StringComparison.Ordinal));
        Assert.Contains(batch.Unmapped, u => u is { Id: "262", Name: "Glute", Reason: "was not accepted at wger (status pending)" });
        Assert.Contains(batch.Unmapped, u => u is { Id: "192", Name: "Bench Press" } && u.Reason.StartsWith("main muscles (Pectoralis major)", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_HipRaise_IsAGluteBridgeWithItsOwnLicenceAndAuthor()
    {
        var hipRaise = Read().Exercises.Single(e => e.Name == "Hip Raise, Lying");

        Assert.Equal("wger-376-hip-raise-lying", hipRaise.Slug);
        Assert.Equal([Muscle.GluteusMaximus, Muscle.Hamstrings], hipRaise.PrimaryMuscles.Order());
        Assert.Equal([JointAction.HipExtension], hipRaise.JointActions);
        Assert.Equal([Equipment.None], hipRaise.Equipment);
        Assert.Equal("CC-BY-SA 4", hipRaise.Source.Licence);
        Assert.Equal("James Mackay", hipRaise.Source.Author);
        Assert.Equal("5b12d361-be23-4f61-94af-0cc1665711ca", hipRaise.Source.ExternalId);

        // Ids of a 1.x release are not today's wger.de ids: no link that would open another exercise.
        Assert.Null(hipRaise.Source.Url);
    }

    [Fact]
    public void Read_Squats_KeepsDescriptionAndCommentsAsCues()
    {
        var squats = Read().Exercises.Single(e => e.Slug == "wger-111-squats");

        Assert.Equal("CC-BY-SA 3", squats.Source.Licence);
        Assert.Equal("wger.de", squats.Source.Author);
        Assert.Equal([Equipment.Barbell], squats.Equipment);
        Assert.Contains("The bar is somewhat lower than your shoulders", squats.Cues);
        Assert.Contains("Go down till your thighs are parallel to the floor", squats.Cues);
    }

    [Theory]
    [InlineData("muscles", "exercises__fixtures__muscles.json", "name")]
    [InlineData("equipment", "exercises__fixtures__equipment.json", "name")]
    [InlineData("categories", "exercises__fixtures__categories.json", "name")]
    [InlineData("licences", "core__fixtures__licenses.json", "short_name")]
    [InlineData("languages", "core__fixtures__languages.json", "short_name")]
    public void Reference_IsWgersOwnTable(string table, string fixture, string field)
    {
        var expected = System.Text.Json.JsonDocument.Parse(System.IO.File.ReadAllText(Fixtures.Path("catalogues", $"wger-project__wger__wger__{fixture}")))
            .RootElement.EnumerateArray()
            .ToDictionary(r => r.GetProperty("pk").GetInt64(), r => r.GetProperty("fields").GetProperty(field).GetString()!.Trim());
        var ours = table switch
        {
            "muscles" => WgerReference.Muscles,
            "equipment" => WgerReference.Equipment,
            "categories" => WgerReference.Categories,
            "licences" => WgerReference.Licences,
            _ => WgerReference.Languages,
        };

        Assert.Equal(expected.OrderBy(p => p.Key), ours.OrderBy(p => p.Key));
    }

    [Fact]
    public void Read_Wger2Layout_IsRefusedSayingWhatToUseInstead()
    {
        var folder = Directory.CreateTempSubdirectory("runstrong-wger2-").FullName;
        try
        {
            // The shape of wger 2.0-2.1's exercises.json: texts pointing at an exercise_base, with no muscles of their own.
            var path = Path.Combine(folder, "exercises.json");
            System.IO.File.WriteAllText(path, """[{"model": "exercises.exercise", "pk": 1, "fields": {"name": "Squats", "language": 2, "exercise_base": 7}}]""");

            var result = CatalogueImporter.Read(path);

            Assert.False(result.Succeeded);
            Assert.Contains($"{path}: wger 2.0–2.1 fixtures", result.Error, StringComparison.Ordinal);
            Assert.Contains("/api/v2/exerciseinfo/", result.Error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
