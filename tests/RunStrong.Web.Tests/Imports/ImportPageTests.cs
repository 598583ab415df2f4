using Microsoft.Playwright;
using RunStrong.Web.Tests.Infrastructure;

namespace RunStrong.Web.Tests.Imports;

/// <summary>The upload page sends a whole export to a background import, and its progress page, in real Chromium.</summary>
public class ImportPageTests
{
    [Theory]
    [InlineData("phone", 390, 844)]
    [InlineData("desktop", 1280, 900)]
    public async Task UploadingAnExport_OpensItsProgressPage_WhichUpdatesItselfUntilDone(string name, int width, int height)
    {
        // Any zip of 1 MB or more goes to the background here (the default is 5 MB).
        await using var server = await RunningServer.StartWithAsync("sqlite", "--ActivityUploads:BackgroundMegabytes=1");
        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await browser.OpenAsync(server, width, height);
        var zip = Path.Combine(Path.GetTempPath(), $"runstrong-export-{Guid.NewGuid():N}.zip");
        await File.WriteAllBytesAsync(zip, ExportArchives.Build(150, withBadFiles: true));
        try
        {
            Assert.True(new FileInfo(zip).Length >= 1024 * 1024, "the export is big enough to go to the background");
            await page.GotoAsync(new Uri(server.Address, "/activities/upload").ToString());
            await page.GetByLabel("Activity files").SetInputFilesAsync(zip);
            await page.GetByTestId("upload-button").ClickAsync();
            await page.ArrivesAtAsync("**/activities/imports/*");

            // The page reloads itself (an HTTP Refresh header, no script) until the import is done.
            await page.Locator("[data-testid=import-progress][data-state=done]").WaitForAsync(new() { Timeout = (float)ImportsApiTests.Patience.TotalMilliseconds });
            Assert.Equal("Done", await page.GetByTestId("import-state").InnerTextAsync());
            Assert.Equal("152 of 152 files done", await page.GetByTestId("import-done").InnerTextAsync());
            Assert.Equal("150 imported, 0 already there, 1 failed, 1 not activity files.", await page.GetByTestId("import-counts").InnerTextAsync());
            var results = page.GetByTestId("import-results");
            Assert.Equal(100, await results.Locator("li").CountAsync());
            Assert.Equal(0, await page.GetByTestId("import-cancel").CountAsync());
            await Browser.ScreenshotAsync(page, $"import-progress-{name}");
            var failedLines = new List<string>();
            failedLines.AddRange(await results.Locator("li[data-status=failed]").AllInnerTextsAsync());

            await page.GetByTestId("import-next").ClickAsync();
            await page.ArrivesAtAsync("**?page=2");
            Assert.Equal(52, await results.Locator("li").CountAsync());
            failedLines.AddRange(await results.Locator("li[data-status=failed]").AllInnerTextsAsync());
            Assert.Contains("broken.gpx: ", Assert.Single(failedLines), StringComparison.Ordinal);
            await results.Locator("li[data-status=imported] a").First.ClickAsync();
            await page.ArrivesAtAsync("**/activities/*");
            Assert.EndsWith(" km", await page.GetByTestId("distance").InnerTextAsync(), StringComparison.Ordinal);

            if (width < 500)
            {
                await page.GoBackAsync();
                await Browser.AssertNoSidewaysScrollAsync(page, width);
            }

            Assert.Empty(errors);
        }
        finally
        {
            File.Delete(zip);
        }
    }
}
