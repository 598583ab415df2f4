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
    [InlineData("empty.json", "[]", "empty.json: neither a free-exercise-db catalogue")]
    [InlineData("other.json", "{\"type\": \"FeatureCollection\"}", "other.json: neither a free-exercise-db catalogue")]
    [InlineData("numbers.json", "[1, 2, 3]", "found an array of something else")]
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
    public void Read_FolderWithoutWgerFiles_NamesWhatIsMissing()
    {
        var result = CatalogueImporter.Read(_folder);

        Assert.False(result.Succeeded);
        Assert.Contains("missing: exercise-base-data.json, translations.json", result.Error, StringComparison.Ordinal);
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
