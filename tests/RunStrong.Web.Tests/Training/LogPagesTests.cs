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
        // No rest before the first set is stored.
        await Assertions.Expect(page.GetByTestId("rest-timer")).ToBeHiddenAsync();

        await first.GetByTestId("set-done").ClickAsync();

        await Assertions.Expect(first.GetByTestId("set-state")).ToHaveTextAsync("Saved");
        await Assertions.Expect(page.GetByTestId("rest-timer")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("sync-status")).ToHaveTextAsync("All saved.");
        await Browser.ScreenshotAsync(page, $"log-after-{name}");
        if (width < 500)
        {
            await Browser.AssertNoSidewaysScrollAsync(page, width);
        }

        // The page read again from the server shows the set as logged.
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("set-row").First.GetByTestId("set-state")).ToHaveTextAsync("Saved");

        // History shows the day's month (the session may fall in the next month when today is near a month's end).
        await page.GotoAsync(new Uri(server.Address, $"/history?month={day:yyyy-MM}").ToString());
        var dayEntry = page.Locator($"[data-testid=history-day][data-date='{Iso(day)}']");
        var logged = dayEntry.GetByTestId("history-exercise").First;
        await Assertions.Expect(logged.Locator($"a[href='/progress/{exercise}']")).ToBeVisibleAsync();
        // In words: the catalogue's name, then "reps x load".
        await Assertions.Expect(logged).ToContainTextAsync($": {reps}");
        Assert.DoesNotContain(exercise + " (", await logged.InnerTextAsync(), StringComparison.Ordinal);
        await Assertions.Expect(page.GetByTestId("chart-muscle-sets")).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(page, $"history-{name}");
        if (width < 500)
        {
            await Browser.AssertNoSidewaysScrollAsync(page, width);
        }

        await page.GetByTestId("history-exercise").First.GetByRole(AriaRole.Link).ClickAsync();
        await page.ArrivesAtAsync($"**/progress/{exercise}");
        await Assertions.Expect(page.GetByTestId("next-prescription")).ToContainTextAsync("Next time");
        await Browser.ScreenshotAsync(page, $"progress-{name}");

        Assert.Empty(errors);
    }

    /// <summary>
    /// A month looked back at: a week that runs into the month before counts its days there too (as the dashboard does),
    /// and says so; the sets-per-muscle chart shows the weeks up to that month, with their year, not this autumn's.
    /// </summary>
    [Fact]
    public async Task History_AWeekAcrossTheMonthsEdge_CountsTheWholeWeek_AndTheChartEndsWithTheMonth()
    {
        await using var server = await RunningServer.StartAsync();
        await using (var db = server.Database.CreateContext())
        {
            // Monday 26 Feb 2024 to Sunday 3 Mar 2024, years before the test clock's today.
            await LogRun.HandleAsync(db, LocalRunner.Instance, server.Clock, new LogRun.Request { Date = new DateOnly(2024, 2, 27), Distance = "8k", Time = "44:00" });
            await LogRun.HandleAsync(db, LocalRunner.Instance, server.Clock, new LogRun.Request { Date = new DateOnly(2024, 3, 2), Distance = "10k", Time = "55:00" });
            await LogStrengthSession.HandleAsync(db, LocalRunner.Instance, server.Clock, new LogStrengthSession.Request
            {
                Date = new DateOnly(2024, 3, 1),
                Sets = [SetNotation.Parse("10x60@7", 0, "hip-thrust", "barbell")],
            });
            // And training today: the March 2024 page's chart must not show it.
            await LogStrengthSession.HandleAsync(db, LocalRunner.Instance, server.Clock, new LogStrengthSession.Request
            {
                Date = server.Today,
                Sets = [SetNotation.Parse("8x40", 0, "squat", "barbell"), SetNotation.Parse("8x40", 1, "squat", "barbell")],
            });
        }

        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await browser.OpenAsync(server, 390, 844);
        await page.GotoAsync(new Uri(server.Address, "/history?month=2024-03").ToString());

        var week = page.GetByTestId("history-week");
        await Assertions.Expect(week).ToHaveCountAsync(1);
        await Assertions.Expect(week.Locator(".week-head")).ToContainTextAsync("Week of 26 Feb");
        await Assertions.Expect(week.GetByTestId("week-summary")).ToHaveTextAsync(
            "· 2 runs, 18.0 km in 1:39:00 · 1 strength session, 1 set (the whole week, to 3 Mar)");
        // Only March's days are listed.
        await Assertions.Expect(week.GetByTestId("history-day")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByTestId("muscle-span")).ToHaveTextAsync("Weeks of 26 Feb 2024 to 26 Feb 2024.");

        await page.GotoAsync(new Uri(server.Address, "/history?month=2024-02").ToString());
        await Assertions.Expect(page.GetByTestId("week-summary")).ToHaveTextAsync(
            "· 2 runs, 18.0 km in 1:39:00 · 1 strength session, 1 set (the whole week, to 3 Mar)");
        await Assertions.Expect(page.GetByTestId("history-day")).ToHaveCountAsync(1);
        Assert.Empty(errors);
    }

    /// <summary>
    /// The form for a set that is not planned (all a runner without a plan has) at phone and desktop widths: every field
    /// and button has its own room, none drawn over another, none squeezed too narrow to tap or read.
    /// </summary>
    [Theory]
    [InlineData("phone", 390, 844)]
    [InlineData("desktop", 1280, 900)]
    public async Task Log_TheUnplannedSetForm_GivesEveryControlItsOwnRoom(string name, int width, int height)
    {
        await using var server = await RunningServer.StartAsync();
        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await browser.OpenAsync(server, width, height);

        // A loaded exercise shows reps and load with their steppers, RPE, pain and the button.
        await page.GotoAsync(new Uri(server.Address, "/log").ToString());
        await page.GetByTestId("add-exercise").SelectOptionAsync("hip-thrust|barbell");
        var form = page.GetByTestId("add-set");
        await Assertions.Expect(form.Locator("input[name=Load]")).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(page, $"log-add-set-{name}");

        var problems = await form.EvaluateAsync<string[]>(CrowdedControls);

        Assert.Empty(problems);
        await Browser.AssertNoSidewaysScrollAsync(page, width);

        // And every form of a planned strength day: each set's row, the session's own, the unplanned one.
        var day = await SeedPlanAsync(server);
        await page.GotoAsync(new Uri(server.Address, $"/log?date={Iso(day)}").ToString());
        Assert.True(await page.GetByTestId("set-row").CountAsync() >= 4, "the planned session is pre-filled with one row per set");
        foreach (var each in await page.Locator("main form").AllAsync())
        {
            Assert.Empty(await each.EvaluateAsync<string[]>(CrowdedControls));
        }

        await Browser.ScreenshotAsync(page, $"log-planned-{name}");
        await Browser.AssertNoSidewaysScrollAsync(page, width);
        Assert.Empty(errors);
    }

    /// <summary>For a form: its visible controls drawn over one another, or narrower than 36 px (checkboxes aside).</summary>
    private const string CrowdedControls = """
            form => {
              const controls = [...form.querySelectorAll('input:not([type=hidden]), select, button')]
                .filter(e => e.offsetParent !== null)
                .map(e => ({ name: e.name || e.getAttribute('aria-label') || e.textContent.trim(), box: e.getBoundingClientRect(), box2: e.type === 'checkbox' }));
              const problems = [];
              for (let i = 0; i < controls.length; i++) {
                const a = controls[i];
                if (!a.box2 && a.box.width < 36) problems.push(`${a.name} is ${Math.round(a.box.width)} px wide`);
                for (let j = i + 1; j < controls.length; j++) {
                  const b = controls[j];
                  if (a.box.left < b.box.right - 1 && b.box.left < a.box.right - 1 && a.box.top < b.box.bottom - 1 && b.box.top < a.box.bottom - 1)
                    problems.push(`${a.name} and ${b.name} overlap`);
                }
              }
              return problems;
            }
            """;

    [Fact]
    public async Task LogRun_RefusedValues_AreSaidBesideTheMarkedField_AndTheFormKeepsWhatWasTyped()
    {
        await using var server = await RunningServer.StartAsync();
        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await browser.OpenAsync(server, 390, 844);
        await page.GotoAsync(new Uri(server.Address, "/log/run").ToString());
        var distance = page.Locator("input[name=Distance]");
        var rpe = page.Locator("input[name=Rpe]");

        // "10" is not taken for 10 m: it asks for its unit, with the distance box marked and the typing kept.
        await distance.FillAsync("10");
        await page.Locator("input[name=Time]").FillAsync("50:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log run" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("run-error")).ToHaveTextAsync("'10' has no unit: write 10k, 10 mi or 10 m");
        await Assertions.Expect(distance).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(distance).ToHaveValueAsync("10");
        await Browser.ScreenshotAsync(page, "log-run-refused-phone");

        await distance.FillAsync("10k");
        await rpe.FillAsync("12");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log run" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("run-error")).ToHaveTextAsync("RPE must be between 1 and 10, got 12");
        await Assertions.Expect(rpe).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Null(await distance.GetAttributeAsync("aria-invalid"));
        Assert.Empty(await server.GetJsonAsync<System.Text.Json.JsonElement[]>("/api/log/runs"));

        await rpe.FillAsync("6");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log run" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("run-saved")).ToContainTextAsync("Logged");
        Assert.Single(await server.GetJsonAsync<System.Text.Json.JsonElement[]>("/api/log/runs"));

        // Expected: the two refusals, each answered 400 with the page. Nothing else may have failed.
        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Contains("status of 400", e, StringComparison.Ordinal));
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
        await first.Locator("input[name=Reps]").FillAsync("7");

        await page.Context.SetOfflineAsync(true);
        await first.GetByTestId("set-done").ClickAsync();
        await Assertions.Expect(page.GetByTestId("sync-status")).ToContainTextAsync("1 entry waiting to be saved");
        // A second tap while offline replaces the queued set at the same position: still one set waiting.
        await first.GetByTestId("set-done").ClickAsync();
        await Assertions.Expect(page.GetByTestId("sync-status")).ToContainTextAsync("1 entry waiting to be saved");
        await Browser.ScreenshotAsync(page, "log-offline-phone");

        // Kept on the phone: the page is closed and opened again while the API still cannot be reached (the page
        // itself loads); the set is there, queued, with what was typed.
        await page.RouteAsync("**/api/log/sets", route => route.AbortAsync());
        await page.Context.SetOfflineAsync(false);
        await page.ReloadAsync();
        first = page.GetByTestId("set-row").First;
        await Assertions.Expect(first.GetByTestId("set-state")).ToContainTextAsync("Queued");
        await Assertions.Expect(page.GetByTestId("sync-status")).ToContainTextAsync("1 entry waiting to be saved");
        Assert.Empty(await server.GetJsonAsync<System.Text.Json.JsonElement[]>("/api/log/strength"));
        await page.UnrouteAsync("**/api/log/sets");

        await Assertions.Expect(first.GetByTestId("set-state")).ToHaveTextAsync("Saved", new() { Timeout = 60_000 });
        var sessions = await server.GetJsonAsync<System.Text.Json.JsonElement[]>("/api/log/strength");
        var sets = Assert.Single(sessions).GetProperty("sets");
        Assert.Equal(1, sets.GetArrayLength());
        Assert.Equal(7, sets[0].GetProperty("reps").GetInt32());
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
        await page.ArrivesAtAsync("**saved=**");
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Set 2 saved.");
        await Assertions.Expect(page.GetByTestId("set-row").Nth(1).GetByTestId("set-state")).ToHaveTextAsync("Saved");

        var unplanned = page.GetByTestId("add-set");
        await unplanned.Locator("select[name=ExerciseVariant]").SelectOptionAsync("hip-thrust|barbell");
        await unplanned.Locator("input[name=Reps]").FillAsync("8");
        await unplanned.Locator("input[name=Load]").FillAsync("sixty");
        await unplanned.GetByTestId("add-set-button").ClickAsync();
        // Refused: the page comes back with the set still in the form, as typed, and the error beside the load.
        await Assertions.Expect(page.GetByTestId("add-set").GetByTestId("set-error")).ToHaveTextAsync("'sixty' is not a load: write a number and a unit, such as 60kg or 135 lb");
        await Assertions.Expect(page.GetByTestId("add-set").Locator("input[name=Load]")).ToHaveValueAsync("sixty");
        await Assertions.Expect(page.GetByTestId("add-set").Locator("input[name=Reps]")).ToHaveValueAsync("8");
        await Assertions.Expect(page.GetByTestId("add-set").Locator("input[name=Load]")).ToHaveAttributeAsync("aria-invalid", "true");

        // A bare number is taken in the runner's unit (kg here).
        await page.GetByTestId("add-set").Locator("input[name=Load]").FillAsync("60");
        await page.GetByTestId("add-set").GetByTestId("add-set-button").ClickAsync();
        await page.ArrivesAtAsync("**saved=**");
        var row = page.GetByTestId("unplanned-sets").GetByTestId("set-row");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row.Locator("input[name=Load]")).ToHaveValueAsync("60");
        await Assertions.Expect(row.GetByTestId("set-state")).ToHaveTextAsync("Saved");
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
        await Browser.FollowMenuLinkAsync(page, "Predictions");
        await page.ArrivesAtAsync("**/predictions");

        await page.GetByLabel("Distance").SelectOptionAsync("5k");
        await page.GetByLabel("Your time").FillAsync("20:00");
        await page.GetByLabel("What if?").FillAsync("19:30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Predict" }).ClickAsync();
        await page.ArrivesAtAsync("**time=20%3A00**");

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
            await Browser.AssertNoSidewaysScrollAsync(page, width);
        }

        Assert.Empty(errors);

        // A bad time answers 400 (the browser reports the document's status as a console error) with the message on the page.
        await page.GetByLabel("Your time").FillAsync("00:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Predict" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("prediction-error")).ToHaveTextAsync("'00:00' is no time at all: a time must be more than 0:00");
    }
}
