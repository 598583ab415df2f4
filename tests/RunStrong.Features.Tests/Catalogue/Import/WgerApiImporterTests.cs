using System.Text.Json;
using RunStrong.Domain.Catalogue;
using RunStrong.Features.Catalogue.Import;
using RunStrong.TestSupport;

namespace RunStrong.Features.Tests.Catalogue.Import;

/// <summary>wger's REST API JSON (/api/v2/exerciseinfo/), made from wger's fixtures in its serializer's shape (SOURCES.md).</summary>
public sealed class WgerApiImporterTests : IDisposable
{
    private static readonly string Page = Fixtures.Path("catalogues", "wger-api__exerciseinfo__limit-6-offset-0.json");
    private static readonly string Pages = Fixtures.Path("catalogues", "wger-api__exerciseinfo__all-pages-concatenated.json");
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("runstrong-wger-api-");

    public void Dispose() => _folder.Delete(recursive: true);

    private static CatalogueImportBatch Read(string path)
    {
        var result = CatalogueImporter.Read(path);
        Assert.True(result.Succeeded, result.Error);
        return result.Batch!;
    }

    [Fact]
    public void Read_OnePage_MapsItsExercises_AndSaysThatPagesAreMissing()
    {
        var batch = Read(Page);

        Assert.Equal("wger", batch.SourceName);
        Assert.Equal(
            ["wger-1234-dumbbell-single-leg-hip-thrust", "wger-1652-dumbbell-romanian-deadlift", "wger-294-hip-thrust", "wger-615-squats"],
            batch.Exercises.Select(e => e.Slug).Order(StringComparer.Ordinal));
        Assert.Equal(["265", "622"], batch.Unmapped.Select(u => u.Id));
        var warning = Assert.Single(batch.Warnings);
        Assert.StartsWith("the server listed 11 exercises and this file holds 6 of them (1 page)", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_HipThrust_KeepsLicenceAuthorAndEnglishText()
    {
        var hipThrust = Read(Page).Exercises.Single(e => e.Slug == "wger-294-hip-thrust");

        Assert.Equal("Hip Thrust", hipThrust.Name);
        Assert.Equal([Muscle.GluteusMaximus], hipThrust.PrimaryMuscles);
        Assert.Equal([Equipment.Bench, Equipment.Barbell], hipThrust.Equipment.Order());
        Assert.Equal("CC-BY-SA 4", hipThrust.Source.Licence);
        Assert.Equal("Bret Contreras", hipThrust.Source.Author);
        Assert.Equal("19a289c0-33af-4055-bb34-3570c2975d3d", hipThrust.Source.ExternalId);
        Assert.Equal("https://wger.de/en/exercise/294/view/", hipThrust.Source.Url);
        Assert.StartsWith("The bar should go directly on your upper thigh", hipThrust.Cues[0], StringComparison.Ordinal);
        Assert.DoesNotContain(hipThrust.Cues, c => c.Contains("Becken", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_PagesOneAfterAnother_ReadsThemAll()
    {
        var batch = Read(Pages);

        Assert.Equal(11, batch.Exercises.Count + batch.Unmapped.Count);
        Assert.Contains(batch.Exercises, e => e.Slug == "wger-901-barbell-hip-thrust");
        Assert.Contains(batch.Unmapped, u => u is { Id: "177", Reason: "category 'Cardio' is not strength work" });
        Assert.Empty(batch.Warnings);
    }

    [Fact]
    public void Read_AnArrayOfPages_OrTheResultsAlone_GivesTheSameEntries()
    {
        var pages = File.ReadAllLines(Pages).Where(l => l.Length > 0).ToArray();
        var arrayOfPages = Path.Combine(_folder.FullName, "pages.json");
        File.WriteAllText(arrayOfPages, "[" + string.Join(",", pages) + "]");
        var results = Path.Combine(_folder.FullName, "results.json");
        File.WriteAllText(results, JsonSerializer.Serialize(pages.SelectMany(p => JsonDocument.Parse(p).RootElement.GetProperty("results").EnumerateArray()).ToArray()));
        var expected = Read(Pages).Exercises.Select(e => StoredJson(e)).ToArray();

        Assert.Equal(expected, Read(arrayOfPages).Exercises.Select(StoredJson));
        Assert.Equal(expected, Read(results).Exercises.Select(StoredJson));
        Assert.Empty(Read(results).Warnings);
    }

    [Fact]
    public void Read_TheSamePageTwiceInOneFile_ImportsEachExerciseOnce()
    {
        var path = Path.Combine(_folder.FullName, "twice.json");
        File.WriteAllText(path, File.ReadAllText(Page) + "\n" + File.ReadAllText(Page));

        var batch = Read(path);

        Assert.Equal(4, batch.Exercises.Count);
        Assert.Contains("6 exercises were in the file more than once and imported once", batch.Warnings);
    }

    [Fact]
    public void Read_ApiAndFixturesOfTheSameServer_GiveTheSameEntries()
    {
        var fromFixtures = WgerImporter.Read(Fixtures.Path("catalogues")).Batch!.Exercises.ToDictionary(e => e.Slug);

        var fromApi = Read(Pages).Exercises;

        Assert.Equal(7, fromApi.Count);
        Assert.All(fromApi, e =>
        {
            var same = fromFixtures[e.Slug];
            Assert.Equal(same.Source, e.Source);
            Assert.Equal(same.PrimaryMuscles, e.PrimaryMuscles);
            Assert.Equal(same.Equipment, e.Equipment);
            Assert.Equal(same.Cues, e.Cues);
        });
    }

    private static string StoredJson(Exercise e) => RunStrong.Features.Catalogue.StoredExercise.Write(e);
}
