using System.Globalization;
using Microsoft.Playwright;
using RunStrong.TestSupport;
using RunStrong.Web.Tests.Infrastructure;
using static RunStrong.Web.Tests.Activities.ActivitiesApiTests;

namespace RunStrong.Web.Tests.Activities;

/// <summary>Uploading through the page and reading an activity, in real Chromium at phone and desktop widths.</summary>
public class ActivityPagesTests
{
    private static readonly string[] Uploads = [Fixtures.Path("fit", FenixRun), Fixtures.Path("tcx", TcxRun), Fixtures.Path("fit", EmptyFit)];

    [Theory]
    [InlineData("phone", 390, 844)]
    [InlineData("desktop", 1280, 900)]
    public async Task Upload_ThenOpenTheRun_ShowsResultsAndThreeChartsWithData(string name, int width, int height)
    {
        await using var server = await RunningServer.StartAsync();
        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await browser.OpenAsync(server, width, height);

        await page.GotoAsync(new Uri(server.Address, "/activities").ToString());
        await page.GetByRole(AriaRole.Link, new() { Name = "Upload files" }).ClickAsync();
        await page.ArrivesAtAsync("**/activities/upload");
        await page.GetByLabel("Activity files").SetInputFilesAsync(Uploads);
        await page.GetByTestId("upload-button").ClickAsync();
        await page.Locator("form[data-done=true]").WaitForAsync();

        var results = page.GetByTestId("upload-results");
        Assert.Equal(2, await results.Locator("li[data-status=imported]").CountAsync());
        var failed = results.Locator("li[data-status=failed]");
        Assert.Equal(1, await failed.CountAsync());
        Assert.Contains(EmptyFit + ": the file is empty", await failed.InnerTextAsync(), StringComparison.Ordinal);
        Assert.StartsWith("2 imported, 0 already there, 1 failed", await page.GetByTestId("upload-summary").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("/upload", new Uri(page.Url).AbsolutePath[^7..]);
        await Browser.ScreenshotAsync(page, $"activities-upload-{name}");

        await results.GetByRole(AriaRole.Link, new() { Name = FenixRun }).ClickAsync();
        await page.ArrivesAtAsync("**/activities/*");
        Assert.Equal("9.01 km", await page.GetByTestId("distance").InnerTextAsync());
        foreach (var chart in new[] { "pace", "heart-rate", "elevation" })
        {
            var line = page.GetByTestId($"chart-{chart}").Locator("polyline.series");
            Assert.Equal(1, await line.CountAsync());
            var points = int.Parse((await line.GetAttributeAsync("data-points"))!, CultureInfo.InvariantCulture);
            Assert.True(points > 100, $"the {chart} chart has {points} points");
        }

        Assert.Equal(1, await page.GetByTestId("chart-elevation").Locator("polygon.area").CountAsync());
        Assert.True(await page.GetByTestId("climbs").Locator("tbody tr").CountAsync() >= 1);
        Assert.Equal(4, await page.GetByTestId("best-efforts").Locator("tbody tr").CountAsync());
        await Browser.ScreenshotAsync(page, $"activity-{name}");

        if (width < 500)
        {
            await Browser.AssertNoSidewaysScrollAsync(page, width);
        }

        await page.GotoAsync(new Uri(server.Address, "/activities").ToString());
        Assert.Equal("2", await page.GetByTestId("activity-count").InnerTextAsync());
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Upload_ACutShortCopyThenTheWholeFile_TheResultsSayWhatHappened(bool script)
    {
        await using var server = await RunningServer.StartAsync();
        await using var browser = await Browser.LaunchAsync();
        var context = await browser.NewSignedInContextAsync(server, new() { JavaScriptEnabled = script, ViewportSize = new() { Width = 390, Height = 844 } });
        var page = await context.NewPageAsync();
        var whole = await File.ReadAllBytesAsync(Fixtures.Path("fit", "sports-alliance__sports-lib__src__specs__fixtures__runs__fit__6860622783.fit"));

        async Task<ILocator> UploadAsync(byte[] content)
        {
            await page.GotoAsync(new Uri(server.Address, "/activities/upload").ToString());
            await page.GetByLabel("Activity files").SetInputFilesAsync(new FilePayload { Name = "treadmill.fit", MimeType = "application/octet-stream", Buffer = content });
            await page.GetByTestId("upload-button").ClickAsync();
            if (script)
            {
                await page.Locator("form[data-done=true]").WaitForAsync();
            }
            else
            {
                await page.WaitForLoadStateAsync(LoadState.Load);
            }

            return page.GetByTestId("upload-results").Locator("li[data-status=imported]");
        }

        var cut = await UploadAsync(whole[..(whole.Length * 6 / 10)]);
        await Assertions.Expect(cut.GetByTestId("upload-warnings")).ToContainTextAsync("treadmill.fit: file ends at byte ");
        await Assertions.Expect(cut.GetByTestId("upload-warnings")).ToContainTextAsync("import the whole file when you have it and it completes this activity");
        if (script)
        {
            await Browser.ScreenshotAsync(page, "activities-upload-cut-short-phone");
        }

        var completed = await UploadAsync(whole);
        await Assertions.Expect(completed.GetByTestId("upload-warnings")).ToContainTextAsync("treadmill.fit: completes activity ");
        await Assertions.Expect(completed.GetByTestId("upload-warnings")).ToContainTextAsync("which was cut short: its distance, times and records are now this file's (10.6");
        await page.GotoAsync(new Uri(server.Address, "/activities").ToString());
        Assert.Equal("1", await page.GetByTestId("activity-count").InnerTextAsync());
    }

    [Fact]
    public async Task Upload_WithoutJavaScript_PostsTheFormAndShowsTheResults()
    {
        await using var server = await RunningServer.StartAsync();
        await using var browser = await Browser.LaunchAsync();
        var context = await browser.NewSignedInContextAsync(server, new() { JavaScriptEnabled = false, ViewportSize = new() { Width = 390, Height = 844 } });
        var page = await context.NewPageAsync();

        await page.GotoAsync(new Uri(server.Address, "/activities/upload").ToString());
        await page.GetByLabel("Activity files").SetInputFilesAsync(Uploads);
        await page.GetByTestId("upload-button").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);

        var results = page.GetByTestId("upload-results");
        Assert.Equal(2, await results.Locator("li[data-status=imported]").CountAsync());
        Assert.Equal(1, await results.Locator("li[data-status=failed]").CountAsync());
        Assert.StartsWith("2 imported", await page.GetByTestId("upload-summary").InnerTextAsync(), StringComparison.Ordinal);

        await results.GetByRole(AriaRole.Link, new() { Name = TcxRun }).ClickAsync();
        await page.ArrivesAtAsync("**/activities/*");
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete this activity" }).ClickAsync();
        await page.ArrivesAtAsync("**/activities");
        Assert.Equal("1", await page.GetByTestId("activity-count").InnerTextAsync());
    }
}
