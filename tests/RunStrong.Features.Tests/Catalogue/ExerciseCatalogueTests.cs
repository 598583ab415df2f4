using RunStrong.Features.Catalogue;
using RunStrong.TestSupport;

namespace RunStrong.Features.Tests.Catalogue;

/// <summary>
/// The catalogue every request reads: built-ins, then what was imported. Its parsed form is kept per database between
/// requests (ExerciseCatalogue), so what an import adds or changes must show on the very next read, even when the clock
/// has not moved between two imports.
/// </summary>
public class ExerciseCatalogueTests
{
    public static TheoryData<string> Engines => TestDatabases.Engines;

    [Theory, MemberData(nameof(Engines))]
    public async Task AnImportAndAChangedReImport_ShowOnTheNextRead_WithAClockThatStandsStill(string engine)
    {
        await using var database = await TestDatabases.CreateAsync(engine);
        var folder = Directory.CreateTempSubdirectory("runstrong-catalogue-");
        try
        {
            foreach (var file in Directory.GetFiles(Fixtures.Path("catalogues", "yuhonas__free-exercise-db__exercises"), "*.json"))
            {
                File.Copy(file, Path.Combine(folder.FullName, Path.GetFileName(file)));
            }

            var clock = TestClock.Create();
            await using var db = database.CreateContext();
            var catalogue = new ExerciseCatalogue(db);
            var builtIn = await catalogue.AllAsync();
            Assert.DoesNotContain(builtIn, e => e.Name == "Barbell Glute Bridge");

            var first = await ImportExercises.HandleAsync(db, folder.FullName, clock);
            Assert.True(first.Imported > 0);
            var afterImport = await catalogue.AllAsync();
            Assert.Equal(builtIn.Count + first.Imported, afterImport.Count);
            Assert.Contains(afterImport, e => e.Name == "Barbell Glute Bridge");

            var bridge = Path.Combine(folder.FullName, "Barbell_Glute_Bridge.json");
            await File.WriteAllTextAsync(bridge, (await File.ReadAllTextAsync(bridge)).Replace("\"Barbell Glute Bridge\"", "\"Barbell Glute Bridge (pad on the bar)\"", StringComparison.Ordinal));
            var second = await ImportExercises.HandleAsync(db, folder.FullName, clock);
            Assert.Equal(1, second.Updated);

            var afterChange = await new ExerciseCatalogue(db).AllAsync();
            Assert.Equal(afterImport.Count, afterChange.Count);
            Assert.Contains(afterChange, e => e.Name == "Barbell Glute Bridge (pad on the bar)");
            Assert.DoesNotContain(afterChange, e => e.Name == "Barbell Glute Bridge");
        }
        finally
        {
            folder.Delete(true);
        }
    }
}
