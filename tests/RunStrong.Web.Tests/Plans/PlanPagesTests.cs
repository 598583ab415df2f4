using System.Globalization;
using Microsoft.Playwright;
using RunStrong.TestSupport;
using RunStrong.Web.Tests.Infrastructure;

namespace RunStrong.Web.Tests.Plans;

/// <summary>The plan wizard, calendars and session pages in real Chromium, at phone and desktop widths.</summary>
public class PlanPagesTests
{
    /// <summary>The first Monday at least a week after the suite's today, so the plan starts in the future and its first month is shown.</summary>
    private static DateOnly FutureMonday()
    {
        var today = TestClock.Today;
        return today.AddDays(7 + ((8 - (int)today.DayOfWeek) % 7));
    }

    /// <summary>The plan's sessions of a kind on days of <paramref name="month"/>, as the API gives them.</summary>
    private static async Task<int> SessionsInMonthAsync(RunningServer server, long id, DateOnly month, string kind)
    {
        var plan = await server.GetJsonAsync<System.Text.Json.JsonElement>($"/api/plans/{id}");
        return plan.GetProperty("plan").GetProperty("weeks").EnumerateArray()
            .SelectMany(w => w.GetProperty("days").EnumerateArray())
            .Where(d => DateOnly.ParseExact(d.GetProperty("date").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture) is var date && date.Year == month.Year && date.Month == month.Month)
            .Sum(d => d.GetProperty("sessions").EnumerateArray().Count(x => x.GetProperty("kind").GetString() == kind));
    }

    /// <summary>The id at the end of a plan page's address.</summary>
    private static long PlanId(IPage page) => long.Parse(new Uri(page.Url).Segments[^1], CultureInfo.InvariantCulture);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("phone", 390, 844)]
    [InlineData("desktop", 1280, 900)]
    public async Task Wizard_MakesAPlan_MonthCalendarSessionDetailAndWeekView(string name, int width, int height)
    {
        await using var server = await RunningServer.StartAsync();
        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await browser.OpenAsync(server, width, height);
        var start = FutureMonday();

        await page.GotoAsync(new Uri(server.Address, "/").ToString());
        await Browser.FollowMenuLinkAsync(page, "Plan");
        // Wait for the plans page before the next click, or a busy machine clicks while the home page unloads.
        await page.ArrivesAtAsync("**/plans");
        await page.GetByRole(AriaRole.Link, new() { Name = "New plan" }).ClickAsync();
        await page.ArrivesAtAsync("**/plans/new");
        // Sensible defaults: the issue's usual week, bodyweight always, a 10k race.
        Assert.Equal("quality", await page.Locator("select[name='Form.Week[tue]']").InputValueAsync());
        Assert.Equal("long", await page.Locator("select[name='Form.Week[sun]']").InputValueAsync());
        Assert.Equal("10k", await page.Locator("select[name='Form.RaceDistance']").InputValueAsync());
        Assert.True(await page.Locator("input[name='Form.Equipment'][value='none']").IsCheckedAsync());
        Assert.True(await page.Locator("input[name='Form.Equipment'][value='barbell']").CountAsync() == 1, "the catalogue's equipment is offered");

        await page.Locator("input[name='Form.Name']").FillAsync("Spring 10k");
        await page.Locator("input[name='Form.Start']").FillAsync(Iso(start));
        await page.Locator("input[name='Form.RaceDate']").FillAsync(Iso(start.AddDays(132)));
        await page.Locator("input[name='Form.Equipment'][value='loop-band']").CheckAsync();
        await page.Locator("select[name='Form.Week[thu]']").SelectOptionAsync("easy");
        await page.Locator("input[name='Form.Results[0].Distance']").FillAsync("5k");
        await page.Locator("input[name='Form.Results[0].Time']").FillAsync("24:30");
        await Browser.ScreenshotAsync(page, $"plan-wizard-{name}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Make my plan" }).ClickAsync();
        await page.ArrivesAtAsync("**/plans/*");

        Assert.Equal("Spring 10k", await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());
        var id = PlanId(page);
        var month = page.GetByTestId("month-calendar");
        Assert.Contains(start.ToString("MMMM yyyy", CultureInfo.InvariantCulture), await month.GetByRole(AriaRole.Heading, new() { Level = 2 }).InnerTextAsync(), StringComparison.Ordinal);
        // The first month shows every strength and hill-sprint session the plan has on its days (how many depends on
        // the day of the month the plan starts: the suite runs on several dates).
        var strengthChips = month.Locator(".chip-strength");
        var strengthInMonth = await SessionsInMonthAsync(server, id, start, "strength");
        Assert.True(strengthInMonth >= 1, "the start week's strength sessions");
        Assert.Equal(strengthInMonth, await strengthChips.CountAsync());
        Assert.Equal(await SessionsInMonthAsync(server, id, start, "hill-sprints"), await month.Locator(".chip-hill-sprints").CountAsync());
        Assert.Contains("/calendar/", await page.GetByTestId("feed-url").InputValueAsync(), StringComparison.Ordinal);
        var tuesday = start.AddDays(1);
        if (tuesday.Month != start.Month)
        {
            // The plan starts on the last day of a month: its first Tuesday is on the next month's page.
            await month.GetByRole(AriaRole.Link, new() { Name = tuesday.ToString("MMM", CultureInfo.InvariantCulture) + " →" }).ClickAsync();
            await page.ArrivesAtAsync($"**month={tuesday:yyyy-MM}");
        }

        var firstTuesday = month.Locator($"[data-date='{Iso(tuesday)}']");
        Assert.Contains("Quality run", await firstTuesday.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await firstTuesday.Locator(".chip-strength").CountAsync());
        Assert.Equal(1, await firstTuesday.Locator(".chip-drills").CountAsync());
        if (width < 600)
        {
            Assert.False(await month.Locator(".cal-head").First.IsVisibleAsync(), "on a phone the month is a list, without the weekday header row");
            await Browser.AssertNoSidewaysScrollAsync(page, width);
        }
        else
        {
            var box = await firstTuesday.BoundingBoxAsync();
            var next = await month.Locator($"[data-date='{Iso(start.AddDays(2))}']").BoundingBoxAsync();
            Assert.True(next is not null, "Wednesday is in the month shown");
            Assert.Equal(box!.Y, next.Y);
            Assert.True(next.X > box.X, "on a desktop the month is a 7-column grid");
        }

        await Browser.ScreenshotAsync(page, $"plan-month-{name}");

        await firstTuesday.Locator(".chip-strength").ClickAsync();
        await page.ArrivesAtAsync($"**/sessions/{Iso(start.AddDays(1))}/*");
        Assert.StartsWith("Strength:", await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("after your quality run", await page.GetByTestId("session-reason").InnerTextAsync(), StringComparison.Ordinal);
        var exercises = page.Locator(".planned-exercise");
        Assert.Equal(3, await exercises.CountAsync());
        var first = await exercises.First.InnerTextAsync();
        Assert.Contains("Sets", first, StringComparison.Ordinal);
        Assert.Contains("Rest", first, StringComparison.Ordinal);
        Assert.Contains("RPE 7", first, StringComparison.Ordinal);
        Assert.Contains("How to do it", first, StringComparison.Ordinal);
        var slug = await exercises.First.GetAttributeAsync("data-slug");
        Assert.Equal(1, await exercises.First.Locator($"h2 a[href='/exercises/{slug}']").CountAsync());
        await Browser.ScreenshotAsync(page, $"plan-session-{name}");

        await page.GetByRole(AriaRole.Link, new() { Name = "Week 1 of Spring 10k" }).ClickAsync();
        await page.ArrivesAtAsync("**view=week&week=1");
        var week = page.GetByTestId("week-view");
        Assert.Contains("Week 1", await week.GetByRole(AriaRole.Heading, new() { Level = 2 }).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(7, await week.Locator(".week-day").CountAsync());
        Assert.Equal(2, await week.Locator(".chip-strength").CountAsync());
        await week.GetByRole(AriaRole.Link, new() { Name = "Week 2 →" }).ClickAsync();
        await page.ArrivesAtAsync("**view=week&week=2");
        await Browser.ScreenshotAsync(page, $"plan-week-{name}");

        Assert.Empty(errors);
    }

    [Fact]
    public async Task Wizard_BadInput_ShowsTheErrorNextToTheField()
    {
        await using var server = await RunningServer.StartAsync();
        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await browser.OpenAsync(server, 390, 844);

        await page.GotoAsync(new Uri(server.Address, "/plans/new").ToString());
        foreach (var day in new[] { "mon", "tue", "wed", "thu", "fri", "sat", "sun" })
        {
            await page.Locator($"select[name='Form.Week[{day}]']").SelectOptionAsync("rest");
        }

        await page.Locator("input[name='Form.RaceDate']").FillAsync("2020-04-18");
        await page.Locator("input[name='Form.Start']").FillAsync("2020-01-06");
        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Make my plan" }).ClickAsync(),
            r => r.Request.Method == "POST");

        Assert.Equal(400, response.Status);
        var weekError = page.Locator("[role=alert][data-field='week']");
        Assert.Contains("week: no running day", await weekError.InnerTextAsync(), StringComparison.Ordinal);
        // The error sits in the week's fieldset, which points at it.
        Assert.Equal("err-week", await page.Locator("fieldset", new() { Has = weekError }).GetAttributeAsync("aria-describedby"));
        // What was typed is kept.
        Assert.Equal("rest", await page.Locator("select[name='Form.Week[tue]']").InputValueAsync());
        await Browser.ScreenshotAsync(page, "plan-wizard-errors");

        // Fix the week: the race date is checked next.
        await page.Locator("select[name='Form.Week[tue]']").SelectOptionAsync("quality");
        await page.GetByRole(AriaRole.Button, new() { Name = "Make my plan" }).ClickAsync();
        var raceError = page.Locator("[role=alert][data-field='race.date']");
        Assert.Contains("race.date: 2020-04-18 is in the past", await raceError.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("[role=alert][data-field='week']").CountAsync());
        Assert.DoesNotContain(errors, e => !e.Contains("400", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EditRotatePrintDelete()
    {
        await using var server = await RunningServer.StartAsync();
        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await browser.OpenAsync(server, 1280, 900);
        // The sample's own start, the Monday after today, with its race 132 days later: 19 weeks to print.
        var (start, _, profile) = PlansApiTests.Sample();
        using var created = await server.Client.PostAsync(new Uri("/api/plans", UriKind.Relative),
            new StringContent($"{{\"name\": \"Spring 10k\", \"profile\": {profile}, \"start\": \"{Iso(start)}\"}}", System.Text.Encoding.UTF8, "application/json"));
        var id = (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.JsonElement>(created.Content)).GetProperty("id").GetInt64();

        await page.GotoAsync(new Uri(server.Address, $"/plans/{id}").ToString());
        var feedBefore = await page.GetByTestId("feed-url").InputValueAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Make a new address (the old one stops working)" }).ClickAsync();
        await page.ArrivesAtAsync($"**/plans/{id}#subscribe");
        var feedAfter = await page.GetByTestId("feed-url").InputValueAsync();
        Assert.NotEqual(feedBefore, feedAfter);
        Assert.Contains("The old one no longer works", await page.GetByRole(AriaRole.Status).InnerTextAsync(), StringComparison.Ordinal);
        using (var old = await server.Client.GetAsync(new Uri(feedBefore)))
        {
            Assert.Equal(System.Net.HttpStatusCode.NotFound, old.StatusCode);
        }

        using (var fresh = await server.Client.GetAsync(new Uri(feedAfter)))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, fresh.StatusCode);
            Assert.NotEmpty(Ical.Net.Calendar.Load(await fresh.Content.ReadAsStringAsync())!.Events);
        }

        // Edit: the form comes back filled in; quality moves from Tuesday to Wednesday.
        await page.GetByRole(AriaRole.Link, new() { Name = "Change profile" }).ClickAsync();
        await page.ArrivesAtAsync($"**/plans/{id}/edit");
        Assert.Equal("quality", await page.Locator("select[name='Form.Week[tue]']").InputValueAsync());
        Assert.True(await page.Locator("input[name='Form.Equipment'][value='loop-band']").IsCheckedAsync());
        Assert.Equal(Iso(start), await page.Locator("input[name='Form.Start']").InputValueAsync());
        await page.Locator("select[name='Form.Week[tue]']").SelectOptionAsync("easy");
        await page.Locator("select[name='Form.Week[wed]']").SelectOptionAsync("quality");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and re-plan" }).ClickAsync();
        await page.ArrivesAtAsync($"**/plans/{id}");
        var wednesdayDate = start.AddDays(2);
        if (wednesdayDate.Month != start.Month)
        {
            await page.GotoAsync(new Uri(server.Address, $"/plans/{id}?month={wednesdayDate:yyyy-MM}").ToString());
        }

        var wednesday = page.GetByTestId("month-calendar").Locator($"[data-date='{Iso(wednesdayDate)}']");
        Assert.Contains("Quality run", await wednesday.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await wednesday.Locator(".chip-drills").CountAsync());

        // Exact: the month's "Hill sprints" chips contain "print" too.
        await page.GetByRole(AriaRole.Link, new() { Name = "Print", Exact = true }).ClickAsync();
        await page.ArrivesAtAsync($"**/plans/{id}/print");
        Assert.Equal(19, await page.Locator(".print-week").CountAsync());
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.False(await page.Locator(".site-header").IsVisibleAsync(), "the header is not printed");
        await Browser.ScreenshotAsync(page, "plan-print");
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        await page.GotoAsync(new Uri(server.Address, $"/plans/{id}").ToString());
        await page.GetByText("Delete this plan").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete Spring 10k" }).ClickAsync();
        await page.ArrivesAtAsync("**/plans");
        Assert.Contains("Plan deleted", await page.GetByRole(AriaRole.Status).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.GetByTestId("plan-list").CountAsync());
        Assert.Empty(errors);
    }
}
