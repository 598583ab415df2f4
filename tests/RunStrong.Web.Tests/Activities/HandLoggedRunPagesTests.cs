using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using RunStrong.TestSupport;
using RunStrong.Web.Tests.Infrastructure;

namespace RunStrong.Web.Tests.Activities;

/// <summary>
/// A run logged by hand on the activities list and its own page (what was typed in, nothing a file would have measured),
/// and the list's pages walked both ways, through the real server and real Chromium.
/// </summary>
public class HandLoggedRunPagesTests
{
    public static TheoryData<string> Engines => TestDatabases.Engines;

    private static readonly DateOnly Day = TestClock.Today.AddDays(-2);

    private static string DayText => Day.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture);

    private static async Task<long> LogRunAsync(RunningServer server, DateOnly day, string distance = "8k", string time = "40:00")
    {
        using var response = await server.Client.PostAsJsonAsync(new Uri("/api/log/runs", UriKind.Relative), new { date = TestClock.Iso(day), distance, time });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
    }

    [Theory]
    [InlineData("phone", 390, 844)]
    [InlineData("desktop", 1280, 900)]
    public async Task RunLoggedByHand_ListAndPage_ShowItsDayDistanceTimeAndPace_AndNothingMadeUp(string name, int width, int height)
    {
        await using var server = await RunningServer.StartAsync();
        var id = await LogRunAsync(server, Day);
        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await browser.OpenAsync(server, width, height);

        await page.GotoAsync(new Uri(server.Address, "/activities").ToString());
        var card = page.GetByTestId("activity-list").Locator("li").First;
        await Assertions.Expect(card.Locator(".meta")).ToHaveTextAsync($"{DayText} · Running · logged by hand");
        await Assertions.Expect(card.Locator(".numbers")).ToContainTextAsync("5:00 /km");
        Assert.Equal(0, await card.GetByTestId("activity-climb").CountAsync());

        await card.GetByRole(AriaRole.Link).ClickAsync();
        await page.ArrivesAtAsync($"**/activities/{id}");
        await Assertions.Expect(page.GetByTestId("activity-when")).ToHaveTextAsync($"{DayText} · Running · easy · logged by hand");
        Assert.Equal(["8.00 km", "40:00", "5:00 /km"], await page.GetByTestId("headline").Locator("dd").AllInnerTextsAsync());
        await Assertions.Expect(page.GetByTestId("logged-by-hand")).ToHaveTextAsync("Logged by hand: no splits, laps, charts, route, climbing or heart rate, which come from a recording's file.");
        foreach (var absent in new[] { "activity-climb", "charts", "no-splits", "no-laps", "download-original", "route" })
        {
            Assert.Equal(0, await page.GetByTestId(absent).CountAsync());
        }

        var text = await page.Locator("article").InnerTextAsync();
        Assert.DoesNotContain("12:00", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Hilly minutes", text, StringComparison.Ordinal);
        Assert.DoesNotContain("No data", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Best efforts", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Download the original", text, StringComparison.Ordinal);
        await Browser.ScreenshotAsync(page, $"activity-logged-by-hand-{name}");
        await Browser.AssertNoSidewaysScrollAsync(page, width);

        await page.GetByTestId("unit-mi").ClickAsync();
        await page.ArrivesAtAsync("**unit=mi");
        Assert.Equal(["4.97 mi", "40:00", "8:03 /mi"], await page.GetByTestId("headline").Locator("dd").AllInnerTextsAsync());
        Assert.Empty(errors);
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task Api_RunLoggedByHand_HasItsPaceAndEnteredDay_NoClimb_AndItsFileIsNotFoundSayingWhy(string engine)
    {
        await using var server = await RunningServer.StartAsync(engine);
        var id = await LogRunAsync(server, Day);

        var run = await server.GetJsonAsync<JsonElement>($"/api/activities/{id}");
        using var file = await server.Client.GetAsync(new Uri($"/api/activities/{id}/file", UriKind.Relative));
        var list = await server.GetJsonAsync<JsonElement>("/api/activities");

        Assert.Equal(("5:00 /km", "entered", DayText, true), (run.GetProperty("paceText").GetString(), run.GetProperty("startTimeSource").GetString(),
            run.GetProperty("startText").GetString(), run.GetProperty("loggedByHand").GetBoolean()));
        Assert.Equal(300, run.GetProperty("averagePaceSecondsPerKm").GetDouble(), 6);
        foreach (var unknown in new[] { "ascentMeters", "descentMeters", "hillyMinutes", "fileName" })
        {
            Assert.Equal(JsonValueKind.Null, run.GetProperty(unknown).ValueKind);
        }

        Assert.Equal(HttpStatusCode.NotFound, file.StatusCode);
        var problem = JsonDocument.Parse(await file.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal($"activity {id} has no original file: it was logged by hand", problem.GetProperty("detail").GetString());
        var item = list.GetProperty("items")[0];
        Assert.Equal((JsonValueKind.Null, DayText), (item.GetProperty("ascentMeters").ValueKind, item.GetProperty("startText").GetString()));
    }

    [Theory]
    [InlineData("phone", 390, 844)]
    [InlineData("desktop", 1280, 900)]
    public async Task ActivitiesList_PagesOlderNewerAndNewest_SayingWhichActivitiesEachShows(string name, int width, int height)
    {
        await using var server = await RunningServer.StartAsync();
        // 70 runs on 70 days: pages of 30, 30 and 10.
        for (var n = 1; n <= 70; n++)
        {
            await LogRunAsync(server, TestClock.Today.AddDays(-n), "5k", "25:00");
        }

        string Shown(int newest, int oldest) => string.Create(CultureInfo.InvariantCulture,
            $"{TestClock.Today.AddDays(-oldest):d MMM yyyy} to {TestClock.Today.AddDays(-newest):d MMM yyyy}");
        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await browser.OpenAsync(server, width, height);
        var position = page.GetByTestId("activity-position");

        await page.GotoAsync(new Uri(server.Address, "/activities").ToString());
        await Assertions.Expect(position).ToHaveTextAsync($"Activities 1–30 of 70 · {Shown(1, 30)}");
        Assert.Equal((0, 0), (await page.GetByTestId("newest").CountAsync(), await page.GetByTestId("newer").CountAsync()));

        await page.GetByTestId("older").ClickAsync();
        await page.ArrivesAtAsync("**/activities?before=*");
        await Assertions.Expect(position).ToHaveTextAsync($"Activities 31–60 of 70 · {Shown(31, 60)}");
        await Assertions.Expect(page.GetByTestId("newest")).ToHaveTextAsync("« Newest");
        await Assertions.Expect(page.GetByTestId("newer")).ToHaveTextAsync("← Newer");
        await Browser.ScreenshotAsync(page, $"activities-page-2-{name}");
        await Browser.AssertNoSidewaysScrollAsync(page, width);

        await page.GetByTestId("older").ClickAsync();
        await page.ArrivesAtAsync("**/activities?before=*");
        await Assertions.Expect(position).ToHaveTextAsync($"Activities 61–70 of 70 · {Shown(61, 70)}");
        Assert.Equal(0, await page.GetByTestId("older").CountAsync());

        await page.GetByTestId("newer").ClickAsync();
        await page.ArrivesAtAsync("**/activities?after=*");
        await Assertions.Expect(position).ToHaveTextAsync($"Activities 31–60 of 70 · {Shown(31, 60)}");

        await page.GetByTestId("newest").ClickAsync();
        await page.ArrivesAtAsync("**/activities");
        await Assertions.Expect(position).ToHaveTextAsync($"Activities 1–30 of 70 · {Shown(1, 30)}");
        Assert.Empty(errors);
    }
}
