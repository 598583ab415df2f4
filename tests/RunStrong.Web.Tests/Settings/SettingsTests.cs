using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RunStrong.Data.Entities;
using RunStrong.Features.Activities;
using RunStrong.TestSupport;
using RunStrong.Web.Tests.Infrastructure;

namespace RunStrong.Web.Tests.Settings;

/// <summary>Heart-rate settings through the page and the API, and the TRIMP chart they unlock on the dashboard.</summary>
public class SettingsTests
{
    public static TheoryData<string> Engines => TestDatabases.Engines;

    [Theory, MemberData(nameof(Engines))]
    public async Task Api_PutThenGet_AndABadValueIsProblemDetailsNamingTheField(string engine)
    {
        await using var server = await RunningServer.StartAsync(engine);

        using var put = await server.Client.PutAsJsonAsync("/api/settings", new { restingHeartRate = 52, maxHeartRate = 186, trimpWeighting = "women" });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var got = await server.GetJsonAsync<JsonElement>("/api/settings");
        Assert.Equal((52, 186, "women"), (got.GetProperty("restingHeartRate").GetInt32(), got.GetProperty("maxHeartRate").GetInt32(), got.GetProperty("trimpWeighting").GetString()));

        using var bad = await server.Client.PutAsJsonAsync("/api/settings", new { restingHeartRate = 52, maxHeartRate = 40, trimpWeighting = "women" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("maxHeartRate", out _));
        Assert.Equal(186, (await server.GetJsonAsync<JsonElement>("/api/settings")).GetProperty("maxHeartRate").GetInt32());
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task Api_UnitsAndZone_DefaultKeepWhenMissing_AndBadOnesAreProblemDetails(string engine)
    {
        await using var server = await RunningServer.StartAsync(engine);

        var first = await server.GetJsonAsync<JsonElement>("/api/settings");
        Assert.Equal(("km", "kg", "UTC"), (first.GetProperty("distanceUnit").GetString(), first.GetProperty("weightUnit").GetString(), first.GetProperty("timeZone").GetString()));

        using (var put = await server.Client.PutAsJsonAsync("/api/settings", new { distanceUnit = "mi", weightUnit = "lb", timeZone = "America/Denver" }))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        // A PUT that leaves them out (a script from before units existed) keeps them.
        using (var heartOnly = await server.Client.PutAsJsonAsync("/api/settings", new { restingHeartRate = 50, maxHeartRate = 190, trimpWeighting = "men" }))
        {
            Assert.Equal(HttpStatusCode.OK, heartOnly.StatusCode);
        }

        var got = await server.GetJsonAsync<JsonElement>("/api/settings");
        Assert.Equal(("mi", "lb", "America/Denver", 50), (got.GetProperty("distanceUnit").GetString(), got.GetProperty("weightUnit").GetString(), got.GetProperty("timeZone").GetString(), got.GetProperty("restingHeartRate").GetInt32()));

        using var bad = await server.Client.PutAsJsonAsync("/api/settings", new { restingHeartRate = 44, timeZone = "Mars/Olympus_Mons" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("Mars/Olympus_Mons", problem.GetProperty("errors").GetProperty("timeZone")[0].GetString(), StringComparison.Ordinal);
        var after = await server.GetJsonAsync<JsonElement>("/api/settings");
        Assert.Equal(("America/Denver", 50), (after.GetProperty("timeZone").GetString(), after.GetProperty("restingHeartRate").GetInt32()));
    }

    [Theory]
    [InlineData("phone", 390, 844)]
    [InlineData("desktop", 1280, 900)]
    public async Task SettingsPage_SavesHeartRates_AndTheDashboardShowsTrimp(string name, int width, int height)
    {
        await using var server = await RunningServer.StartAsync();
        await using (var db = server.Database.CreateContext())
        {
            var today = server.Today.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            db.Activities.Add(new StoredActivity
            {
                OwnerId = Runner.LocalId,
                Format = "manual",
                Sport = "running",
                StartTime = today.AddHours(7),
                LocalDate = server.Today,
                DistanceMeters = 10000,
                ElapsedSeconds = 3000,
                MovingSeconds = 3000,
                AverageHeartRate = 150,
                ContentHash = "settings-test-run",
                SourcePath = "typed in",
                SummaryJson = StoredSummary.Empty.ToJson(),
                RunType = "easy",
                Rpe = 4,
            });
            await db.SaveChangesAsync();
        }

        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await browser.OpenAsync(server, width, height);
        await page.GotoAsync(new Uri(server.Address, "/").ToString());
        Assert.Contains("Settings", await page.GetByTestId("trimp").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.GetByTestId("chart-trimp").CountAsync());

        await page.GotoAsync(new Uri(server.Address, "/settings").ToString());
        await page.GetByLabel("Resting heart rate").FillAsync("10");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        Assert.Contains("resting heart rate must be between 20 and 120", await page.GetByTestId("settings-error").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("true", await page.GetByLabel("Resting heart rate").GetAttributeAsync("aria-invalid"));
        // The refused form comes back as a 400 page on purpose; Chromium logs that status, nothing else went wrong.
        Assert.All(errors, e => Assert.Contains("400", e, StringComparison.Ordinal));
        errors.Clear();

        await page.GetByTestId("distance-unit").SelectOptionAsync("mi");
        await page.GetByTestId("weight-unit").SelectOptionAsync("lb");
        await page.GetByTestId("time-zone").FillAsync("America/Denver");
        await page.GetByLabel("Resting heart rate").FillAsync("50");
        await page.GetByLabel("Maximum heart rate").FillAsync("190");
        await page.GetByLabel("Banister's weighting").SelectOptionAsync("men");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await page.GetByTestId("settings-saved").WaitForAsync();
        await Browser.ScreenshotAsync(page, $"settings-{name}");
        var saved = await server.GetJsonAsync<JsonElement>("/api/settings");
        Assert.Equal(("mi", "lb", "America/Denver"), (saved.GetProperty("distanceUnit").GetString(), saved.GetProperty("weightUnit").GetString(), saved.GetProperty("timeZone").GetString()));

        await page.GotoAsync(new Uri(server.Address, "/").ToString());
        var bars = page.GetByTestId("chart-trimp").Locator("rect.bar");
        Assert.Equal(1, await bars.CountAsync());
        // 50 minutes at 150 bpm with 50 resting and 190 maximum: 50 · 0.7143 · 0.64 · e^(1.92 · 0.7143) = 90.1.
        Assert.Equal("90.1", await bars.First.GetAttributeAsync("data-value"));
        Assert.Empty(errors);
    }
    /// <summary>
    /// Heart rates set, but no run with a heart rate: the TRIMP card says so instead of weeks of zeros on an axis of
    /// "0, 0, 0"; the strength sessions' axis counts whole sessions (no "0.5").
    /// </summary>
    [Fact]
    public async Task Dashboard_TrimpWithoutAnyHeartRate_SaysSo_AndSessionsAreCountedWhole()
    {
        await using var server = await RunningServer.StartAsync();
        using (var put = await server.Client.PutAsJsonAsync("/api/settings", new { restingHeartRate = 50, maxHeartRate = 190, trimpWeighting = "men" }))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, put.StatusCode);
        }

        var today = server.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using (var run = await server.Client.PostAsJsonAsync("/api/log/runs", new { date = today, distance = "8k", time = "44:00", type = "easy", rpe = 4 }))
        {
            Assert.Equal(System.Net.HttpStatusCode.Created, run.StatusCode);
        }

        using (var session = await server.Client.PostAsJsonAsync("/api/log/strength", new
        {
            date = today,
            sets = new[] { new { exercise = "glute-bridge", variant = "bodyweight", reps = 12, rpe = 6 } },
        }))
        {
            Assert.Equal(System.Net.HttpStatusCode.Created, session.StatusCode);
        }

        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await browser.OpenAsync(server, 390, 844);
        await page.GotoAsync(new Uri(server.Address, "/").ToString());

        await Microsoft.Playwright.Assertions.Expect(page.GetByTestId("trimp-none")).ToContainTextAsync("No run in these weeks has a heart rate");
        Assert.Equal(0, await page.GetByTestId("chart-trimp").CountAsync());
        var ticks = await page.GetByTestId("chart-strength-sessions").Locator(".grid text[text-anchor=end]").EvaluateAllAsync<string[]>("ts => ts.map(t => t.textContent)");
        Assert.Equal(["0", "1"], ticks);
        Assert.Empty(errors);
    }
}
