using RunStrong.Web.Tests.Infrastructure;

namespace RunStrong.Web.Tests.Catalogue;

/// <summary>The catalogue pages in real Chromium, at phone and desktop widths.</summary>
public class ExercisePagesTests
{
    [Theory]
    [InlineData("phone", 390, 844)]
    [InlineData("desktop", 1280, 900)]
    public async Task Catalogue_FilterByMuscle_ThenOpenAnExercise(string name, int width, int height)
    {
        await using var server = await RunningServer.StartAsync();
        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await browser.OpenAsync(server, width, height);

        await page.GotoAsync(new Uri(server.Address, "/exercises").ToString());
        var total = int.Parse(await page.GetByTestId("exercise-count").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(total >= 28, $"the page lists {total} exercises");
        await Browser.ScreenshotAsync(page, $"exercises-{name}");

        await page.GetByLabel("Muscle").SelectOptionAsync("gluteus-medius");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await page.ArrivesAtAsync("**/exercises?muscle=gluteus-medius**");
        var filtered = int.Parse(await page.GetByTestId("exercise-count").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(filtered, 1, total - 1);
        Assert.Contains("Clamshell", await page.GetByTestId("exercise-list").InnerTextAsync(), StringComparison.Ordinal);
        // Plain calf raises load the calves only; the single-leg one stays (gluteus medius steadies the hip).
        Assert.Equal(0, await page.GetByTestId("exercise-list").GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Calf raise", Exact = true }).CountAsync());
        Assert.Equal(1, await page.GetByTestId("exercise-list").GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Single-leg calf raise", Exact = true }).CountAsync());

        await page.GotoAsync(new Uri(server.Address, "/exercises?q=hip+thrust").ToString());
        await page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Hip thrust", Exact = true }).ClickAsync();
        await page.ArrivesAtAsync("**/exercises/hip-thrust");
        var ladder = await page.GetByTestId("progression").Locator("li").AllInnerTextsAsync();
        Assert.Equal(4, ladder.Count);
        Assert.Contains("band", ladder[1], StringComparison.OrdinalIgnoreCase);
        Assert.Contains("barbell", ladder[2], StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Gluteus maximus", await page.GetByTestId("primary-muscles").InnerTextAsync(), StringComparison.Ordinal);
        await Browser.ScreenshotAsync(page, $"hip-thrust-{name}");

        if (width < 500)
        {
            await Browser.AssertNoSidewaysScrollAsync(page, width);
        }

        Assert.Empty(errors);
    }

    [Fact]
    public async Task Catalogue_UnknownFilterValue_ShowsAClearMessage()
    {
        await using var server = await RunningServer.StartAsync();
        await using var browser = await Browser.LaunchAsync();
        var (page, _) = await browser.OpenAsync(server, 390, 844);

        var response = await page.GotoAsync(new Uri(server.Address, "/exercises?equipment=rowing-boat").ToString());

        Assert.Equal(400, response!.Status);
        var alert = await page.GetByRole(Microsoft.Playwright.AriaRole.Alert).InnerTextAsync();
        Assert.Contains("equipment: unknown value 'rowing-boat'", alert, StringComparison.Ordinal);
    }
}
