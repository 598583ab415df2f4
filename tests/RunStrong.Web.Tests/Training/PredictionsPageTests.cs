using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using RunStrong.TestSupport;
using RunStrong.Web.Tests.Infrastructure;

namespace RunStrong.Web.Tests.Training;

/// <summary>
/// The predictions page, the API and the dashboard follow one rule for what a prediction starts from (docs/decisions/0039):
/// a result of the last 12 months, from a stored run or else the plan's profile; an older effort is named with its age.
/// </summary>
public class PredictionsPageTests
{
    private static async Task<long> CreateTenKPlanAsync(RunningServer server, DateOnly race, string results)
    {
        var profile = $$"""
            {"experience": "some", "equipment": ["none", "loop-band"], "locations": ["home"], "week": {"tue": "quality", "wed": "easy", "thu": "easy", "sat": "easy", "sun": "long"},
             "race": {"distance": "10k", "date": "{{race:yyyy-MM-dd}}", "name": "Gym 10k"}, "start": "{{TestClock.NextMonday:yyyy-MM-dd}}", "results": [{{results}}]}
            """;
        using var created = await server.Client.PostAsync(new Uri("/api/plans", UriKind.Relative),
            new StringContent($"{{\"name\": \"Gym 10k plan\", \"profile\": {profile}}}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
    }

    [Fact]
    public async Task WithOnlyAnOldRun_TheGoalRaceIsPredictedFromThePlansResult_AsOnRaceDay_AndTheTrendAxisNamesItsYearOnce()
    {
        await using var server = await RunningServer.StartAsync();
        using var old = await server.Client.PostAsJsonAsync("/api/log/runs", new { date = "2017-03-19", distance = "1mi", time = "10:47", type = "race" });
        Assert.True(old.IsSuccessStatusCode);
        var race = TestClock.NextMonday.AddDays(84);
        var resultDay = server.Today.AddDays(-30);
        var planId = await CreateTenKPlanAsync(server, race, $$"""{"distance": "5k", "time": "22:00", "date": "{{resultDay:yyyy-MM-dd}}"}""");
        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await browser.OpenAsync(server, 390, 844);

        await page.GotoAsync(new Uri(server.Address, $"/plans/{planId}/runs/{race:yyyy-MM-dd}").ToString());
        var raceDay = await page.GetByTestId("run-target").InnerTextAsync();
        await page.GotoAsync(new Uri(server.Address, "/predictions").ToString());

        var goal = page.GetByTestId("goal-race");
        var predicted = await goal.GetByTestId("goal-time").InnerTextAsync();
        Assert.Contains($"about {predicted} ", raceDay, StringComparison.Ordinal);
        await Assertions.Expect(goal).ToContainTextAsync($"(the three models: ");
        var source = $"From your 5k in 22:00 (a result entered in your plan \u201cGym 10k plan\u201d, {resultDay:yyyy-MM-dd}).";
        await Assertions.Expect(goal.GetByTestId("goal-source")).ToHaveTextAsync(source);
        await Assertions.Expect(page.GetByTestId("prediction-from")).ToContainTextAsync("From 5k in 22:00 (a result entered in your plan");
        Assert.DoesNotContain("10:47", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        // The trend holds the one month of 2017: one label, with its year, not "1 Mar 1 Mar 1 Mar 2 Mar".
        var axis = await page.Locator("[data-testid=chart-prediction-trend] g.grid text[text-anchor=middle]").AllTextContentsAsync();
        Assert.Equal(["1 Mar 17"], axis);
        await Browser.ScreenshotAsync(page, "predictions-goal-from-plan-result");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task WithOnlyARunEightYearsOld_ThePageTheApiAndTheDashboard_PredictNothing_AndThePageSaysHowOld()
    {
        await using var server = await RunningServer.StartAsync();
        var day = new DateOnly(server.Today.Year - 8, 4, 23);
        using var old = await server.Client.PostAsJsonAsync("/api/log/runs", new { date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), distance = "1mi", time = "8:56", type = "race" });
        Assert.True(old.IsSuccessStatusCode);
        // An easy run of last week: the runner has recent data, but no race or time trial (an easy run's time is no best effort).
        using var easy = await server.Client.PostAsJsonAsync("/api/log/runs", new { date = server.Today.AddDays(-7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), distance = "5k", time = "30:00", type = "easy" });
        Assert.True(easy.IsSuccessStatusCode);
        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await browser.OpenAsync(server, 1280, 900);

        await page.GotoAsync(new Uri(server.Address, "/predictions").ToString());

        await Assertions.Expect(page.GetByTestId("prediction-stale")).ToContainTextAsync(
            $"No road run or race in the last 12 months has a best effort of a mile or more, nor has your plan a result that recent: your newest, 1mi in 8:56 on {day:yyyy-MM-dd}, is ");
        await Assertions.Expect(page.GetByTestId("prediction-stale")).ToContainTextAsync("Enter a recent race or time trial above");
        await Assertions.Expect(page.GetByTestId("predictions")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("prediction-error")).ToHaveCountAsync(0);

        using var api = await server.Client.GetAsync(new Uri("/api/predictions", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        var problem = JsonDocument.Parse(await api.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains($"your newest, 1mi in 8:56 on {day:yyyy-MM-dd}, is ", problem.GetProperty("errors").GetProperty("from")[0].GetString(), StringComparison.Ordinal);

        await page.GotoAsync(new Uri(server.Address, "/").ToString());
        await Assertions.Expect(page.Locator("section[aria-label='Race predictions']")).ToContainTextAsync("No road run or race in the last 12 months");
        Assert.Empty(errors);
    }
}
