using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using RunStrong.TestSupport;
using RunStrong.Web.Tests.Infrastructure;

namespace RunStrong.Web.Tests.Plans;

/// <summary>
/// Issue 12 in real Chromium at phone and desktop widths: the gym runner's wizard gives a week of hip thrusts at a load,
/// every session and run has "Log this", and a new plan starting later leaves this week visible.
/// </summary>
public class PlanDepthPagesTests
{
    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static long PlanId(IPage page) => long.Parse(new Uri(page.Url).Segments[^1], CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("phone", 390, 844)]
    [InlineData("desktop", 1280, 900)]
    public async Task GymRunnersWizard_GivesAWeekOfHipThrustsAtALoad_AndEverySessionCanBeLogged(string name, int width, int height)
    {
        await using var server = await RunningServer.StartAsync();
        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await browser.OpenAsync(server, width, height);
        var start = TestClock.NextMonday;

        await page.GotoAsync(new Uri(server.Address, "/plans/new").ToString());
        await page.Locator("input[name='Form.Name']").FillAsync("Gym 10k");
        await page.Locator("input[name='Form.Start']").FillAsync(Iso(start));
        await page.Locator("input[name='Form.RaceDate']").FillAsync(Iso(start.AddDays(132)));
        await page.Locator("input[name='Form.Equipment'][value='loop-band']").CheckAsync();
        await page.Locator("input[name='Form.Locations'][value='gym']").CheckAsync();
        // The wizard shows what a gym is assumed to have, ticked, and asks about a bench at home instead of assuming one.
        var gymKit = page.GetByTestId("gym-kit");
        foreach (var kit in new[] { "Barbell and plates", "Bench", "Dumbbells", "Cable station" })
        {
            Assert.True(await gymKit.GetByLabel(kit).IsCheckedAsync(), $"{kit} is assumed at the gym");
        }

        Assert.False(await page.Locator("input[name='Form.HomeBench'][value='yes']").IsCheckedAsync());
        await page.Locator("input[name='Form.HomeBench'][value='no']").CheckAsync();
        // Hills: yes by default, and each alternative says why.
        Assert.True(await page.Locator("input[name='Form.Hills'][value='yes']").IsCheckedAsync());
        Assert.Contains("treadmill at 6–8 % incline", await page.GetByTestId("hills").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("step-up", await page.GetByTestId("hills").InnerTextAsync(), StringComparison.Ordinal);
        // A recent set: hip thrust with a barbell, 8 x 40 kg.
        await page.Locator("select[name='Form.Lifts[0].Exercise']").SelectOptionAsync("hip-thrust|barbell");
        await page.Locator("input[name='Form.Lifts[0].Reps']").FillAsync("8");
        await page.Locator("input[name='Form.Lifts[0].Load']").FillAsync("40 kg");
        // A recent 5k, for the runs' paces.
        await page.Locator("input[name='Form.Results[0].Distance']").FillAsync("5k");
        await page.Locator("input[name='Form.Results[0].Time']").FillAsync("24:30");
        await Browser.ScreenshotAsync(page, $"plan-gym-wizard-{name}");
        if (width < 600)
        {
            await Browser.AssertNoSidewaysScrollAsync(page, width);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Make my plan" }).ClickAsync();
        await page.ArrivesAtAsync("**/plans/*");
        var id = PlanId(page);
        Assert.Contains("At the gym RunStrong assumes a barbell with plates, a bench, dumbbells, a cable station",
            await page.GetByTestId("plan-warnings").InnerTextAsync(), StringComparison.Ordinal);

        // Week 1: hip thrusts at 40 kg, the other seed exercises around them, runs with targets.
        await page.GetByRole(AriaRole.Link, new() { Name = "Week", Exact = true }).ClickAsync();
        await page.ArrivesAtAsync("**view=week&week=1");
        var week = page.GetByTestId("week-view");
        var hipThrusts = week.Locator(".exercise-list li", new() { HasText = "Hip thrust" });
        Assert.True(await hipThrusts.CountAsync() >= 1, "week 1 has hip thrusts");
        Assert.Contains("3 × 8–12 @ 40 kg, RPE 7", await hipThrusts.First.InnerTextAsync(), StringComparison.Ordinal);
        var weekText = await week.InnerTextAsync();
        foreach (var seed in new[] { "Squat", "Glute bridge", "Bulgarian split squat", "Fire hydrant" })
        {
            Assert.Contains(seed, weekText, StringComparison.Ordinal);
        }

        Assert.True(await week.Locator(".chip-hill-sprints").CountAsync() >= 1, "week 1 has hill sprints");
        Assert.Matches(@"Your run: 30–45 min · easy: you could hold a conversation \(RPE 3–4\) · \d:\d\d–\d:\d\d /km", weekText);
        Assert.Contains("Your run: 45–60 min · 20 min at threshold pace", weekText, StringComparison.Ordinal);
        if (width < 600)
        {
            await Browser.AssertNoSidewaysScrollAsync(page, width);
        }

        await Browser.ScreenshotAsync(page, $"plan-gym-week-{name}");

        // The strength session with the hip thrust: its load, and "Log this" on the day.
        var session = week.Locator(".session-strength", new() { HasText = "Hip thrust" }).First;
        await session.Locator(".chip-strength").ClickAsync();
        await page.ArrivesAtAsync("**/sessions/**");
        var date = new Uri(page.Url).Segments[^2].TrimEnd('/');
        var hipThrust = page.Locator(".planned-exercise[data-slug='hip-thrust']");
        Assert.Equal("40 kg", await hipThrust.GetByTestId("planned-load").InnerTextAsync());
        Assert.StartsWith("Load: from your recent 8 × 40 kg", await hipThrust.GetByTestId("load-note").InnerTextAsync(), StringComparison.Ordinal);
        var logThis = page.GetByTestId("log-this");
        Assert.Equal($"/log?date={date}&session={date}%23{new Uri(page.Url).Segments[^1]}", await logThis.GetAttributeAsync("href"));
        await Browser.ScreenshotAsync(page, $"plan-gym-session-{name}");

        // Every kind of session has it too: hill sprints, drills, and the runner's own runs.
        foreach (var chip in new[] { ".chip-hill-sprints", ".chip-drills" })
        {
            await page.GotoAsync(new Uri(server.Address, $"/plans/{id}?view=week&week=1").ToString());
            await page.GetByTestId("week-view").Locator(chip).First.ClickAsync();
            await page.ArrivesAtAsync("**/sessions/**");
            var (day, index) = (new Uri(page.Url).Segments[^2].TrimEnd('/'), new Uri(page.Url).Segments[^1]);
            Assert.Equal($"/log?date={day}&session={day}%23{index}", await page.GetByTestId("log-this").GetAttributeAsync("href"));
        }

        await page.GotoAsync(new Uri(server.Address, $"/plans/{id}?view=week&week=1").ToString());
        await page.GetByTestId("week-view").Locator("a.run-quality").First.ClickAsync();
        await page.ArrivesAtAsync("**/runs/**");
        var runDay = new Uri(page.Url).Segments[^1];
        Assert.Contains("Your own run", await page.GetByTestId("own-run").InnerTextAsync(), StringComparison.Ordinal);
        var runTarget = await page.GetByTestId("run-target").InnerTextAsync();
        Assert.Contains("threshold pace", runTarget, StringComparison.Ordinal);
        // Daniels' threshold pace for a 24:30 5k (VDOT 39.9): about 5:0x–5:2x per km.
        Assert.Matches(@"Pace\s+5:[0-2]\d–5:[0-3]\d /km \(Daniels' training paces from your 5k in 24:30 \(VDOT 39\.\d\)\)", runTarget);
        Assert.Equal($"/log?date={runDay}&session={runDay}%23run", await page.GetByTestId("log-this").GetAttributeAsync("href"));
        await Browser.ScreenshotAsync(page, $"plan-gym-run-{name}");

        // "Log this" on the strength day opens /log on that day with the hip thrust at its load.
        await page.GotoAsync(new Uri(server.Address, $"/log?date={date}").ToString());
        var planned = page.GetByTestId("planned-session");
        Assert.Contains("Hip thrust", await planned.InnerTextAsync(), StringComparison.Ordinal);
        var firstRow = planned.Locator("form[data-key$='|0']").First;
        Assert.Equal("40", await firstRow.Locator("input[name='Load']").InputValueAsync());
        Assert.Contains("Load, kg", await firstRow.InnerTextAsync(), StringComparison.Ordinal);

        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("phone", 390, 844)]
    [InlineData("desktop", 1280, 900)]
    public async Task ANewPlanStartingNextMonday_LeavesThisWeekOnTheDashboardAndTheLog(string name, int width, int height)
    {
        await using var server = await RunningServer.StartAsync();
        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await browser.OpenAsync(server, width, height);
        var lastMonday = TestClock.ThisMonday.AddDays(-7);
        await CreateAsync(server, "Base block", TrainingPlans.GymProfileJson(lastMonday));
        // The clock moves on a minute so the new plan is the newer one, as it is for a runner.
        server.Clock.Advance(TimeSpan.FromMinutes(1));
        await CreateAsync(server, "Spring 10k", TrainingPlans.GymProfileJson(TestClock.NextMonday));

        await page.GotoAsync(new Uri(server.Address, "/").ToString());
        var thisWeek = page.GetByTestId("this-week");
        Assert.Contains("Base block · week 2", await thisWeek.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(
            $"Your new plan 'Spring 10k' starts on {TestClock.NextMonday.ToString("dddd d MMMM", CultureInfo.InvariantCulture)}; until then this week is 'Base block'.",
            await thisWeek.GetByTestId("this-week-note").InnerTextAsync());
        Assert.Equal(7, await thisWeek.Locator(".week-days li").CountAsync());
        if (width < 600)
        {
            await Browser.AssertNoSidewaysScrollAsync(page, width);
        }

        await Browser.ScreenshotAsync(page, $"dashboard-current-week-{name}");

        // The log for this week's strength day of the older plan still shows its planned session.
        var plan = await server.GetJsonAsync<JsonElement>("/api/plans");
        var older = plan.EnumerateArray().Single(p => p.GetProperty("name").GetString() == "Base block").GetProperty("id").GetInt64();
        var days = (await server.GetJsonAsync<JsonElement>($"/api/plans/{older}")).GetProperty("plan").GetProperty("weeks").EnumerateArray()
            .SelectMany(w => w.GetProperty("days").EnumerateArray()).ToArray();
        var strengthDay = days.Select(d => (Date: DateOnly.ParseExact(d.GetProperty("date").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture), Day: d))
            .First(d => d.Date >= TestClock.ThisMonday && d.Day.GetProperty("sessions").EnumerateArray().Any(s => s.GetProperty("kind").GetString() == "strength")).Date;
        await page.GotoAsync(new Uri(server.Address, $"/log?date={Iso(strengthDay)}").ToString());
        Assert.Equal(1, await page.GetByTestId("planned-session").CountAsync());
        Assert.Equal(0, await page.GetByTestId("no-plan").CountAsync());
        if (width < 600)
        {
            await Browser.AssertNoSidewaysScrollAsync(page, width);
        }

        await Browser.ScreenshotAsync(page, $"log-current-week-{name}");
        Assert.Empty(errors);
    }

    private static async Task CreateAsync(RunningServer server, string name, string profile)
    {
        using var body = new StringContent($"{{\"name\": \"{name}\", \"profile\": {profile}}}", Encoding.UTF8, "application/json");
        using var created = await server.Client.PostAsync(new Uri("/api/plans", UriKind.Relative), body);
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        _ = await created.Content.ReadFromJsonAsync<JsonElement>();
    }
}
