using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using RunStrong.Web.Tests.Infrastructure;

namespace RunStrong.Web.Tests.Dashboard;

/// <summary>The home page as a dashboard, in real Chromium, filled with demo data through its own button.</summary>
public class DashboardPageTests
{
    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static async Task<JsonElement> DashboardJsonAsync(RunningServer server)
    {
        var body = await server.Client.GetStringAsync(new Uri("/api/dashboard", UriKind.Relative));
        return JsonDocument.Parse(body).RootElement;
    }

    [Theory]
    [InlineData("phone", 390, 844)]
    [InlineData("desktop", 1280, 900)]
    public async Task Dashboard_WithDemoData_ShowsEveryChartWithTheApisNumbers(string name, int width, int height)
    {
        await using var server = await RunningServer.StartAsync();
        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await browser.OpenAsync(server, width, height);

        await page.GotoAsync(server.Address.ToString());
        Assert.Equal(1, await page.GetByTestId("welcome").CountAsync());
        await Browser.ScreenshotAsync(page, $"home-empty-{name}");
        await page.GetByTestId("fill-demo").ClickAsync();
        await page.GetByTestId("demo-banner").WaitForAsync();

        var api = await DashboardJsonAsync(server);
        Assert.True(api.GetProperty("hasDemoData").GetBoolean());

        // Weekly distance: one bar per week with running, valued as the API's km.
        var volumeBars = await page.Locator("[data-testid=chart-running-volume] rect.bar").EvaluateAllAsync<string[]>("bars => bars.map(b => b.dataset.value)");
        var volume = api.GetProperty("runningVolume").EnumerateArray().Select(w => w.GetProperty("distanceKm").GetDouble()).Where(v => v > 0).Select(N).ToArray();
        Assert.True(volume.Length >= 15, $"{volume.Length} weeks with running");
        Assert.Equal(volume, volumeBars);

        // Sets by muscle: stacked, week by week, muscle by muscle, zeros not drawn.
        var setBars = await page.Locator("[data-testid=chart-muscle-sets] rect.bar").EvaluateAllAsync<string[]>("bars => bars.map(b => b.dataset.series + '=' + b.dataset.value)");
        var muscles = api.GetProperty("muscleSets").GetProperty("muscles").EnumerateArray().Select(m => m.GetString()!).ToArray();
        var sets = api.GetProperty("muscleSets").GetProperty("weeks").EnumerateArray()
            .SelectMany(w => w.GetProperty("sets").EnumerateArray().Select((v, i) => (Muscle: muscles[i], Value: v.GetDouble())))
            .Where(x => x.Value > 0)
            .Select(x => $"{char.ToUpperInvariant(x.Muscle[0])}{x.Muscle[1..].Replace('-', ' ')}={N(x.Value)}")
            .ToArray();
        Assert.NotEmpty(sets);
        Assert.Equal(sets, setBars);
        Assert.Contains(setBars, b => b.StartsWith("Gluteus medius=", StringComparison.Ordinal));

        var strengthBars = await page.Locator("[data-testid=chart-strength-sessions] rect.bar").EvaluateAllAsync<string[]>("bars => bars.map(b => b.dataset.value)");
        Assert.Equal(api.GetProperty("strengthSessions").EnumerateArray().Select(w => w.GetProperty("count").GetInt32()).Where(c => c > 0).Select(c => N(c)), strengthBars);
        Assert.True(await page.Locator("[data-testid=chart-load] rect.bar").CountAsync() >= 16);
        Assert.True(await page.Locator("[data-testid=chart-running-time] rect.bar").CountAsync() >= 15);

        var lifts = api.GetProperty("oneRepMaxTrends").EnumerateArray().ToArray();
        Assert.NotEmpty(lifts);
        foreach (var lift in lifts)
        {
            var line = page.Locator($"[data-testid=chart-one-rep-max] polyline[data-series=\"{lift.GetProperty("name").GetString()}\"]");
            Assert.Equal(lift.GetProperty("points").GetArrayLength().ToString(CultureInfo.InvariantCulture), await line.GetAttributeAsync("data-points"));
        }

        var months = api.GetProperty("predictionTrend").GetArrayLength().ToString(CultureInfo.InvariantCulture);
        Assert.Equal(months, await page.Locator("[data-testid=chart-prediction-5k] polyline[data-series=\"5 km\"]").GetAttributeAsync("data-points"));
        Assert.Equal(months, await page.Locator("[data-testid=chart-prediction-10k] polyline[data-series=\"10 km\"]").GetAttributeAsync("data-points"));
        var latest = api.GetProperty("predictionTrend").EnumerateArray().Last();
        Assert.Contains($"5 km about {latest.GetProperty("fiveK").GetString()}", await page.Locator("section[aria-label='Race predictions']").InnerTextAsync(), StringComparison.Ordinal);
        var ratios = api.GetProperty("acuteChronic").GetProperty("days").EnumerateArray().Count(d => d.GetProperty("ratio").ValueKind == JsonValueKind.Number);
        Assert.Equal(ratios.ToString(CultureInfo.InvariantCulture), await page.Locator("[data-testid=chart-acute-chronic] polyline").GetAttributeAsync("data-points"));
        Assert.Contains("disputed", await page.GetByTestId("acwr-caveat").InnerTextAsync(), StringComparison.Ordinal);

        // Every chart has its text alternative: a data table.
        foreach (var chart in new[] { "running-volume", "running-time", "strength-sessions", "muscle-sets", "one-rep-max", "prediction-5k", "prediction-10k", "load", "acute-chronic" })
        {
            Assert.Equal(1, await page.Locator($"[data-testid=chart-{chart}] svg[role=img]").CountAsync());
            Assert.True(await page.Locator($"[data-testid=chart-{chart}] details table tbody tr").CountAsync() > 0, $"{chart} has no data table rows");
        }

        var map = page.GetByTestId("soreness-map");
        var calves = await map.GetByRole(AriaRole.Row).Filter(new() { HasText = "Calves" }).Locator("td[data-score]").EvaluateAllAsync<string[]>("cells => cells.map(c => c.dataset.score)");
        var calvesApi = api.GetProperty("soreness").GetProperty("scores")[0].EnumerateArray()
            .Select(s => s.ValueKind == JsonValueKind.Number ? s.GetInt32().ToString(CultureInfo.InvariantCulture) : "").ToArray();
        Assert.Equal(calvesApi, calves);
        Assert.True(await map.Locator("td.heat-moderate").CountAsync() > 0);

        var suggestions = await page.GetByTestId("suggestions").Locator("li.suggestion").AllInnerTextsAsync();
        Assert.Contains(suggestions, s => s.Contains("glute and hamstring work", StringComparison.Ordinal) && s.Contains("Why:", StringComparison.Ordinal));
        Assert.Contains(suggestions, s => s.Contains("shorter session", StringComparison.Ordinal));
        Assert.Contains("physiotherapist or doctor", await page.GetByTestId("suggestions").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(7, await page.GetByTestId("this-week").Locator("li").CountAsync());

        if (width < 500)
        {
            await Browser.AssertNoSidewaysScrollAsync(page, width);
        }

        await Browser.ScreenshotAsync(page, $"dashboard-{name}");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", $"dashboard-{name}-top.png") });
        await map.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", $"dashboard-{name}-soreness.png") });
        await page.Locator("section[aria-label='Sets by muscle']").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", $"dashboard-{name}-sets.png") });

        await page.GetByRole(AriaRole.Button, new() { Name = "Remove demo data" }).ClickAsync();
        await page.GetByTestId("welcome").WaitForAsync();
        Assert.Equal(0, await page.GetByTestId("demo-banner").CountAsync());
        Assert.False((await DashboardJsonAsync(server)).GetProperty("hasData").GetBoolean());
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Dashboard_ARunWithoutAnRpe_IsMarkedOnTheWeeksLoad_AndSaidInTheApi()
    {
        await using var server = await RunningServer.StartAsync();
        using var logged = await server.Client.PostAsync(new Uri("/api/log/runs", UriKind.Relative),
            new StringContent("""{"distance": "8k", "time": "45:00", "type": "easy"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, logged.StatusCode);

        var html = await server.Client.GetStringAsync(new Uri("/", UriKind.Relative));
        var week = (await DashboardJsonAsync(server)).GetProperty("load").EnumerateArray().Last();

        Assert.Contains("data-testid=\"load-unrated\"", html, StringComparison.Ordinal);
        Assert.Contains("* 1 session in these weeks without an RPE adds nothing to the load", System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Equal(1, week.GetProperty("unrated").GetInt32());
        Assert.Equal(0, week.GetProperty("total").GetDouble());
        Assert.StartsWith("1 run without an RPE adds nothing to this week's load", week.GetProperty("note").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_ABeginnersRace_MakesATrendPoint_FlaggedAsRiegels()
    {
        // A 5 km in 36:00 is VDOT 24.7, below Daniels' tables: once no trend at all, now Riegel's times, said to be rougher.
        await using var server = await RunningServer.StartAsync();
        using var logged = await server.Client.PostAsync(new Uri("/api/log/runs", UriKind.Relative),
            new StringContent("""{"distance": "5k", "time": "36:00", "type": "race"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, logged.StatusCode);

        var html = System.Net.WebUtility.HtmlDecode(await server.Client.GetStringAsync(new Uri("/", UriKind.Relative)));
        var month = (await DashboardJsonAsync(server)).GetProperty("predictionTrend").EnumerateArray().Single();
        var predictions = System.Net.WebUtility.HtmlDecode(await server.Client.GetStringAsync(new Uri("/predictions", UriKind.Relative)));

        Assert.Equal("riegel", month.GetProperty("model").GetString());
        Assert.Equal("36:00", month.GetProperty("fiveK").GetString());
        Assert.Contains("10 km about <strong>1:15:05</strong> (Riegel: VDOT 24.7 is below Daniels' tables, 30–85, so these are rougher estimates)", html, StringComparison.Ordinal);
        Assert.Contains("1 of 1 month comes from an effort with a VDOT below Daniels' tables (30–85): their times are Riegel's", predictions, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_WeeksOutOfRange_IsAProblemNamingTheField()
    {
        await using var server = await RunningServer.StartAsync();

        using var response = await server.Client.GetAsync(new Uri("/api/dashboard?weeks=500", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("weeks must be between 1 and 104, got 500", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_ToADay_ShowsTheWeeksUpToIt_AndABadDateIsNamed()
    {
        await using var server = await RunningServer.StartAsync();

        var view = JsonDocument.Parse(await server.Client.GetStringAsync(new Uri("/api/dashboard?to=2026-04-01&weeks=3", UriKind.Relative))).RootElement;
        using var bad = await server.Client.GetAsync(new Uri("/api/dashboard?to=1st+April", UriKind.Relative));

        Assert.Equal(["2026-03-16", "2026-03-23", "2026-03-30"], view.GetProperty("weeks").EnumerateArray().Select(w => w.GetString()));
        Assert.Equal("2026-04-01", view.GetProperty("to").GetString());
        Assert.False(view.GetProperty("hasData").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("to must be a date written yyyy-MM-dd, such as 2026-04-01, got '1st April'", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
