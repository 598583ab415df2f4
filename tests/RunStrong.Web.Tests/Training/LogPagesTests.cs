using System.Globalization;
using Microsoft.Playwright;
using RunStrong.Features.Catalogue;
using RunStrong.Features.Common;
using RunStrong.Features.Training;
using RunStrong.TestSupport;
using RunStrong.Web.Tests.Infrastructure;

namespace RunStrong.Web.Tests.Training;

/// <summary>The gym page, history, progress and predictions in real Chromium at phone and desktop widths.</summary>
public class LogPagesTests
{
    /// <summary>Seeds a plan starting today and returns its first strength day (on or after today).</summary>
    private static async Task<DateOnly> SeedPlanAsync(RunningServer server)
    {
        var today = server.Today;
        await TrainingPlans.SeedAsync(server.Database, today);
        await using var db = server.Database.CreateContext();
        var plan = await TrainingPlan.NewestAsync(db, LocalRunner.Instance, await new ExerciseCatalogue(db).AllAsync(), default);
        return plan!.NextStrength(today)!.Date;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task AssertNoSidewaysScrollAsync(IPage page, int width)
    {
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"{page.Url} scrolls sideways ({scrollWidth} px wide at {width} px)");
    }

    [Theory]
    [InlineData("phone", 390, 844)]
    [InlineData("desktop", 1280, 900)]
    public async Task Log_OneTapOnAPrefilledSet_SavesIt_AndItAppearsInHistory(string name, int width, int height)
    {
        await using var server = await RunningServer.StartAsync();
        var day = await SeedPlanAsync(server);
        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await browser.OpenAsync(server, width, height);

        await page.GotoAsync(new Uri(server.Address, $"/log?date={Iso(day)}").ToString());
        var rows = page.GetByTestId("set-row");
        Assert.True(await rows.CountAsync() >= 4, "the planned session is pre-filled with one row per set");
        var first = rows.First;
        var exercise = await first.Locator("input[name=Exercise]").InputValueAsync();
        var reps = await first.Locator("input[name=Reps]").InputValueAsync();
        Assert.False(string.IsNullOrEmpty(reps), "reps are pre-filled");
        Assert.NotEmpty(await page.GetByTestId("prescription-reason").First.InnerTextAsync());
        await Browser.ScreenshotAsync(page, $"log-before-{name}");

        await first.GetByTestId("set-done").ClickAsync();

        await Assertions.Expect(first.GetByTestId("set-state")).ToHaveTextAsync("Saved");
        await Assertions.Expect(page.GetByTestId("rest-timer")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("sync-status")).ToHaveTextAsync("All sets saved.");
        await Browser.ScreenshotAsync(page, $"log-after-{name}");
        if (width < 500)
        {
            await AssertNoSidewaysScrollAsync(page, width);
        }

        // The page read again from the server shows the set as logged.
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("set-row").First.GetByTestId("set-state")).ToHaveTextAsync("Saved");

        await page.GotoAsync(new Uri(server.Address, "/history").ToString());
        var dayEntry = page.Locator($"[data-testid=history-day][data-date='{Iso(day)}']");
        await Assertions.Expect(dayEntry.GetByTestId("history-exercise")).ToContainTextAsync($"{exercise} ");
        await Assertions.Expect(dayEntry.GetByTestId("history-exercise")).ToContainTextAsync($"{reps}");
        await Assertions.Expect(page.GetByTestId("chart-muscle-sets")).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(page, $"history-{name}");
        if (width < 500)
        {
            await AssertNoSidewaysScrollAsync(page, width);
        }

        await page.GetByTestId("history-exercise").First.GetByRole(AriaRole.Link).ClickAsync();
        await page.WaitForURLAsync($"**/progress/{exercise}");
        await Assertions.Expect(page.GetByTestId("next-prescription")).ToContainTextAsync("Next time");
        await Browser.ScreenshotAsync(page, $"progress-{name}");

        Assert.Empty(errors);
    }

    [Fact]
    public async Task Log_Offline_QueuesTheSet_AndSendsItOnceWhenBackOnline()
    {
        await using var server = await RunningServer.StartAsync();
        var day = await SeedPlanAsync(server);
        await using var browser = await Browser.LaunchAsync();
        var (page, _) = await browser.OpenAsync(server, 390, 844);
        await page.GotoAsync(new Uri(server.Address, $"/log?date={Iso(day)}").ToString());
        var first = page.GetByTestId("set-row").First;

        await page.Context.SetOfflineAsync(true);
        await first.GetByTestId("set-done").ClickAsync();
        await Assertions.Expect(page.GetByTestId("sync-status")).ToContainTextAsync("1 set waiting to be saved");
        // A second tap while offline replaces the queued set at the same position: still one set waiting.
        await first.GetByTestId("set-done").ClickAsync();
        await Assertions.Expect(page.GetByTestId("sync-status")).ToContainTextAsync("1 set waiting to be saved");
        await Browser.ScreenshotAsync(page, "log-offline-phone");
        await page.Context.SetOfflineAsync(false);

        await Assertions.Expect(first.GetByTestId("set-state")).ToHaveTextAsync("Saved", new() { Timeout = 60_000 });
        var sessions = await server.GetJsonAsync<System.Text.Json.JsonElement[]>("/api/log/strength");
        Assert.Equal(1, Assert.Single(sessions).GetProperty("sets").GetArrayLength());
    }

    [Fact]
    public async Task Log_WithoutJavaScript_TheFormsStillLogSets()
    {
        await using var server = await RunningServer.StartAsync();
        var day = await SeedPlanAsync(server);
        await using var browser = await Browser.LaunchAsync();
        var context = await browser.NewSignedInContextAsync(server, new BrowserNewContextOptions { JavaScriptEnabled = false, ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        var page = await context.NewPageAsync();

        await page.GotoAsync(new Uri(server.Address, $"/log?date={Iso(day)}").ToString());
        await page.GetByTestId("set-row").Nth(1).Locator("input[name=Reps]").FillAsync("9");
        await page.GetByTestId("set-row").Nth(1).GetByTestId("set-done").ClickAsync();
        await page.WaitForURLAsync("**saved=1**");
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Set 2 saved.");
        await Assertions.Expect(page.GetByTestId("set-row").Nth(1).GetByTestId("set-state")).ToHaveTextAsync("Saved");

        var unplanned = page.GetByTestId("add-set");
        await unplanned.Locator("select[name=ExerciseVariant]").SelectOptionAsync("hip-thrust|barbell");
        await unplanned.Locator("input[name=Reps]").FillAsync("8");
        await unplanned.Locator("input[name=Load]").FillAsync("60");
        await unplanned.GetByRole(AriaRole.Button, new() { Name = "Add set" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("log-error")).ToHaveTextAsync("set 1, load: '60' has no unit: write 60kg or 60 lb");

        await page.GetByTestId("add-set").Locator("select[name=ExerciseVariant]").SelectOptionAsync("hip-thrust|barbell");
        await page.GetByTestId("add-set").Locator("input[name=Reps]").FillAsync("8");
        await page.GetByTestId("add-set").Locator("input[name=Load]").FillAsync("60 kg");
        await page.GetByTestId("add-set").GetByRole(AriaRole.Button, new() { Name = "Add set" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("unplanned-sets")).ToContainTextAsync("hip-thrust (barbell) 8x60kg");
        await context.CloseAsync();
    }

    [Theory]
    [InlineData("phone", 390, 844)]
    [InlineData("desktop", 1280, 900)]
    public async Task Predictions_ShowTheThreeModels_TheCaveat_WhatIf_AndTheTrend(string name, int width, int height)
    {
        await using var server = await RunningServer.StartAsync();
        foreach (var (date, time) in new[] { ("2026-09-06", "21:10"), ("2026-10-04", "20:30"), ("2026-11-08", "20:00") })
        {
            using var response = await server.Client.PostAsync(new Uri("/api/log/runs", UriKind.Relative), new StringContent(
                $"{{\"date\":\"{date}\",\"distance\":\"5k\",\"time\":\"{time}\",\"type\":\"race\"}}", System.Text.Encoding.UTF8, "application/json"));
            Assert.True(response.IsSuccessStatusCode);
        }

        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await browser.OpenAsync(server, width, height);
        await page.GotoAsync(new Uri(server.Address, "/").ToString());
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Predictions" }).ClickAsync();
        await page.WaitForURLAsync("**/predictions");

        await page.GetByLabel("Distance").SelectOptionAsync("5k");
        await page.GetByLabel("Your time").FillAsync("20:00");
        await page.GetByLabel("What if?").FillAsync("19:30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Predict" }).ClickAsync();
        await page.WaitForURLAsync("**time=20%3A00**");

        var header = await page.GetByTestId("predictions").Locator("thead th").AllInnerTextsAsync();
        Assert.Equal(["Distance", "Riegel", "VDOT\nDaniels", "Cameron"], header);
        var tenK = await page.Locator("[data-testid=predictions] tr[data-distance='10k'] td").AllInnerTextsAsync();
        Assert.Equal(["41:40", "41:30", "41:40"], tenK);
        var marathon = await page.Locator("[data-testid=predictions] tr[data-distance='marathon'] td").AllInnerTextsAsync();
        Assert.Equal(["3h12", "3h11", "3h15"], marathon);
        await Assertions.Expect(page.GetByTestId("marathon-caveat")).ToContainTextAsync("Vickers & Vertosick 2016");
        await Assertions.Expect(page.GetByTestId("what-if")).ToContainTextAsync("What if your 5k drops to 19:30?");
        await Assertions.Expect(page.GetByTestId("what-if")).ToContainTextAsync("Your 10k:");
        var trend = page.GetByTestId("chart-prediction-trend");
        await Assertions.Expect(trend).ToBeVisibleAsync();
        Assert.Equal("3", await trend.Locator("polyline[data-series='5 km']").GetAttributeAsync("data-points"));
        await Browser.ScreenshotAsync(page, $"predictions-{name}");
        if (width < 500)
        {
            await AssertNoSidewaysScrollAsync(page, width);
        }

        Assert.Empty(errors);

        // A bad time answers 400 (the browser reports the document's status as a console error) with the message on the page.
        await page.GetByLabel("Your time").FillAsync("00:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Predict" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("prediction-error")).ToHaveTextAsync("'00:00' is no time at all: a time must be more than 0:00");
    }
}
