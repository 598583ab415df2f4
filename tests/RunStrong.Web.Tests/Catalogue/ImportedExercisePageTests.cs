using System.Text.Json;
using RunStrong.Features.Catalogue;
using RunStrong.TestSupport;
using RunStrong.Web.Tests.Infrastructure;

namespace RunStrong.Web.Tests.Catalogue;

/// <summary>wger's entries carry Creative Commons licences that require attribution: the page and the API show it.</summary>
public class ImportedExercisePageTests
{
    public static TheoryData<string> Engines => TestDatabases.Engines;

    [Theory, MemberData(nameof(Engines))]
    public async Task ImportedWgerExercise_ShowsSourceLicenceAndAuthor(string engine)
    {
        await using var server = await RunningServer.StartAsync(engine);
        await using (var db = server.Database.CreateContext())
        {
            var report = await ImportExercises.HandleAsync(db, Fixtures.Path("catalogues", "wger-project__wger__wger__exercises__fixtures__exercise-base-data.json"), TestClock.Create());
            Assert.True(report.Imported > 0);
        }

        var list = await server.GetJsonAsync<JsonElement>("/api/exercises?q=kettlebell");
        var imported = list.EnumerateArray().First(e =>
            e.GetProperty("source").GetProperty("name").GetString() == "wger"
            && !string.IsNullOrEmpty(e.GetProperty("source").GetProperty("author").GetString()));
        var slug = imported.GetProperty("slug").GetString()!;
        var author = imported.GetProperty("source").GetProperty("author").GetString()!;
        var licence = imported.GetProperty("source").GetProperty("licence").GetString()!;

        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await browser.OpenAsync(server, 390, 844);
        await page.GotoAsync(new Uri(server.Address, $"/exercises/{slug}").ToString());
        var attribution = await page.GetByTestId("attribution").InnerTextAsync();

        Assert.Contains("wger", attribution, StringComparison.Ordinal);
        Assert.Contains(author, attribution, StringComparison.Ordinal);
        Assert.Contains(licence, attribution, StringComparison.Ordinal);
        Assert.Empty(errors);
    }
}
