using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using RunStrong.TestSupport;
using RunStrong.Web.Tests.Infrastructure;

namespace RunStrong.Web.Tests.Plans;

/// <summary>The session page's downloads for a watch (issue 15), in real Chromium at phone and desktop widths.</summary>
public class WatchWorkoutPagesTests
{
    [Theory]
    [InlineData("phone", 390, 844)]
    [InlineData("desktop", 1280, 900)]
    public async Task SessionPage_DownloadsTheSessionAsFit_AndItsWeekAsZip(string name, int width, int height)
    {
        await using var server = await RunningServer.StartAsync();
        var (_, _, profile) = PlansApiTests.Sample();
        using var created = await server.Client.PostAsync(new Uri("/api/plans", UriKind.Relative),
            new StringContent($"{{\"name\": \"Spring 10k\", \"profile\": {profile}}}", Encoding.UTF8, "application/json"));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var plan = (await server.GetJsonAsync<JsonElement>($"/api/plans/{id}")).GetProperty("plan");
        var (date, index, week) = plan.GetProperty("weeks").EnumerateArray()
            .SelectMany(w => w.GetProperty("days").EnumerateArray().Select(d => (Week: w.GetProperty("index").GetInt32(), Day: d)))
            .SelectMany(x => x.Day.GetProperty("sessions").EnumerateArray().Select((s, i) => (Date: x.Day.GetProperty("date").GetString()!, Index: i, x.Week, Kind: s.GetProperty("kind").GetString())))
            .Where(s => s.Kind == "hill-sprints").Select(s => (s.Date, s.Index, s.Week)).First();

        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await browser.OpenAsync(server, width, height);
        await page.GotoAsync(new Uri(server.Address, $"/plans/{id}/sessions/{date}/{index}").ToString());

        var fit = page.GetByRole(AriaRole.Link, new() { Name = "For your watch (.fit)" });
        var zip = page.GetByRole(AriaRole.Link, new() { Name = $"Week {week} for your watch (.zip)" });
        Assert.True(await fit.IsVisibleAsync());
        Assert.True(await zip.IsVisibleAsync());
        Assert.Contains("GARMIN/NewFiles", await page.GetByTestId("watch-note").InnerTextAsync(), StringComparison.Ordinal);
        await Browser.AssertNoSidewaysScrollAsync(page, width);
        await Browser.ScreenshotAsync(page, $"plan-session-watch-{name}");

        var folder = Directory.CreateTempSubdirectory("runstrong-watch-page-").FullName;
        try
        {
            var download = await page.RunAndWaitForDownloadAsync(() => fit.ClickAsync());
            Assert.Equal($"{date}-hill-sprints.fit", download.SuggestedFilename);
            var path = Path.Combine(folder, download.SuggestedFilename);
            await download.SaveAsAsync(path);
            var decoded = GarminFitSdk.Decode(path).GetProperty("files").GetProperty(path);
            Assert.Equal(0, decoded.GetProperty("errors").GetArrayLength());
            Assert.Equal("workout", decoded.GetProperty("fileId")[0].GetProperty("type").GetString());
            Assert.Equal("running", decoded.GetProperty("workout")[0].GetProperty("sport").GetString());

            var weekDownload = await page.RunAndWaitForDownloadAsync(() => zip.ClickAsync());
            Assert.Equal($"plan-{id}-week-{week}-workouts.zip", weekDownload.SuggestedFilename);
            var zipPath = Path.Combine(folder, weekDownload.SuggestedFilename);
            await weekDownload.SaveAsAsync(zipPath);
            using var archive = System.IO.Compression.ZipFile.OpenRead(zipPath);
            Assert.Contains(archive.Entries, e => e.FullName == $"{date}-hill-sprints.fit");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        Assert.Empty(errors);
    }
}
