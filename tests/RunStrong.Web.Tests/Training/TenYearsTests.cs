using System.Text.Json;
using RunStrong.Data.Entities;
using RunStrong.Features.Activities;
using RunStrong.TestSupport;
using RunStrong.Web.Tests.Infrastructure;

namespace RunStrong.Web.Tests.Training;

/// <summary>
/// Issue 13: ten years of training (about 2,600 runs, 1,000 strength sessions of 9 sets, 520 soreness check-ins) still
/// come back a page at a time: the log and the activities answer well under 256 KB, and the next page follows on.
/// </summary>
public class TenYearsTests
{
    private static async Task SeedTenYearsAsync(RunningServer server)
    {
        await using var db = server.Database.CreateContext();
        var today = server.Today;
        var first = today.AddYears(-10);
        var summary = StoredSummary.Empty.ToJson();
        var n = 0;
        for (var day = first; day <= today; day = day.AddDays(1))
        {
            var index = day.DayNumber - first.DayNumber;
            if (index % 7 is 0 or 2 or 3 or 5 or 6 && index % 10 != 9)
            {
                db.Activities.Add(new StoredActivity
                {
                    OwnerId = Runner.LocalId, Format = "manual", Sport = "running", StartTime = day.ToDateTime(new TimeOnly(7, 0), DateTimeKind.Utc), LocalDate = day,
                    Name = "Easy run", DistanceMeters = 8000 + (index % 5 * 1000), ElapsedSeconds = 2700, MovingSeconds = 2640,
                    ContentHash = $"ten-years-{index}", SourcePath = "typed in", SummaryJson = summary, RunType = "easy", Rpe = 4, ImportedAt = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
                });
            }

            if (index % 7 is 1 or 4)
            {
                db.StrengthSessions.Add(new StrengthSessionRecord
                {
                    OwnerId = Runner.LocalId, Date = day, CreatedAt = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
                    Sets = [.. Enumerable.Range(0, 9).Select(p => new LoggedSetRecord
                    {
                        OwnerId = Runner.LocalId, Position = p, ExerciseSlug = p < 3 ? "hip-thrust" : p < 6 ? "bulgarian-split-squat" : "fire-hydrant",
                        VariantSlug = p < 3 ? "barbell" : p < 6 ? "dumbbells" : "banded", Reps = 10, LoadValue = p < 6 ? 40 : null, LoadUnit = p < 6 ? "kg" : null,
                        Band = p >= 6 ? "medium" : null, Rpe = 7,
                    })],
                });
            }

            if (index % 7 == 6)
            {
                db.SorenessCheckIns.Add(new SorenessRecord { OwnerId = Runner.LocalId, Date = day, Area = "calves", Score = index % 4, CreatedAt = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) });
            }

            if (++n % 200 == 0)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }

        await db.SaveChangesAsync();
    }

    /// <summary>
    /// The gym page of a runner with ten years of training and a new gym plan, on a phone and a desktop: each hip thrust
    /// row follows the newest sessions (3 x 10 at 40 kg at RPE 7, twice a week for ten years: one more rep at the same
    /// load, double progression, domain.md §3), read without the whole log (decision 0031).
    /// </summary>
    [Theory]
    [InlineData("phone", 390, 844)]
    [InlineData("desktop", 1280, 900)]
    public async Task TheGymPage_WithTenYears_PrefillsEachSetFromTheNewestSessions(string name, int width, int height)
    {
        await using var server = await RunningServer.StartAsync();
        await SeedTenYearsAsync(server);
        await TrainingPlans.SeedAsync(server.Database, server.Today);
        DateOnly day;
        await using (var db = server.Database.CreateContext())
        {
            var plan = await Features.Training.TrainingPlan.NewestAsync(db, Features.Common.LocalRunner.Instance, await new Features.Catalogue.ExerciseCatalogue(db).AllAsync(), default);
            day = plan!.Plan.Days.First(d => plan.StrengthOn(d.Date).Any(s => s.Session.Exercises.Any(e => e.Slug == "hip-thrust"))).Date;
        }

        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await browser.OpenAsync(server, width, height);
        await page.GotoAsync(new Uri(server.Address, $"/log?date={day:yyyy-MM-dd}").ToString());

        var rows = page.GetByTestId("set-row").Filter(new() { Has = page.Locator("input[name=Exercise][value=hip-thrust]") });
        Assert.Equal(3, await rows.CountAsync());
        foreach (var row in await rows.AllAsync())
        {
            Assert.Equal("barbell", await row.Locator("input[name=Variant]").InputValueAsync());
            Assert.Equal("11", await row.Locator("input[name=Reps]").InputValueAsync());
            Assert.Equal("40", await row.Locator("input[name=Load]").InputValueAsync());
        }

        await Browser.ScreenshotAsync(page, $"log-ten-years-{name}");
        Assert.Empty(errors);
    }

    /// <summary>
    /// The progress page of an exercise logged twice a week for ten years, on a phone and a desktop: its records, its
    /// charts readable (every bar of the weekly sets a few pixels wide at least) and nothing wider than the screen.
    /// </summary>
    [Theory]
    [InlineData("phone", 390, 844)]
    [InlineData("desktop", 1280, 900)]
    public async Task TheProgressPage_WithTenYears_ShowsItsRecordsAndReadableCharts(string name, int width, int height)
    {
        await using var server = await RunningServer.StartAsync();
        await SeedTenYearsAsync(server);
        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await browser.OpenAsync(server, width, height);
        await page.GotoAsync(new Uri(server.Address, "/progress/hip-thrust").ToString());

        await Microsoft.Playwright.Assertions.Expect(page.GetByTestId("records")).ToContainTextAsync("40 kg × 10");
        await Microsoft.Playwright.Assertions.Expect(page.GetByTestId("next-prescription")).ToContainTextAsync("11");
        await Microsoft.Playwright.Assertions.Expect(page.GetByTestId("chart-one-rep-max")).ToBeVisibleAsync();
        // Every set is 10 reps, where Epley and Brzycki agree: one line, and the title says so (two keys, one line hidden
        // under the other, before).
        await Microsoft.Playwright.Assertions.Expect(page.GetByTestId("chart-one-rep-max").Locator("polyline[data-series]")).ToHaveCountAsync(1);
        await Microsoft.Playwright.Assertions.Expect(page.GetByTestId("chart-one-rep-max")).ToContainTextAsync("Epley and Brzycki agree at 10 reps");
        await Microsoft.Playwright.Assertions.Expect(page.GetByTestId("chart-one-rep-max").Locator(".legend li")).ToHaveCountAsync(0);
        // Ten years of weeks come as quarters, every hip thrust set counted once.
        await Microsoft.Playwright.Assertions.Expect(page.GetByTestId("chart-volume")).ToContainTextAsync("Sets per quarter");
        var bars = page.GetByTestId("chart-volume").Locator("rect.bar");
        Assert.InRange(await bars.CountAsync(), 40, 42);
        int logged;
        await using (var db = server.Database.CreateContext())
        {
            logged = db.LoggedSets.Count(s => s.ExerciseSlug == "hip-thrust");
        }

        Assert.Equal(logged, (await bars.EvaluateAllAsync<double[]>("bars => bars.map(b => Number(b.dataset.value))")).Sum());
        var narrowest = await bars.EvaluateAllAsync<double>("bars => Math.min(...bars.map(b => b.getBoundingClientRect().width))");
        Assert.True(narrowest >= 3, $"the narrowest weekly bar is {narrowest:0.0} px wide");
        await Browser.AssertNoSidewaysScrollAsync(page, width);
        // Every label of the chart's axis is whole, inside its picture.
        var cut = await page.GetByTestId("chart-volume").Locator("svg").EvaluateAsync<string[]>(
            "svg => { const box = svg.getBoundingClientRect(); return [...svg.querySelectorAll('g.grid text')].filter(t => { const r = t.getBoundingClientRect(); return r.left < box.left - 0.5 || r.right > box.right + 0.5; }).map(t => t.textContent); }");
        Assert.Empty(cut);
        // And about as large as the page's own small text at any width (one chart across a desktop drew it over 30 px high).
        var tallest = await page.Locator("figure.chart svg g.grid text").EvaluateAllAsync<double>("texts => Math.max(...texts.map(t => t.getBoundingClientRect().height))");
        Assert.InRange(tallest, 10, 24);
        await Browser.ScreenshotAsync(page, $"progress-ten-years-{name}");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task TheLogAndTheActivities_ComeAPageAtATime_UnderAQuarterMegabyte()
    {
        await using var server = await RunningServer.StartAsync();
        await SeedTenYearsAsync(server);
        await using (var db = server.Database.CreateContext())
        {
            Assert.InRange(db.Activities.Count(), 2300, 2800);
            Assert.InRange(db.StrengthSessions.Count(), 900, 1100);
        }

        var log = await server.Client.GetByteArrayAsync(new Uri("/api/log", UriKind.Relative));
        var activities = await server.Client.GetByteArrayAsync(new Uri("/api/activities", UriKind.Relative));

        Assert.True(log.Length < 256 * 1024, $"GET /api/log answered {log.Length / 1024} KB");
        Assert.True(activities.Length < 256 * 1024, $"GET /api/activities answered {activities.Length / 1024} KB");

        // Whole days, newest first, and a link to the page before: following it three times moves back in time without a gap.
        var seen = new List<string>();
        var next = "/api/log";
        for (var page = 0; page < 3; page++)
        {
            var body = JsonDocument.Parse(await server.Client.GetStringAsync(new Uri(next, UriKind.Relative))).RootElement;
            var days = body.GetProperty("days").EnumerateArray().Select(d => d.GetProperty("date").GetString()!).ToArray();
            Assert.Equal(30, days.Length);
            Assert.Equal(days.OrderDescending(StringComparer.Ordinal), days);
            Assert.True(seen.Count == 0 || string.CompareOrdinal(seen[^1], days[0]) > 0, "pages do not overlap");
            seen.AddRange(days);
            next = body.GetProperty("next").GetString()!;
        }

        // The activities page: the newest days, then "Older" links back in time, each page small, no activity twice.
        using var session = await server.SignInAsync();
        var shown = new HashSet<string>();
        var href = "/activities";
        for (var page = 0; page < 3; page++)
        {
            var html = await session.Client.GetStringAsync(new Uri(href, UriKind.Relative));
            Assert.True(html.Length < 256 * 1024, $"{href} answered {html.Length / 1024} KB");
            var links = System.Text.RegularExpressions.Regex.Matches(html, "<a href=\"/activities/(\\d+)\">").Select(m => m.Groups[1].Value).ToArray();
            Assert.InRange(links.Length, 20, 30);
            Assert.All(links, id => Assert.True(shown.Add(id), $"activity {id} shown on two pages"));
            href = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(html, "href=\"(/activities\\?before=[0-9-]+)\" rel=\"next\"").Groups[1].Value);
            Assert.StartsWith("/activities?before=", href, StringComparison.Ordinal);
        }

        var activityPage = JsonDocument.Parse(activities).RootElement;
        var items = activityPage.GetProperty("items").GetArrayLength();
        Assert.InRange(items, 1, 30);
        var older = await server.GetJsonAsync<JsonElement>(activityPage.GetProperty("next").GetString()!);
        Assert.True(string.CompareOrdinal(older.GetProperty("items")[0].GetProperty("date").GetString(),
            activityPage.GetProperty("items")[items - 1].GetProperty("date").GetString()) < 0, "the next page of activities starts on an earlier day");
    }

    [Fact]
    public async Task TheFlatLists_ComeOldestFirstAPageOfWholeDaysAtATime_AndTheLinksWalkThemAll()
    {
        await using var server = await RunningServer.StartAsync();
        await SeedTenYearsAsync(server);
        int runs, sessions, checkIns;
        await using (var db = server.Database.CreateContext())
        {
            (runs, sessions, checkIns) = (db.Activities.Count(), db.StrengthSessions.Count(), db.SorenessCheckIns.Count());
        }

        foreach (var (list, stored, dateField) in new[] { ("/api/log/runs", runs, "date"), ("/api/log/strength", sessions, "date"), ("/api/log/soreness", checkIns, "date") })
        {
            var ids = new List<long>();
            var days = new List<string>();
            var pages = 0;
            string? next = list;
            while (next is not null)
            {
                using var response = await server.Client.GetAsync(new Uri(next, UriKind.Relative));
                response.EnsureSuccessStatusCode();
                var bytes = await response.Content.ReadAsByteArrayAsync();
                Assert.True(bytes.Length < 256 * 1024, $"{next} answered {bytes.Length / 1024} KB");
                var items = JsonDocument.Parse(bytes).RootElement.EnumerateArray().ToArray();
                Assert.InRange(items.Length, 1, 100);
                ids.AddRange(items.Select(i => i.GetProperty("id").GetInt64()));
                days.AddRange(items.Select(i => i.GetProperty(dateField).GetString()!));
                next = response.Headers.TryGetValues("Link", out var links)
                    ? System.Text.RegularExpressions.Regex.Match(links.Single(), "^<([^>]+)>; rel=\"next\"$").Groups[1].Value
                    : null;
                pages++;
            }

            Assert.Equal(stored, ids.Count);
            Assert.Equal(stored, ids.Distinct().Count());
            Assert.Equal(days.Order(StringComparer.Ordinal), days);
            Assert.True(pages >= stored / 100, $"{list}: {pages} pages for {stored} items");
        }

        using var tooMany = await server.Client.GetAsync(new Uri("/api/log/runs?limit=500", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Contains("limit: 500 is out of range; give 1 to 100", await tooMany.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
