using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using RunStrong.Features.Common;
using RunStrong.Features.Settings;
using RunStrong.TestSupport;
using RunStrong.Web.Tests.Activities;
using RunStrong.Web.Tests.Infrastructure;

namespace RunStrong.Web.Tests.Plans;

/// <summary>
/// Issue 15 part 3 through the real server and Chromium: the Thursday run is uploaded from a real file, Tuesday's strength
/// session was not logged; the plan's JSON, its week and month pages, the offered day's log page and the dashboard say
/// Tuesday missed, the session offered on Sunday, Thursday's run done. The clock stands on the Friday of the run's week
/// (<see cref="FollowedWeek"/>: every date comes from the file).
/// </summary>
public class PlanFollowsPagesTests
{
    private static async Task<long> SetUpAsync(RunningServer server)
    {
        await using (var db = server.Database.CreateContext())
        {
            await RunnerSettings.UpdatePreferencesAsync(db, LocalRunner.Instance, new RunnerSettings.PreferencesRequest(null, null, FollowedWeek.TimeZone));
        }

        using var upload = await server.Client.PostAsync(new Uri("/api/activities", UriKind.Relative), ActivitiesApiTests.Form(("tcx", ActivitiesApiTests.TcxRun)));
        upload.EnsureSuccessStatusCode();
        return await TrainingPlans.SeedAsync(server.Database, FollowedWeek.Monday, "Winter base", FollowedWeek.ProfileJson);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task GetPlanJson_CarriesEachSessionsStatus_AndTheOffer(string engine)
    {
        await using var server = await RunningServer.StartAtAsync(engine, FollowedWeek.At(FollowedWeek.Friday));
        var id = await SetUpAsync(server);

        var json = await server.GetJsonAsync<JsonElement>($"/api/plans/{id}");

        var follow = json.GetProperty("follow");
        Assert.Equal("2012-12-28", follow.GetProperty("today").GetString());
        var tuesday = follow.GetProperty("sessions").EnumerateArray().Single(s => s.GetProperty("key").GetString() == "2012-12-25#1");
        Assert.Equal(("strength", "missed"), (tuesday.GetProperty("kind").GetString(), tuesday.GetProperty("status").GetString()));
        Assert.Equal("2012-12-30", tuesday.GetProperty("offer").GetProperty("date").GetString());
        var thursday = follow.GetProperty("runs").EnumerateArray().Single(r => r.GetProperty("date").GetString() == "2012-12-27");
        Assert.Equal(("done", "2012-12-27", 1), (thursday.GetProperty("status").GetString(), thursday.GetProperty("doneOn").GetString(), thursday.GetProperty("activityIds").GetArrayLength()));
        var friday = follow.GetProperty("sessions").EnumerateArray().Single(s => s.GetProperty("key").GetString() == "2012-12-28#0");
        Assert.Equal(("planned", JsonValueKind.Null), (friday.GetProperty("status").GetString(), friday.GetProperty("offer").ValueKind));
    }

    [Theory]
    [InlineData("phone", 390, 844)]
    [InlineData("desktop", 1280, 900)]
    public async Task TuesdayMissed_OfferedOnSunday_ThursdaysRunDone_OnThePlanTheLogAndTheDashboard(string name, int width, int height)
    {
        await using var server = await RunningServer.StartAtAsync("sqlite", FollowedWeek.At(FollowedWeek.Friday));
        var id = await SetUpAsync(server);
        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await browser.OpenAsync(server, width, height);

        await page.GotoAsync(new Uri(server.Address, $"/plans/{id}?view=week&week=1").ToString());
        var tuesday = page.Locator("li.week-day[data-date='2012-12-25']");
        var strength = tuesday.Locator(".session-strength");
        await Assertions.Expect(strength.GetByTestId("session-status")).ToHaveTextAsync("missed: offered Sun");
        await Assertions.Expect(strength.GetByTestId("offer-note")).ToContainTextAsync("Tuesday's strength session, moved to Sunday (missed Tuesday)");
        var sunday = page.Locator("li.week-day[data-date='2012-12-30']");
        await Assertions.Expect(sunday.GetByTestId("offered-session")).ToContainTextAsync("Tuesday's strength session, moved here (missed Tuesday)");
        var thursday = page.Locator("li.week-day[data-date='2012-12-27']");
        await Assertions.Expect(thursday.GetByTestId("run-status")).ToHaveTextAsync("done");
        await Assertions.Expect(thursday.Locator(".session-hill-sprints").GetByTestId("session-status")).ToHaveTextAsync("missed");
        await Assertions.Expect(page.Locator("li.week-day[data-date='2012-12-28']").GetByTestId("session-status")).ToHaveCountAsync(0);
        await Browser.ScreenshotAsync(page, $"plan-follows-week-{name}");
        await Browser.AssertNoSidewaysScrollAsync(page, width);

        await page.GotoAsync(new Uri(server.Address, $"/plans/{id}?month=2012-12").ToString());
        await Assertions.Expect(page.Locator("li.cal-day[data-date='2012-12-30']").GetByTestId("offered-session")).ToHaveTextAsync("Strength, moved here (missed Tue)");
        await Assertions.Expect(page.Locator("li.cal-day[data-date='2012-12-27']").GetByTestId("run-status")).ToHaveTextAsync("done");
        await Assertions.Expect(page.Locator("li.cal-day[data-date='2012-12-25'] a.chip-strength").GetByTestId("session-status")).ToHaveTextAsync(": missed: offered Sun");
        await Browser.ScreenshotAsync(page, $"plan-follows-month-{name}");
        await Browser.AssertNoSidewaysScrollAsync(page, width);

        // The offered chip opens Sunday's log with Tuesday's session to log.
        await page.Locator("li.cal-day[data-date='2012-12-30']").GetByTestId("offered-session").ClickAsync();
        await Assertions.Expect(page.GetByTestId("moved-here")).ToHaveTextAsync("Tuesday's strength session, moved here (missed Tuesday)");
        await Assertions.Expect(page.GetByTestId("planned-session").Locator("[data-exercise]").First).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(page, $"plan-follows-log-{name}");

        await page.GotoAsync(new Uri(server.Address, "/log?date=2012-12-25").ToString());
        await Assertions.Expect(page.GetByTestId("missed-here")).ToContainTextAsync("moved to Sunday (missed Tuesday)");

        await page.GotoAsync(new Uri(server.Address, "/").ToString());
        var week = page.GetByTestId("this-week");
        await Assertions.Expect(week.Locator(".session", new() { HasText = "Strength" }).GetByTestId("plan-item-missed")).ToHaveTextAsync("Missed: offered on Sunday");
        await Assertions.Expect(week.Locator(".session", new() { HasText = "Drills" }).GetByTestId("plan-item-missed")).ToHaveTextAsync("Missed");
        await Assertions.Expect(week.GetByTestId("plan-item-moved-here")).ToHaveTextAsync("Tuesday's strength session, moved here (missed Tuesday):");
        await Browser.ScreenshotAsync(page, $"plan-follows-dashboard-{name}");
        await Browser.AssertNoSidewaysScrollAsync(page, width);
        Assert.Empty(errors);
    }
}
