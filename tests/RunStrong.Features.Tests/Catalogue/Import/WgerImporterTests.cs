using RunStrong.Domain.Catalogue;
using RunStrong.Features.Catalogue.Import;
using RunStrong.TestSupport;

namespace RunStrong.Features.Tests.Catalogue.Import;

public class WgerImporterTests
{
    private static readonly string Folder = Fixtures.Path("catalogues");
    private static readonly string MusclesFile = Fixtures.Path("catalogues", "wger-project__wger__wger__exercises__fixtures__muscles.json");

    private static CatalogueImportBatch ReadFrom(string path)
    {
        var result = WgerImporter.Read(path);
        Assert.True(result.Succeeded, result.Error);
        return result.Batch!;
    }

    [Fact]
    public void Read_Fixtures_MapsLowerBodyEntries_AndReportsTheRest()
    {
        var batch = ReadFrom(MusclesFile);

        Assert.Equal("wger", batch.SourceName);
        Assert.Equal(872, batch.Exercises.Count + batch.Unmapped.Count);
        Assert.InRange(batch.Exercises.Count, 100, 400);
        Assert.Empty(CatalogueValidator.Validate(batch.Exercises));
        Assert.All(batch.Exercises, e =>
        {
            Assert.StartsWith("wger-", e.Slug, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(e.Source.Licence));
            Assert.False(string.IsNullOrWhiteSpace(e.Source.ExternalId));
        });
        Assert.Contains(batch.Unmapped, u => u.Reason == "wger lists no main muscle");
        Assert.Contains(batch.Unmapped, u => u.Reason.StartsWith("main muscles (", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_HipThrust_MapsMusclesEquipmentLicenceAndAuthor()
    {
        var hipThrust = ReadFrom(Folder).Exercises.Single(e => e.Slug == "wger-294-hip-thrust");

        Assert.Equal("Hip Thrust", hipThrust.Name);
        Assert.Equal([Muscle.GluteusMaximus], hipThrust.PrimaryMuscles);
        Assert.Equal([JointAction.HipExtension], hipThrust.JointActions);
        Assert.Equal([Equipment.Bench, Equipment.Barbell], hipThrust.Equipment.Order());
        Assert.Equal([Location.Gym], hipThrust.Locations);
        Assert.Equal("wger", hipThrust.Source.Name);
        Assert.StartsWith("CC-BY-SA 4", hipThrust.Source.Licence, StringComparison.Ordinal);
        Assert.StartsWith("Bret Contreras", hipThrust.Source.Author, StringComparison.Ordinal);
        Assert.Equal("https://wger.de/en/exercise/294/view/", hipThrust.Source.Url);
        Assert.Matches("^[0-9a-f-]{36}$", hipThrust.Source.ExternalId);
    }

    [Fact]
    public void Read_HamstringsAndCalves_MapFromTheirLatinNames()
    {
        var exercises = ReadFrom(Folder).Exercises;

        var rdl = exercises.Single(e => e.Slug.StartsWith("wger-1652-", StringComparison.Ordinal));
        Assert.Equal([Muscle.GluteusMaximus, Muscle.Hamstrings], rdl.PrimaryMuscles.Order());
        Assert.Equal([Equipment.Dumbbell], rdl.Equipment);
        Assert.Contains(exercises, e => e.PrimaryMuscles.Contains(Muscle.Calves) && e.Trains(JointAction.PlantarFlexion));
    }

    [Fact]
    public void Read_DescriptionHtml_BecomesPlainCues()
    {
        var exercises = ReadFrom(Folder).Exercises;

        var withCues = exercises.Where(e => e.Cues.Count > 0).ToArray();
        Assert.NotEmpty(withCues);
        Assert.All(withCues.SelectMany(e => e.Cues), cue =>
        {
            Assert.DoesNotContain("<p>", cue, StringComparison.Ordinal);
            Assert.DoesNotContain("&nbsp;", cue, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Read_FromAnyFileOrTheFolder_GivesTheSameSlugs_EveryTime()
    {
        var fromFolder = ReadFrom(Folder).Exercises.Select(e => e.Slug).ToArray();
        var fromFile = ReadFrom(MusclesFile).Exercises.Select(e => e.Slug).ToArray();
        var viaDetector = CatalogueImporter.Read(Fixtures.Path("catalogues", "wger-project__wger__wger__core__fixtures__languages.json"));

        Assert.Equal(fromFolder, fromFile);
        Assert.True(viaDetector.Succeeded, viaDetector.Error);
        Assert.Equal(fromFolder, viaDetector.Batch!.Exercises.Select(e => e.Slug));
        Assert.Equal(fromFolder.Length, fromFolder.Distinct().Count());
    }

    [Fact]
    public void Read_MissingSibling_SaysWhichFileIsMissing()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"runstrong-wger-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            foreach (var file in Fixtures.Files("catalogues", "wger-*").Where(f => !f.EndsWith("translations.json", StringComparison.Ordinal)))
            {
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            }

            var result = CatalogueImporter.Read(Path.Combine(folder, "wger-project__wger__wger__exercises__fixtures__muscles.json"));

            Assert.False(result.Succeeded);
            Assert.Contains("missing: translations.json", result.Error, StringComparison.Ordinal);
            Assert.Contains(folder, result.Error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void HtmlToLines_SplitsParagraphsAndListItems()
    {
        var lines = WgerImporter.HtmlToLines("<p>Lie on your back.</p>\n<ul><li>Drive&nbsp;up</li><li>Hold &amp; lower</li></ul>").ToArray();

        Assert.Equal(["Lie on your back.", "Drive up", "Hold & lower"], lines);
    }
}
