using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using RunStrong.TestSupport;
using RunStrong.Web.Tests.Infrastructure;
using static RunStrong.Web.Tests.Activities.ActivitiesApiTests;

namespace RunStrong.Web.Tests.Activities;

/// <summary>
/// Issue 14 through the real server and real Chromium: the route map, splits and laps on the activity page, files
/// without times, the API's splits and laps in km or miles, and the goal race on the predictions page.
/// </summary>
public class ActivityNumbersPagesTests
{
    private const string EightTracks = "tkrajina__gpxpy__test_files__cerknicko-jezero.gpx";
    private const string NoTimes = "GoldenCheetah__GoldenCheetah__test__rides__A_ride_mapped_on_11_22_2011.gpx";

    public static TheoryData<string> Engines => TestDatabases.Engines;

    private static async Task<long> UploadAsync(RunningServer server, string folder, string name, string? date = null)
    {
        using var form = Form((folder, name));
        if (date is not null)
        {
            form.Add(new StringContent(date), "date");
        }

        using var response = await server.Client.PostAsync(new Uri("/api/activities", UriKind.Relative), form);
        var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var file = report.GetProperty("files")[0];
        Assert.True(file.GetProperty("status").GetString() == "imported", file.ToString());
        return file.GetProperty("activityId").GetInt64();
    }

    [Theory]
    [InlineData("phone", 390, 844)]
    [InlineData("desktop", 1280, 900)]
    public async Task ActivityPage_ShowsTheRouteMapSplitsAndLaps_InKmOrMiles(string name, int width, int height)
    {
        await using var server = await RunningServer.StartAsync();
        var runId = await UploadAsync(server, "fit", FenixRun);
        var tracksId = await UploadAsync(server, "gpx", EightTracks);
        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await browser.OpenAsync(server, width, height);

        await page.GotoAsync(new Uri(server.Address, $"/activities/{runId}").ToString());

        var map = page.GetByTestId("route-map");
        await Assertions.Expect(map).ToBeVisibleAsync();
        Assert.Equal(1, await map.Locator("polyline.map-route").CountAsync());
        await Assertions.Expect(map.GetByTestId("map-start")).ToBeVisibleAsync();
        await Assertions.Expect(map.GetByTestId("map-finish")).ToBeVisibleAsync();
        Assert.Equal(9, await map.Locator("[data-marker]").CountAsync());
        Assert.True(await map.Locator("polyline.map-climb").CountAsync() >= 1, "the run's climbs are drawn on the map");
        Assert.Contains("Route of 9.01 km", await map.Locator("svg").GetAttributeAsync("aria-label"), StringComparison.Ordinal);

        var splits = page.GetByTestId("splits");
        Assert.Equal(["km", "Time", "Pace", "Grade-adj.", "HR", "Elev."], await splits.Locator("thead th").AllInnerTextsAsync());
        Assert.Equal(9, await splits.Locator("tbody tr").CountAsync());
        var first = await splits.Locator("tbody tr[data-split='5'] td").AllInnerTextsAsync();
        Assert.Matches("^[0-9]:[0-5][0-9]$", first[0]);
        Assert.EndsWith(" /km", first[1], StringComparison.Ordinal);
        var laps = page.GetByTestId("laps");
        Assert.Equal(4, await laps.Locator("tbody tr").CountAsync());
        Assert.Contains("km", await laps.Locator("tbody tr[data-lap='2'] td").First.InnerTextAsync(), StringComparison.Ordinal);
        await Browser.ScreenshotAsync(page, $"activity-map-splits-laps-{name}");
        await Browser.AssertNoSidewaysScrollAsync(page, width);

        await page.GetByTestId("unit-mi").ClickAsync();
        await page.ArrivesAtAsync("**unit=mi");
        Assert.Equal("5.60 mi", await page.GetByTestId("distance").InnerTextAsync());
        Assert.Equal("mi", await splits.Locator("thead th").First.InnerTextAsync());
        Assert.Equal(6, await splits.Locator("tbody tr").CountAsync());
        Assert.EndsWith(" /mi", await page.GetByTestId("pace").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(5, await page.GetByTestId("route-map").Locator("[data-marker]").CountAsync());
        await Browser.AssertNoSidewaysScrollAsync(page, width);

        // Eight GPX tracks: the way between them is not drawn, not counted, and the page says so; GPX has no laps.
        await page.GotoAsync(new Uri(server.Address, $"/activities/{tracksId}").ToString());
        Assert.Equal(7, await page.GetByTestId("route-map").Locator("polyline.map-route").CountAsync());
        Assert.StartsWith("4.5", await page.GetByTestId("distance").InnerTextAsync(), StringComparison.Ordinal);
        await Assertions.Expect(page.GetByTestId("metric-notes").Locator("li[data-code='segments-not-joined']")).ToContainTextAsync("is not counted");
        await Assertions.Expect(page.GetByTestId("no-laps")).ToHaveTextAsync("GPX files hold no laps.");
        await Browser.ScreenshotAsync(page, $"activity-eight-tracks-{name}");
        await Browser.AssertNoSidewaysScrollAsync(page, width);
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("phone", 390, 844)]
    [InlineData("desktop", 1280, 900)]
    public async Task UploadPage_FileWithoutTimes_TakesTheDayGiven_AndTheActivityPageLetsTheRunnerChangeIt(string name, int width, int height)
    {
        await using var server = await RunningServer.StartAsync();
        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await browser.OpenAsync(server, width, height);

        await page.GotoAsync(new Uri(server.Address, "/activities/upload").ToString());
        await page.GetByLabel("Activity files").SetInputFilesAsync([Fixtures.Path("gpx", NoTimes)]);
        await page.GetByTestId("upload-button").ClickAsync();
        await page.Locator("form[data-done=true]").WaitForAsync();
        var refused = page.GetByTestId("upload-results").Locator("li[data-status=failed]");
        await Assertions.Expect(refused).ToContainTextAsync("no times in this file, and no date: give the day it was recorded");

        await page.GotoAsync(new Uri(server.Address, "/activities/upload").ToString());
        await page.GetByLabel("Activity files").SetInputFilesAsync([Fixtures.Path("gpx", NoTimes)]);
        await page.GetByTestId("upload-date").FillAsync("2011-11-22");
        await page.GetByTestId("upload-button").ClickAsync();
        await page.Locator("form[data-done=true]").WaitForAsync();
        await page.GetByTestId("upload-results").Locator("li[data-status=imported] a").ClickAsync();
        await page.ArrivesAtAsync("**/activities/*");

        await Assertions.Expect(page.GetByTestId("no-times")).ToContainTextAsync("No times in this file");
        await Assertions.Expect(page.GetByTestId("no-times")).ToContainTextAsync("dated Tue 22 Nov 2011 as you gave it");
        Assert.Equal("96.28 km", await page.GetByTestId("distance").InnerTextAsync());
        Assert.Equal("–", await page.GetByTestId("pace").InnerTextAsync());
        await Assertions.Expect(page.GetByTestId("route-map")).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(page, $"activity-no-times-{name}");
        await Browser.AssertNoSidewaysScrollAsync(page, width);

        await page.GetByTestId("activity-date").FillAsync("2011-11-20");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the day" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        await Assertions.Expect(page.GetByTestId("no-times")).ToContainTextAsync("dated Sun 20 Nov 2011 as you gave it");
        Assert.Empty(errors);
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task Api_GetActivity_CarriesSplitsAndLaps_InTheUnitAsked(string engine)
    {
        await using var server = await RunningServer.StartAsync(engine);
        var id = await UploadAsync(server, "tcx", TcxRun);

        var km = await server.GetJsonAsync<JsonElement>($"/api/activities/{id}");
        var miles = await server.GetJsonAsync<JsonElement>($"/api/activities/{id}?unit=mi");
        using var bad = await server.Client.GetAsync(new Uri($"/api/activities/{id}?unit=furlongs", UriKind.Relative));

        Assert.Equal("km", km.GetProperty("unit").GetString());
        Assert.Equal(5, km.GetProperty("splits").GetArrayLength());
        Assert.Equal(1000, km.GetProperty("splits")[0].GetProperty("distanceMeters").GetDouble());
        Assert.Equal("mi", miles.GetProperty("unit").GetString());
        Assert.Equal(3, miles.GetProperty("splits").GetArrayLength());
        Assert.Equal(1609.344, miles.GetProperty("splits")[0].GetProperty("distanceMeters").GetDouble(), 1e-9);
        foreach (var field in new[] { "movingSeconds", "paceSecondsPerKm", "gradeAdjustedPaceSecondsPerKm", "averageHeartRate", "elevationChangeMeters" })
        {
            Assert.Equal(JsonValueKind.Number, km.GetProperty("splits")[0].GetProperty(field).ValueKind);
        }

        var laps = km.GetProperty("laps");
        Assert.Equal(3, laps.GetArrayLength());
        Assert.Equal(km.GetProperty("distanceMeters").GetDouble(), laps.EnumerateArray().Sum(l => l.GetProperty("distanceMeters").GetDouble()), 1.0);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("unit: 'furlongs' is not a distance unit; use km or mi", problem.GetProperty("detail").GetString());
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task Api_Upload_WithoutTimes_NeedsADay_AndTheDayCanBeCorrected(string engine)
    {
        await using var server = await RunningServer.StartAsync(engine);

        using var refusedForm = Form(("gpx", NoTimes));
        using var refused = await server.Client.PostAsync(new Uri("/api/activities", UriKind.Relative), refusedForm);
        var refusedFile = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("files")[0];
        using var badDateForm = Form(("gpx", NoTimes));
        badDateForm.Add(new StringContent("22/11/2011"), "date");
        using var badDate = await server.Client.PostAsync(new Uri("/api/activities", UriKind.Relative), badDateForm);
        var id = await UploadAsync(server, "gpx", NoTimes, "2011-11-22");
        using var corrected = await server.Client.PutAsync(new Uri($"/api/activities/{id}/date", UriKind.Relative),
            new StringContent("{\"date\": \"2011-11-23\"}", Encoding.UTF8, "application/json"));
        using var noDay = await server.Client.PutAsync(new Uri($"/api/activities/{id}/date", UriKind.Relative),
            new StringContent("{}", Encoding.UTF8, "application/json"));
        var detail = await server.GetJsonAsync<JsonElement>($"/api/activities/{id}");

        Assert.Equal(HttpStatusCode.BadRequest, noDay.StatusCode);
        Assert.Contains("date: give the day the activity was recorded, as YYYY-MM-DD", await noDay.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("failed", refusedFile.GetProperty("status").GetString());
        Assert.Contains("no times in this file, and no date", refusedFile.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.Contains("date: '22/11/2011' is not a day", await badDate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, corrected.StatusCode);
        Assert.Equal("2011-11-23T00:00:00Z", detail.GetProperty("startTime").GetString());
        Assert.False(detail.GetProperty("hasTimes").GetBoolean());
        Assert.Equal("entered", detail.GetProperty("startTimeSource").GetString());
    }

    [Theory]
    [InlineData("phone", 390, 844)]
    [InlineData("desktop", 1280, 900)]
    public async Task PredictionsPage_NamesTheGoalRaceOfTheCurrentPlan_WithItsTimeAndPace(string name, int width, int height)
    {
        await using var server = await RunningServer.StartAsync();
        var start = TestClock.NextMonday;
        var race = start.AddDays(84);
        var profile = $$"""
            {"experience": "regular", "equipment": ["none", "loop-band"], "locations": ["home"], "week": {"mon": "rest", "tue": "quality", "wed": "easy", "thu": "easy", "fri": "rest", "sat": "easy", "sun": "long"}, "race": {"distance": "half", "date": "{{race:yyyy-MM-dd}}", "name": "Riverside Half"}, "start": "{{start:yyyy-MM-dd}}"}
            """;
        using var plan = await server.Client.PostAsync(new Uri("/api/plans", UriKind.Relative),
            new StringContent($"{{\"name\": \"Spring half\", \"profile\": {profile}}}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, plan.StatusCode);
        using var logged = await server.Client.PostAsync(new Uri("/api/log/runs", UriKind.Relative), new StringContent(
            $"{{\"date\":\"{server.Today.AddDays(-10):yyyy-MM-dd}\",\"distance\":\"10k\",\"time\":\"45:00\",\"type\":\"race\"}}", Encoding.UTF8, "application/json"));
        Assert.True(logged.IsSuccessStatusCode);
        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await browser.OpenAsync(server, width, height);

        await page.GotoAsync(new Uri(server.Address, "/predictions").ToString());

        var goal = page.GetByTestId("goal-race");
        await Assertions.Expect(goal.Locator("h2")).ToHaveTextAsync("Your goal race: Riverside Half");
        await Assertions.Expect(goal).ToContainTextAsync($"Half marathon on {race.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture)} (in {race.DayNumber - server.Today.DayNumber} days)");
        var half = await page.Locator("[data-testid=predictions] tr[data-distance='half'] td").AllInnerTextsAsync();
        Assert.Equal(half[1], await goal.GetByTestId("goal-time").InnerTextAsync());
        Assert.Matches("^[4-5]:[0-5][0-9] /km$", await goal.GetByTestId("goal-pace").InnerTextAsync());
        await Browser.ScreenshotAsync(page, $"predictions-goal-race-{name}");
        await Browser.AssertNoSidewaysScrollAsync(page, width);

        var api = await server.GetJsonAsync<JsonElement>("/api/predictions");
        Assert.Equal("Riverside Half", api.GetProperty("goal").GetProperty("name").GetString());
        Assert.Empty(errors);
    }
}
