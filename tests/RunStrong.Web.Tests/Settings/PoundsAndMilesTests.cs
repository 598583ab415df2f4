using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using RunStrong.TestSupport;
using RunStrong.Web.Tests.Infrastructure;
using static RunStrong.Web.Tests.Activities.ActivitiesApiTests;

namespace RunStrong.Web.Tests.Settings;

/// <summary>
/// A runner who made a plan in kg, logged in kg, then chose pounds and miles in settings sees every figure in lb and feet:
/// the gym page's advice and boxes (loads on a pound bar, not 126.77), /progress's "Next time", the plan's loads, climb;
/// and a load typed in lb reads back as the same lb figure (docs/decisions/0037).
/// </summary>
public class PoundsAndMilesTests
{
    public static TheoryData<string> Engines => TestDatabases.Engines;

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A load in kg on a pound barbell, worked out here and not by the product: the nearest 5 lb, at least the 45 lb bar.</summary>
    private static double OnAPoundBar(double kilograms) => Math.Max(45, Math.Round(kilograms / 0.45359237 / 5, MidpointRounding.AwayFromZero) * 5);

    [Theory, MemberData(nameof(Engines))]
    public async Task AKilogramPlanAndLog_ReadInPoundsAndFeet_AndAPoundLoadRoundTrips(string engine)
    {
        await using var server = await RunningServer.StartAsync(engine);
        var today = server.Today;
        var weekday = today.DayOfWeek.ToString()[..3].ToLowerInvariant();
        var profile = $$"""
            {"experience": "regular", "equipment": ["none", "loop-band", "barbell", "bench", "dumbbell"], "locations": ["gym"],
             "week": {"mon": "easy", "tue": "easy", "wed": "easy", "thu": "easy", "fri": "easy", "sat": "easy", "sun": "long"},
             "strengthDays": ["{{weekday}}"], "weeks": 4, "units": {"weight": "kg", "distance": "km"},
             "lifts": []}
            """;
        using (var created = await server.Client.PostAsync(new Uri("/api/plans", UriKind.Relative),
            new StringContent($"{{\"name\": \"Made in kg\", \"profile\": {profile}, \"start\": \"{Iso(today)}\"}}", Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        // Yesterday, in kg: 3 x 8 hip thrusts at 57.5 kg, RPE 7 (126.77 lb): the bottom of 8-12 reps, so the same load next time.
        using (var logged = await server.Client.PostAsJsonAsync("/api/log/strength", new
        {
            date = Iso(today.AddDays(-1)),
            sets = Enumerable.Range(0, 3).Select(_ => new { exercise = "hip-thrust", variant = "barbell", reps = 8, load = "57.5kg", rpe = 7 }).ToArray(),
        }))
        {
            Assert.Equal(HttpStatusCode.Created, logged.StatusCode);
        }

        using (var put = await server.Client.PutAsJsonAsync("/api/settings", new { distanceUnit = "mi", weightUnit = "lb" }))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        var plans = await server.GetJsonAsync<JsonElement[]>("/api/plans");
        var planId = plans[0].GetProperty("id").GetInt64();
        var plan = (await server.GetJsonAsync<JsonElement>($"/api/plans/{planId}")).GetProperty("plan");
        var day = plan.GetProperty("weeks").EnumerateArray().SelectMany(w => w.GetProperty("days").EnumerateArray())
            .Single(d => d.GetProperty("date").GetString() == Iso(today));
        var (session, index) = day.GetProperty("sessions").EnumerateArray().Select((s, i) => (s, i)).First(x => x.s.GetProperty("kind").GetString() == "strength");
        // The plan follows the log: its hip thrust is yesterday's 57.5 kg, kept in the unit the plan was made in.
        var planned = session.GetProperty("exercises").EnumerateArray().Single(e => e.GetProperty("slug").GetString() == "hip-thrust");
        Assert.Equal("57.5kg", planned.GetProperty("load").GetString());
        var planLb = OnAPoundBar(57.5).ToString("0.##", CultureInfo.InvariantCulture);
        Assert.Equal("125", planLb);

        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await browser.OpenAsync(server, 390, 844);

        // The gym page: advice and boxes in lb, on a pound bar.
        await page.GotoAsync(new Uri(server.Address, $"/log?date={Iso(today)}").ToString());
        var hipThrust = page.Locator("article.exercise-sets[data-exercise='hip-thrust']");
        var reason = await hipThrust.GetByTestId("prescription-reason").InnerTextAsync();
        Assert.Contains("same load (125 lb)", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("kg", reason, StringComparison.Ordinal);
        var rows = hipThrust.GetByTestId("set-row");
        Assert.Equal(["125", "125", "125"], await rows.Locator("input[name=Load]").EvaluateAllAsync<string[]>("els => els.map(e => e.value)"));
        Assert.Contains("Load, lb", await rows.First.InnerTextAsync(), StringComparison.Ordinal);
        await Browser.ScreenshotAsync(page, "pounds-gym-page");

        // /progress: next time in lb.
        await page.GotoAsync(new Uri(server.Address, "/progress/hip-thrust").ToString());
        var next = await page.GetByTestId("next-prescription").InnerTextAsync();
        Assert.Contains("at 125 lb", next, StringComparison.Ordinal);
        Assert.DoesNotContain("kg", next, StringComparison.Ordinal);

        await page.GotoAsync(new Uri(server.Address, $"/log?date={Iso(today)}").ToString());
        // A load typed in lb is kept as typed: 132.5 lb reads back 132.5 (stored as typed, in lb).
        await rows.First.Locator("input[name=Load]").FillAsync("132.5");
        await rows.First.GetByTestId("set-done").ClickAsync();
        await Assertions.Expect(rows.First.GetByTestId("set-state")).ToHaveTextAsync("Saved", new() { Timeout = 60_000 });
        await page.ReloadAsync();
        await Assertions.Expect(hipThrust.GetByTestId("set-row").First.Locator("input[name=Load]")).ToHaveValueAsync("132.5");
        var logToday = (await server.GetJsonAsync<JsonElement>("/api/log")).GetProperty("days")[0];
        Assert.Equal(Iso(today), logToday.GetProperty("date").GetString());
        var stored = logToday.GetProperty("sessions")[0].GetProperty("sets")[0];
        Assert.Equal((132.5, "lb"), (stored.GetProperty("loadValue").GetDouble(), stored.GetProperty("loadUnit").GetString()));

        // The plan made in kg reads in lb, saying which unit it was made in.
        await page.GotoAsync(new Uri(server.Address, string.Create(CultureInfo.InvariantCulture, $"/plans/{planId}/sessions/{Iso(today)}/{index}")).ToString());
        var loads = await page.GetByTestId("planned-load").AllInnerTextsAsync();
        Assert.Contains($"{planLb} lb (your plan's 57.5 kg: it was made in kg)", loads);
        Assert.All(await page.GetByTestId("dose-line").AllInnerTextsAsync(), d => Assert.DoesNotContain("kg", d, StringComparison.Ordinal));
        await page.GotoAsync(new Uri(server.Address, $"/plans/{planId}?view=week").ToString());
        Assert.Contains($"@ {planLb} lb", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        // Climb in feet beside miles.
        using var form = Form(("fit", FenixRun));
        using var upload = await server.Client.PostAsync(new Uri("/api/activities", UriKind.Relative), form);
        var id = JsonDocument.Parse(await upload.Content.ReadAsStringAsync()).RootElement.GetProperty("files")[0].GetProperty("activityId").GetInt64();
        var activity = await server.GetJsonAsync<JsonElement>($"/api/activities/{id}");
        var feet = Math.Round(activity.GetProperty("ascentMeters").GetDouble() / 0.3048).ToString("0", CultureInfo.InvariantCulture) + " ft";
        await page.GotoAsync(new Uri(server.Address, "/activities").ToString());
        Assert.Equal("↑ " + feet, await page.GetByTestId("activity-climb").First.InnerTextAsync());
        await page.GotoAsync(new Uri(server.Address, $"/activities/{id}").ToString());
        Assert.StartsWith("↑ " + feet + " ↓ ", await page.GetByTestId("activity-climb").InnerTextAsync(), StringComparison.Ordinal);
        Assert.EndsWith(" ft", await page.GetByTestId("activity-climb").InnerTextAsync(), StringComparison.Ordinal);
        // The climbs table: where and how long in miles, gain in feet (not a climb "2789 ft" long).
        var climbs = activity.GetProperty("climbs");
        Assert.True(climbs.GetArrayLength() >= 1);
        var first = page.GetByTestId("climbs").Locator("tbody tr").First.Locator("td");
        var miles = (climbs[0].GetProperty("lengthMeters").GetDouble() / 1609.344).ToString("F2", CultureInfo.InvariantCulture) + " mi";
        Assert.Equal(miles, await first.Nth(1).InnerTextAsync());
        Assert.EndsWith(" ft", await first.Nth(2).InnerTextAsync(), StringComparison.Ordinal);
        await Browser.ScreenshotAsync(page, "feet-activity");
        Assert.Empty(errors);
    }
}
