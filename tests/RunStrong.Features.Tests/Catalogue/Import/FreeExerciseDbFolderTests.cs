using RunStrong.Domain.Catalogue;
using RunStrong.Features.Catalogue.Import;
using RunStrong.TestSupport;

namespace RunStrong.Features.Tests.Catalogue.Import;

/// <summary>free-exercise-db's exercises/ folder: one exercise per file (seven real files, SOURCES.md).</summary>
public class FreeExerciseDbFolderTests
{
    private static readonly string Folder = Fixtures.Path("catalogues", "yuhonas__free-exercise-db__exercises");

    [Fact]
    public void Read_Folder_ImportsEachFile_AndReportsTheOnesItCannotMap()
    {
        var result = CatalogueImporter.Read(Folder);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("free-exercise-db", result.Batch!.SourceName);
        Assert.Equal(
            ["fedb-barbell-glute-bridge", "fedb-barbell-hip-thrust", "fedb-barbell-squat", "fedb-butt-lift-bridge", "fedb-single-leg-glute-bridge"],
            result.Batch.Exercises.Select(e => e.Slug).Order(StringComparer.Ordinal));
        Assert.Equal(["Barbell_Curl", "IT_Band_and_Glute_Stretch"], result.Batch.Unmapped.Select(u => u.Id).Order(StringComparer.Ordinal));
        Assert.All(result.Batch.Exercises, e => Assert.Equal("Unlicense", e.Source.Licence));
    }

    [Fact]
    public void Read_OneFileOfTheFolder_GivesTheSameEntryAsTheFolder()
    {
        var single = CatalogueImporter.Read(Path.Combine(Folder, "Barbell_Hip_Thrust.json")).Batch!.Exercises.Single();

        var fromFolder = CatalogueImporter.Read(Folder).Batch!.Exercises.Single(e => e.Slug == single.Slug);

        Assert.Equal(CatalogueJson.SerializeEntry(single), CatalogueJson.SerializeEntry(fromFolder));
    }

    [Fact]
    public void Read_FolderWithAStrayFile_NamesItAndImportsTheRest()
    {
        var folder = Directory.CreateTempSubdirectory("runstrong-fedb-").FullName;
        try
        {
            foreach (var file in Directory.EnumerateFiles(Folder))
            {
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            }

            File.WriteAllText(Path.Combine(folder, "schema.json"), """{"$schema": "http://json-schema.org/draft-07/schema#", "type": "object"}""");
            File.WriteAllText(Path.Combine(folder, "broken.json"), """{"name": """);

            var result = CatalogueImporter.Read(folder);

            Assert.True(result.Succeeded, result.Error);
            Assert.Equal(5, result.Batch!.Exercises.Count);
            Assert.Contains(result.Batch.Unmapped, u => u.Id == "schema.json" && u.Reason.StartsWith("not a free-exercise-db exercise", StringComparison.Ordinal));
            Assert.Contains(result.Batch.Unmapped, u => u.Id == "broken.json" && u.Reason.Contains("not JSON", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
