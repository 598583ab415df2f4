using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using RunStrong.Features.Catalogue;
using RunStrong.Features.Common;
using RunStrong.Features.Training;
using RunStrong.TestSupport;
using RunStrong.Web.Tests.Infrastructure;

namespace RunStrong.Web.Tests.Training;

/// <summary>
/// Issue 15, part 2 over HTTP and in Chromium: a strength activity from a watch (encoded by Garmin's FIT SDK) uploaded on a
/// day the runner also logged by hand; the API and the gym page offer the choice (keep the watch's, keep mine, keep both)
/// and the mapping of a Garmin name the catalogue does not know.
/// </summary>
public sealed class WatchStrengthWebTests : IDisposable
{
    public static TheoryData<string> Engines => TestDatabases.Engines;

    private readonly string _folder = Directory.CreateTempSubdirectory("runstrong-watch-web-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A plan from today, a session logged by hand on its first strength day, and the watch's file of that day uploaded.</summary>
    private async Task<(DateOnly Day, long Hand, JsonElement File)> SetUpAsync(RunningServer server)
    {
        var today = server.Today;
        await TrainingPlans.SeedAsync(server.Database, today);
        DateOnly day;
        await using (var db = server.Database.CreateContext())
        {
            var plan = await TrainingPlan.NewestAsync(db, LocalRunner.Instance, await new ExerciseCatalogue(db).AllAsync(), default);
            day = plan!.NextStrength(today)!.Date;
        }

        using var hand = await server.Client.PostAsJsonAsync("/api/log/strength", new
        {
            date = Iso(day),
            sets = new object[] { new { exercise = "hip-thrust", variant = "barbell", reps = 10, load = "135lb", rpe = 7 } },
        });
        Assert.Equal(HttpStatusCode.Created, hand.StatusCode);
        var handId = (await hand.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        var fit = GarminFitSdk.EncodeStrength(Path.Combine(_folder, "strength.fit"), day.ToDateTime(new TimeOnly(7, 30), DateTimeKind.Utc), "pound");
        using var form = new MultipartFormDataContent { { new ByteArrayContent(await File.ReadAllBytesAsync(fit)), "files", "strength.fit" } };
        using var upload = await server.Client.PostAsync(new Uri("/api/activities", UriKind.Relative), form);
        var report = await upload.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(upload.IsSuccessStatusCode, report.ToString());
        return (day, handId, report.GetProperty("files")[0]);
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task Api_UploadedStrengthFit_AsksForTheChoice_MapsANameOnce_KeepsTheWatchs(string engine)
    {
        await using var server = await RunningServer.StartAsync(engine);
        var (day, hand, file) = await SetUpAsync(server);

        var strength = file.GetProperty("strength");
        Assert.Equal(("imported", 6, 2, hand), (file.GetProperty("status").GetString(), strength.GetProperty("sets").GetInt32(),
            strength.GetProperty("unmappedSets").GetInt32(), strength.GetProperty("mergeWithSessionId").GetInt64()));
        var watchId = strength.GetProperty("sessionId").GetInt64();
        var names = await server.GetJsonAsync<JsonElement[]>("/api/log/garmin-exercises");
        Assert.Equal(["bench-press/barbell-bench-press", "unknown/"], names.Select(n => n.GetProperty("garmin").GetString()));

        using (var mapped = await server.Client.PutAsJsonAsync("/api/log/garmin-exercises", new { garmin = "bench-press/barbell-bench-press", exercise = "romanian-deadlift", variant = "barbell" }))
        {
            Assert.Equal(1, (await mapped.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sets").GetInt32());
        }

        using (var bad = await server.Client.PutAsJsonAsync("/api/log/garmin-exercises", new { garmin = "squat/goblet-squat", exercise = "nope" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Contains("no exercise 'nope'", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var badKeep = await server.Client.PostAsJsonAsync($"/api/log/strength/{watchId}/keep", new { keep = "neither" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, badKeep.StatusCode);
        }

        using (var kept = await server.Client.PostAsJsonAsync($"/api/log/strength/{watchId}/keep", new { keep = "watch" }))
        {
            Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        }

        var session = await server.GetJsonAsync<JsonElement>($"/api/log/strength/{watchId}");
        Assert.StartsWith(Iso(day), session.GetProperty("plannedSessionKey").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, session.GetProperty("mergeWithSessionId").ValueKind);
        var sets = session.GetProperty("sets").EnumerateArray().ToArray();
        Assert.Equal(["hip-thrust", "hip-thrust", "squat", "romanian-deadlift", "glute-bridge", "unmapped"], sets.Select(s => s.GetProperty("exercise").GetString()));
        Assert.Equal([135.0, 135, 95, 65], sets.Take(4).Select(s => s.GetProperty("loadValue").GetDouble()));
        Assert.All(sets.Take(4), s => Assert.Equal("lb", s.GetProperty("loadUnit").GetString()));
        using (var gone = await server.Client.GetAsync(new Uri($"/api/log/strength/{hand}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        }

        using (var again = await server.Client.PostAsJsonAsync($"/api/log/strength/{watchId}/keep", new { keep = "mine" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        }

        using var missing = await server.Client.PostAsJsonAsync("/api/log/strength/987654/keep", new { keep = "watch" });
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Theory]
    [InlineData("phone", 390, 844)]
    [InlineData("desktop", 1280, 900)]
    public async Task LogPage_ShowsTheWatchsSets_MapsAName_AndKeepsTheWatchs(string name, int width, int height)
    {
        await using var server = await RunningServer.StartAsync();
        var (day, _, _) = await SetUpAsync(server);
        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await browser.OpenAsync(server, width, height);

        await page.GotoAsync(new Uri(server.Address, $"/log?date={Iso(day)}").ToString());

        var watch = page.GetByTestId("watch-session");
        await Assertions.Expect(watch.Locator("h2")).ToHaveTextAsync("From your watch: 6 sets");
        await Assertions.Expect(page.GetByTestId("merge-choice")).ToBeVisibleAsync();
        var sets = page.GetByTestId("watch-sets").Locator("li");
        await Assertions.Expect(sets).ToHaveCountAsync(6);
        await Assertions.Expect(sets.Nth(0)).ToContainTextAsync("Hip thrust, barbell");
        await Assertions.Expect(sets.Nth(3)).ToContainTextAsync("Barbell bench press (bench press)");
        await Assertions.Expect(page.GetByTestId("map-garmin")).ToHaveCountAsync(2);
        await Browser.ScreenshotAsync(page, $"log-watch-choice-{name}");
        if (width < 500)
        {
            await Browser.AssertNoSidewaysScrollAsync(page, width);
        }

        var bench = page.GetByTestId("map-garmin").First;
        await bench.GetByTestId("map-exercise").SelectOptionAsync("romanian-deadlift|barbell");
        await bench.GetByTestId("map-button").ClickAsync();

        await Assertions.Expect(page.Locator("p.saved")).ToContainTextAsync("1 set from your watch now Romanian deadlift, barbell.");
        await Assertions.Expect(page.GetByTestId("map-garmin")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("watch-sets").Locator("li").Nth(3)).ToContainTextAsync("Romanian deadlift, barbell");

        await page.GetByTestId("keep-watch").ClickAsync();

        await Assertions.Expect(page.Locator("p.saved")).ToHaveTextAsync("Kept the watch's session.");
        await Assertions.Expect(page.GetByTestId("merge-choice")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("watch-session")).ToContainTextAsync("counted for this day's planned session");
        await Browser.ScreenshotAsync(page, $"log-watch-kept-{name}");
        Assert.Empty(errors);
    }
}
