using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using RunStrong.Features.Catalogue;
using RunStrong.Features.Common;
using RunStrong.Features.Training;
using RunStrong.TestSupport;
using RunStrong.Web.Tests.Infrastructure;

namespace RunStrong.Web.Tests.Catalogue;

/// <summary>
/// Issue 17, part 1: a picture of the start and the end position for every exercise, shown on its page, in a plan's
/// session, on the log page and in the printed plan; every file comes from this server (no request leaves it).
/// </summary>
public class ExercisePicturesTests
{
    public static TheoryData<string, int, int> Viewports => new() { { "phone", 390, 844 }, { "desktop", 1280, 900 } };

    /// <summary>Every request the page makes, so a test can show none goes to another host.</summary>
    private static List<string> CollectRequests(IPage page)
    {
        var urls = new List<string>();
        page.Request += (_, request) => { lock (urls) { urls.Add(request.Url); } };
        return urls;
    }

    private static void AssertNothingLeftTheServer(RunningServer server, List<string> urls)
    {
        var origin = server.Address.GetLeftPart(UriPartial.Authority);
        string[] seen;
        lock (urls) { seen = [.. urls]; }
        Assert.NotEmpty(seen);
        Assert.All(seen, url => Assert.True(url.StartsWith(origin + "/", StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal),
            $"a request left the server: {url}"));
    }

    /// <summary>Scrolls each picture into view (they load lazily) and returns its alt text and natural width once loaded.</summary>
    private static async Task<List<(string Alt, int NaturalWidth)>> LoadedPicturesAsync(ILocator images)
    {
        var result = new List<(string, int)>();
        for (var i = 0; i < await images.CountAsync(); i++)
        {
            var image = images.Nth(i);
            await image.ScrollIntoViewIfNeededAsync();
            await image.EvaluateAsync("img => img.complete ? null : new Promise(done => { img.addEventListener('load', done); img.addEventListener('error', done); })");
            result.Add((await image.GetAttributeAsync("alt") ?? "", await image.EvaluateAsync<int>("img => img.naturalWidth")));
        }

        return result;
    }

    [Theory, MemberData(nameof(Viewports))]
    public async Task FiveGluteExercisePages_ShowStartAndEndPictures_FromThisServer(string name, int width, int height)
    {
        await using var server = await RunningServer.StartAsync();
        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await browser.OpenAsync(server, width, height);
        var requests = CollectRequests(page);

        foreach (var slug in new[] { "hip-thrust", "fire-hydrant", "glute-bridge", "squat", "bulgarian-split-squat" })
        {
            await page.GotoAsync(new Uri(server.Address, $"/exercises/{slug}").ToString());
            var main = await LoadedPicturesAsync(page.GetByTestId("exercise-pictures").Locator("img"));

            Assert.Equal(2, main.Count);
            Assert.Contains("start:", main[0].Alt, StringComparison.Ordinal);
            Assert.Contains("end:", main[1].Alt, StringComparison.Ordinal);
            Assert.All(main, p => Assert.True(p.NaturalWidth > 0, $"{slug}: the picture '{p.Alt}' did not load"));
            Assert.Equal(["Start", "End"], await page.GetByTestId("exercise-pictures").Locator("figcaption").AllInnerTextsAsync());

            // Every rung of the ladder: its own two pictures, each loaded, each saying which rung and position it shows.
            var rungs = page.GetByTestId("progression").Locator("> li");
            for (var i = 0; i < await rungs.CountAsync(); i++)
            {
                var rungName = await rungs.Nth(i).Locator("strong").InnerTextAsync();
                var pictures = await LoadedPicturesAsync(rungs.Nth(i).GetByTestId("rung-pictures").Locator("img"));
                Assert.Equal(2, pictures.Count);
                Assert.All(pictures, p => Assert.StartsWith(rungName + ", ", p.Alt, StringComparison.Ordinal));
                Assert.All(pictures, p => Assert.True(p.NaturalWidth > 0, $"{slug}: the picture '{p.Alt}' did not load"));
            }

            Assert.Contains("Figures: RunStrong's own drawings", await page.GetByTestId("picture-credits").InnerTextAsync(), StringComparison.Ordinal);
            if (slug != "fire-hydrant")
            {
                Assert.Contains("Photos: free-exercise-db, Unlicense", await page.GetByTestId("picture-credits").InnerTextAsync(), StringComparison.Ordinal);
            }

            await Browser.AssertNoSidewaysScrollAsync(page, width);
            await page.EvaluateAsync("window.scrollTo(0, 0)");
            await Browser.ScreenshotAsync(page, $"pictures-{slug}-{name}");
        }

        AssertNothingLeftTheServer(server, requests);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task LogPage_ShowsEachExercisesPicture_SmallAndTappable()
    {
        await using var server = await RunningServer.StartAsync();
        await TrainingPlans.SeedAsync(server.Database, server.Today);
        DateOnly day;
        await using (var db = server.Database.CreateContext())
        {
            var plan = await TrainingPlan.NewestAsync(db, LocalRunner.Instance, await new ExerciseCatalogue(db).AllAsync(), default);
            day = plan!.NextStrength(server.Today)!.Date;
        }

        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await browser.OpenAsync(server, 390, 844);
        var requests = CollectRequests(page);
        await page.GotoAsync(new Uri(server.Address, $"/log?date={day:yyyy-MM-dd}").ToString());

        var exercises = page.GetByTestId("planned-session").First.Locator("article.exercise-sets");
        Assert.True(await exercises.CountAsync() >= 3, "the planned session has its exercises");
        for (var i = 0; i < await exercises.CountAsync(); i++)
        {
            var thumbs = await LoadedPicturesAsync(exercises.Nth(i).GetByTestId("exercise-thumb").Locator("img"));
            var shown = Assert.Single(thumbs);
            Assert.Contains("start:", shown.Alt, StringComparison.Ordinal);
            Assert.True(shown.NaturalWidth > 0, $"the picture '{shown.Alt}' did not load");
        }

        // Small beside the name: the set rows keep the whole width of the phone.
        var first = exercises.First;
        var thumb = (await first.GetByTestId("exercise-thumb").BoundingBoxAsync())!;
        Assert.InRange(thumb.Height, 20, 60);
        var row = (await first.GetByTestId("set-row").First.BoundingBoxAsync())!;
        Assert.True(row.Y > thumb.Y + thumb.Height - 1, "the first set row sits below the picture, not beside it");
        await Browser.AssertNoSidewaysScrollAsync(page, 390);
        await Browser.ScreenshotAsync(page, "pictures-log-phone");

        // Tapping it opens the rung's larger pictures on the exercise page.
        var slug = await first.GetAttributeAsync("data-exercise");
        var variant = await first.GetByTestId("set-row").First.Locator("input[name=Variant]").InputValueAsync();
        await first.GetByTestId("exercise-thumb").ClickAsync();
        await page.ArrivesAtAsync($"**/exercises/{slug}#rung-{variant}");
        var larger = await LoadedPicturesAsync(page.Locator($"#rung-{variant}").GetByTestId("rung-pictures").Locator("img"));
        Assert.Equal(2, larger.Count);
        Assert.All(larger, p => Assert.True(p.NaturalWidth > 0));

        AssertNothingLeftTheServer(server, requests);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task PlanSessionAndPrintedPlan_ShowThePictures()
    {
        await using var server = await RunningServer.StartAsync();
        var id = await TrainingPlans.SeedAsync(server.Database, server.Today);
        PlannedStrengthSession next;
        await using (var db = server.Database.CreateContext())
        {
            var plan = await TrainingPlan.NewestAsync(db, LocalRunner.Instance, await new ExerciseCatalogue(db).AllAsync(), default);
            next = plan!.NextStrength(server.Today)!;
        }

        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await browser.OpenAsync(server, 390, 844);
        var requests = CollectRequests(page);
        var index = next.Key[(next.Key.IndexOf('#', StringComparison.Ordinal) + 1)..];
        await page.GotoAsync(new Uri(server.Address, $"/plans/{id}/sessions/{next.Date:yyyy-MM-dd}/{index}").ToString());

        var planned = page.Locator(".planned-exercise");
        Assert.Equal(next.Session.Exercises.Count, await planned.CountAsync());
        for (var i = 0; i < await planned.CountAsync(); i++)
        {
            var pictures = await LoadedPicturesAsync(planned.Nth(i).GetByTestId("session-pictures").Locator("img"));
            Assert.Equal(2, pictures.Count);
            Assert.All(pictures, p => Assert.True(p.NaturalWidth > 0 && p.Alt.Length > 10, $"'{p.Alt}' did not load"));
        }

        await Browser.AssertNoSidewaysScrollAsync(page, 390);
        await Browser.ScreenshotAsync(page, "pictures-session-phone");

        await page.GotoAsync(new Uri(server.Address, $"/plans/{id}/print").ToString());
        var printed = page.GetByTestId("print-exercises").Locator("li");
        Assert.True(await printed.CountAsync() >= next.Session.Exercises.Count);
        var all = await LoadedPicturesAsync(page.GetByTestId("print-exercises").Locator("img"));
        Assert.Equal(2 * await printed.CountAsync(), all.Count);
        Assert.All(all, p => Assert.True(p.NaturalWidth > 0, $"'{p.Alt}' did not load"));
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        var width = await page.GetByTestId("print-pictures").First.Locator("img").First.EvaluateAsync<double>("img => img.getBoundingClientRect().width");
        Assert.InRange(width, 30, 130);
        await Browser.AssertNoSidewaysScrollAsync(page, 390);
        await Browser.ScreenshotAsync(page, "pictures-print");

        AssertNothingLeftTheServer(server, requests);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Api_ListsEachRungsPictures_AsFilesOnThisServer()
    {
        await using var server = await RunningServer.StartAsync();

        var exercise = await server.GetJsonAsync<JsonElement>("/api/exercises/hip-thrust");

        var main = exercise.GetProperty("pictures").EnumerateArray().ToArray();
        Assert.Equal(["start", "end"], main.Select(p => p.GetProperty("position").GetString()));
        Assert.Equal("/img/exercises/hip-thrust/barbell-start.jpg", main[0].GetProperty("url").GetString());
        Assert.Equal("free-exercise-db (Barbell_Hip_Thrust), Unlicense", main[0].GetProperty("credit").GetString());
        foreach (var variant in exercise.GetProperty("variants").EnumerateArray())
        {
            var pictures = variant.GetProperty("pictures").EnumerateArray().ToArray();
            Assert.Equal(2, pictures.Length);
            foreach (var picture in pictures)
            {
                var url = picture.GetProperty("url").GetString()!;
                Assert.StartsWith("/img/exercises/hip-thrust/", url, StringComparison.Ordinal);
                using var response = await server.Client.GetAsync(new Uri(url, UriKind.Relative));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal(url.EndsWith(".svg", StringComparison.Ordinal) ? "image/svg+xml" : "image/jpeg", response.Content.Headers.ContentType!.MediaType);
                Assert.Contains("max-age", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task ImportedEntry_ShowsItsPictures_OnlyFromACopyOnTheServer()
    {
        var folder = Directory.CreateTempSubdirectory("runstrong-pictures-");
        try
        {
            // A copy of free-exercise-db's hip thrust photos, kept where the server is told to look.
            var kept = Directory.CreateDirectory(Path.Combine(folder.FullName, "free-exercise-db", "Barbell_Hip_Thrust"));
            var photos = Path.Combine(Fixtures.RepositoryRoot, "src", "RunStrong.Web", "wwwroot", "img", "exercises", "hip-thrust");
            File.Copy(Path.Combine(photos, "barbell-start.jpg"), Path.Combine(kept.FullName, "0.jpg"));
            File.Copy(Path.Combine(photos, "barbell-end.jpg"), Path.Combine(kept.FullName, "1.jpg"));

            await using var server = await RunningServer.StartWithAsync("sqlite", $"--Catalogue:PicturesFolder={folder.FullName}");
            await using (var db = server.Database.CreateContext())
            {
                await ImportExercises.HandleAsync(db, Fixtures.Path("catalogues", "yuhonas__free-exercise-db__dist__exercises.json"), TestClock.Create());
            }

            var list = await server.GetJsonAsync<JsonElement>("/api/exercises?q=barbell");
            var thrust = list.EnumerateArray().Single(e => e.GetProperty("source").GetProperty("externalId").GetString() == "Barbell_Hip_Thrust");
            var notKept = list.EnumerateArray().First(e => e.GetProperty("source").GetProperty("externalId").GetString() == "Barbell_Squat");
            Assert.Equal(2, thrust.GetProperty("pictures").GetArrayLength());
            Assert.Equal("/exercises/pictures/free-exercise-db/Barbell_Hip_Thrust/0.jpg", thrust.GetProperty("pictures")[0].GetProperty("url").GetString());
            Assert.Equal(0, notKept.GetProperty("pictures").GetArrayLength());

            await using var browser = await Browser.LaunchAsync();
            var (page, errors) = await browser.OpenAsync(server, 390, 844);
            var requests = CollectRequests(page);
            await page.GotoAsync(new Uri(server.Address, $"/exercises/{thrust.GetProperty("slug").GetString()}").ToString());
            var shown = await LoadedPicturesAsync(page.GetByTestId("exercise-pictures").Locator("img"));
            Assert.Equal(2, shown.Count);
            Assert.All(shown, p => Assert.True(p.NaturalWidth > 0, $"'{p.Alt}' did not load"));
            Assert.Equal("Barbell Hip Thrust, start position", shown[0].Alt);
            Assert.Contains("Photos: free-exercise-db, Unlicense", await page.GetByTestId("picture-credits").InnerTextAsync(), StringComparison.Ordinal);

            await page.GotoAsync(new Uri(server.Address, $"/exercises/{notKept.GetProperty("slug").GetString()}").ToString());
            Assert.Equal(0, await page.Locator("img").CountAsync());

            // Nothing outside the folder is served, whatever the path says.
            using var escape = await server.Client.GetAsync(new Uri("/exercises/pictures/free-exercise-db/..%2F..%2Fetc%2Fpasswd", UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, escape.StatusCode);

            AssertNothingLeftTheServer(server, requests);
            Assert.Empty(errors);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
