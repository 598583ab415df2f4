using RunStrong.Features.Catalogue.Import;
using RunStrong.TestSupport;

namespace RunStrong.Features.Tests.Catalogue.Import;

public sealed class CatalogueImporterTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"runstrong-import-{Guid.NewGuid():N}");

    public CatalogueImporterTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Read_FreeExerciseDbFile_IsDetected()
    {
        var result = CatalogueImporter.Read(Fixtures.Path("catalogues", "yuhonas__free-exercise-db__dist__exercises.json"));

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("free-exercise-db", result.Batch!.SourceName);
    }

    [Fact]
    public void Read_WgerFile_IsDetected()
    {
        var result = CatalogueImporter.Read(Fixtures.Path("catalogues", "wger-project__wger__wger__exercises__fixtures__exercise-base-data.json"));

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("wger", result.Batch!.SourceName);
    }

    [Theory]
    [InlineData("broken.json", "{ \"name\": ", "broken.json: not JSON (line 1")]
    [InlineData("gpx.json", "<gpx></gpx>", "gpx.json: not JSON")]
    [InlineData("nothing.json", "", "nothing.json: empty file")]
    [InlineData("empty.json", "[]", "empty.json: not a catalogue RunStrong can import: found an empty array. Accepted: free-exercise-db's dist/exercises.json")]
    [InlineData("other.json", "{\"type\": \"FeatureCollection\"}", "other.json: not a catalogue RunStrong can import: found an object with type. Accepted:")]
    [InlineData("numbers.json", "[1, 2, 3]", "found an array of something else")]
    [InlineData("users.json", "[{\"model\": \"auth.user\", \"pk\": 1, \"fields\": {}}]", "found a Django fixture of 'auth.user' records. Accepted:")]
    [InlineData("page.json", "{\"count\": 1, \"next\": null, \"results\": [{\"id\": 1}]}", "found an object with count, next, results. Accepted:")]
    public void Read_BadFile_ReturnsAnErrorNamingIt(string name, string content, string expected)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);

        var result = CatalogueImporter.Read(path);

        Assert.False(result.Succeeded);
        Assert.Null(result.Batch);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingFile_SaysSo()
    {
        var path = Path.Combine(_folder, "nowhere.json");

        var result = CatalogueImporter.Read(path);

        Assert.Equal($"{path}: file not found", result.Error);
    }

    [Fact]
    public void Read_FolderWithoutCatalogueFiles_SaysWhatIsAccepted()
    {
        File.WriteAllText(Path.Combine(_folder, "notes.json"), "{\"note\": \"not an exercise\"}");

        var result = CatalogueImporter.Read(_folder);

        Assert.False(result.Succeeded);
        Assert.StartsWith($"{_folder}: a folder holding no catalogue RunStrong can import", result.Error, StringComparison.Ordinal);
        Assert.Contains($"Accepted: {CatalogueImporter.Accepted}", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Accepted_NamesEveryLayout()
    {
        foreach (var layout in (string[])["dist/exercises.json", "exercises/<Id>.json", "exercise-base-data.json", "single exercises.json", "/api/v2/exerciseinfo/"])
        {
            Assert.Contains(layout, CatalogueImporter.Accepted, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Read_LoneWgerFile_NamesTheMissingSiblings()
    {
        var path = Path.Combine(_folder, "muscles.json");
        File.Copy(Fixtures.Path("catalogues", "wger-project__wger__wger__exercises__fixtures__muscles.json"), path);

        var result = CatalogueImporter.Read(path);

        Assert.False(result.Succeeded);
        Assert.Contains("missing: exercise-base-data.json, translations.json, equipment.json", result.Error, StringComparison.Ordinal);
    }
}
