using Microsoft.Playwright;
using RunStrong.Data.Entities;
using RunStrong.Features.Catalogue;
using RunStrong.Features.Common;
using RunStrong.Features.Training;
using RunStrong.TestSupport;
using RunStrong.Web.Tests.Infrastructure;

namespace RunStrong.Web.Tests.Training;

/// <summary>Issue 13: the plan's hill sprints and drills are logged on the gym page and the dashboard's week shows them done.</summary>
public class PlannedSessionPagesTests
{
    private const string OutdoorProfile = """
        {"experience": "some", "equipment": ["none", "loop-band"], "locations": ["home", "outdoors"],
         "week": {"mon": "rest", "tue": "quality", "wed": "easy", "thu": "easy", "fri": "rest", "sat": "easy", "sun": "long"}, "weeks": 8}
        """;

    [Theory]
    [InlineData("phone", 390, 844)]
    [InlineData("desktop", 1280, 900)]
    public async Task HillSprintsAndDrills_LoggedOnTheGymPage_ShowAsDoneOnTheDashboard(string name, int width, int height)
    {
        await using var server = await RunningServer.StartAsync();
        var monday = TestClock.ThisMonday;
        await using (var db = server.Database.CreateContext())
        {
            db.Plans.Add(new PlanRecord
            {
                OwnerId = Runner.LocalId, Name = "Base block", ProfileJson = OutdoorProfile, StartDate = monday, Weeks = 8,
                CalendarToken = Guid.NewGuid().ToString("N"), CreatedAt = server.Clock.GetUtcNow().UtcDateTime, UpdatedAt = server.Clock.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync();
        }

        DateOnly hillDay, drillsDay;
        await using (var db = server.Database.CreateContext())
        {
            var plan = (await TrainingPlan.NewestAsync(db, LocalRunner.Instance, await new ExerciseCatalogue(db).AllAsync(), default))!;
            var week = Enumerable.Range(0, 7).Select(i => monday.AddDays(i)).ToArray();
            hillDay = week.First(d => plan.SessionsOn(d).Any(s => s.Session.Kind == Domain.Planning.SessionKind.HillSprints));
            drillsDay = week.First(d => plan.SessionsOn(d).Any(s => s.Session.Kind == Domain.Planning.SessionKind.Drills));
        }

        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await browser.OpenAsync(server, width, height);

        await page.GotoAsync(new Uri(server.Address, $"/log?date={hillDay:yyyy-MM-dd}").ToString());
        var hills = page.GetByTestId("planned-hill-sprints");
        await Assertions.Expect(hills).ToContainTextAsync("uphill, walk back down");
        await hills.Locator("input[name=Reps]").FillAsync("6");
        await hills.Locator("input[name=GradePercent]").FillAsync("7");
        await hills.GetByTestId("session-save").ClickAsync();
        await Assertions.Expect(hills.GetByTestId("set-state")).ToHaveTextAsync("Saved");
        await Browser.ScreenshotAsync(page, $"log-hill-sprints-{name}");

        await page.GotoAsync(new Uri(server.Address, $"/log?date={drillsDay:yyyy-MM-dd}").ToString());
        var drills = page.GetByTestId("planned-drills");
        await drills.GetByLabel("partly").CheckAsync();
        await drills.GetByTestId("session-save").ClickAsync();
        await Assertions.Expect(drills.GetByTestId("set-state")).ToHaveTextAsync("Saved");

        // Read again from the server, the gym page says what was logged.
        await page.GotoAsync(new Uri(server.Address, $"/log?date={hillDay:yyyy-MM-dd}").ToString());
        await Assertions.Expect(page.GetByTestId("planned-hill-sprints").GetByTestId("session-status")).ToHaveTextAsync("done");
        await Assertions.Expect(page.GetByTestId("planned-hill-sprints").Locator("input[name=Reps]")).ToHaveValueAsync("6");

        await page.GotoAsync(new Uri(server.Address, "/").ToString());
        var thisWeek = page.GetByTestId("this-week");
        await Assertions.Expect(thisWeek.Locator("li", new() { HasText = "Hill sprints" }).First.GetByTestId("plan-item-done")).ToHaveTextAsync("✓ done");
        await Assertions.Expect(thisWeek.Locator("li", new() { HasText = "Drills" }).First.GetByTestId("plan-item-done")).ToHaveTextAsync("✓ partly done");
        await Browser.ScreenshotAsync(page, $"dashboard-week-done-{name}");
        await Browser.AssertNoSidewaysScrollAsync(page, width);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task ASorenessCheckIn_IsChangedAndDeleted_FromTheDaysLog()
    {
        await using var server = await RunningServer.StartAsync();
        var day = server.Today.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using (var logged = await server.Client.PostAsync(new Uri("/api/log/soreness", UriKind.Relative),
            new StringContent($"{{\"date\":\"{day}\",\"area\":\"calves\",\"score\":3}}", System.Text.Encoding.UTF8, "application/json")))
        {
            Assert.True(logged.IsSuccessStatusCode);
        }

        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await browser.OpenAsync(server, 390, 844);
        await page.GotoAsync(new Uri(server.Address, $"/log?date={day}").ToString());
        await page.GetByTestId("day-entries").GetByRole(AriaRole.Link, new() { Name = "change" }).ClickAsync();
        await Assertions.Expect(page.Locator("input[name=Score]")).ToHaveValueAsync("3");
        await page.Locator("input[name=Score]").FillAsync("6");
        await page.Locator("select[name=Area]").SelectOptionAsync("hamstrings");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the change" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("soreness-saved")).ToContainTextAsync("hamstrings 6/10");
        var stored = await server.GetJsonAsync<System.Text.Json.JsonElement[]>("/api/log/soreness");
        Assert.Equal(("hamstrings", 6), (stored.Single().GetProperty("area").GetString(), stored.Single().GetProperty("score").GetInt32()));

        await page.GetByTestId("soreness-delete").ClickAsync();
        await page.ArrivesAtAsync("**/log?saved=**");
        Assert.Empty(await server.GetJsonAsync<System.Text.Json.JsonElement[]>("/api/log/soreness"));
        Assert.Empty(errors);
    }
}
