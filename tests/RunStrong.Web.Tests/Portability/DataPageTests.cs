using RunStrong.Web.Tests.Infrastructure;

namespace RunStrong.Web.Tests.Portability;

/// <summary>The Your data page in real Chromium: download, import into another server, delete after confirming.</summary>
public class DataPageTests
{
    [Theory]
    [InlineData("phone", 390, 844)]
    [InlineData("desktop", 1280, 900)]
    public async Task DownloadImportElsewhereThenDelete_WithAConfirmationStep(string name, int width, int height)
    {
        await using var source = await RunningServer.StartAsync();
        await using var target = await RunningServer.StartAsync();
        await DataApiTests.FillAsync(source);
        await using var browser = await Browser.LaunchAsync();
        // Cookies ignore ports, so each server gets its own browser context (its own sign-in).
        var (sourcePage, sourceErrors) = await browser.OpenAsync(source, width, height);
        var page = sourcePage;
        await page.GotoAsync(new Uri(source.Address, "/data").ToString());
        var stored = await page.GetByTestId("data-stored").InnerTextAsync();
        Assert.Contains("1 plans", stored, StringComparison.Ordinal);
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("data-download").ClickAsync());
        Assert.StartsWith("runstrong-export-", download.SuggestedFilename, StringComparison.Ordinal);
        var zip = Path.Combine(Path.GetTempPath(), $"runstrong-page-{Guid.NewGuid():N}.zip");
        await download.SaveAsAsync(zip);
        await Browser.ScreenshotAsync(page, $"data-{name}");

        var (targetPage, errors) = await browser.OpenAsync(target, width, height);
        page = targetPage;
        try
        {
            await page.GotoAsync(new Uri(target.Address, "/data").ToString());
            Assert.Contains("0 plans", await page.GetByTestId("data-stored").InnerTextAsync(), StringComparison.Ordinal);
            await page.GetByTestId("data-import-input").SetInputFilesAsync(zip);
            await page.GetByTestId("data-import-button").ClickAsync();
            await page.GetByTestId("data-imported").WaitForAsync();
            Assert.Equal(stored, await page.GetByTestId("data-stored").InnerTextAsync());
            await Browser.ScreenshotAsync(page, $"data-imported-{name}");
        }
        finally
        {
            File.Delete(zip);
        }

        // Delete asks first; keeping the data changes nothing.
        await page.GetByTestId("data-delete").ClickAsync();
        await page.GetByTestId("data-confirm").WaitForAsync();
        await Browser.ScreenshotAsync(page, $"data-confirm-{name}");
        await page.GetByTestId("data-delete-cancel").ClickAsync();
        await page.GetByTestId("data-delete").WaitForAsync();
        Assert.Equal(stored, await page.GetByTestId("data-stored").InnerTextAsync());

        await page.GetByTestId("data-delete").ClickAsync();
        await page.GetByTestId("data-delete-confirm").ClickAsync();
        await page.GetByTestId("data-deleted").WaitForAsync();
        Assert.StartsWith("Stored now: 0 plans, 0 strength sessions (0 sets), 0 soreness check-ins, 0 activities.", await page.GetByTestId("data-stored").InnerTextAsync(), StringComparison.Ordinal);

        if (width < 500)
        {
            await Browser.AssertNoSidewaysScrollAsync(page, width);
        }

        Assert.Empty(sourceErrors);
        Assert.Empty(errors);
    }
}
