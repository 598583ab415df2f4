using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RunStrong.Web.Accounts;
using RunStrong.Web.Tests.Infrastructure;

namespace RunStrong.Web.Tests.Accounts;

/// <summary>The setup, sign-in and sign-out pages in real Chromium, as a person on a phone or a desktop uses them.</summary>
public class SignInPagesTests
{
    [Theory]
    [InlineData("phone", 390, 844)]
    [InlineData("desktop", 1280, 900)]
    public async Task FirstStart_SetupLink_ThenSignOutAndBackIn(string name, int width, int height)
    {
        await using var server = await RunningServer.StartWithoutAccountsAsync("sqlite");
        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await browser.OpenAnonymousAsync(width, height);

        // No account yet: every page leads to the sign-in page, which points to the console's setup link.
        await page.GotoAsync(new Uri(server.Address, "/plans").ToString());
        Assert.EndsWith("/account/signin?ReturnUrl=%2Fplans", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByTestId("needs-owner")).ToContainTextAsync("setup link printed on the console");
        Assert.Equal(0, await page.Locator("nav[aria-label=Main]").CountAsync());

        var setup = server.Services.GetRequiredService<SetupLink>().UrlFor(server.Address.ToString())!;
        await page.GotoAsync(setup);
        await page.GetByLabel("User name").FillAsync("ana");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("my knees say hills");
        await page.GetByLabel("Password again").FillAsync("my knees say hills!");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the account" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("setup-errors")).ToContainTextAsync("confirmPassword: the two passwords differ");
        errors.Clear(); // the refused form answered 400, which Chromium reports as a console error

        await page.GetByLabel("User name").FillAsync("ana");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("my knees say hills");
        await page.GetByLabel("Password again").FillAsync("my knees say hills");
        await Browser.ScreenshotAsync(page, $"setup-{name}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the account" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("nav-account")).ToHaveTextAsync("ana");

        // Sign out, then a wrong password, then the right one brings the runner back where they were going.
        await page.GotoAsync(new Uri(server.Address, "/account/signout").ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.ArrivesAtAsync("**/account/signin");
        await page.GotoAsync(new Uri(server.Address, "/log").ToString());
        await page.GetByLabel("User name").FillAsync("ana");
        await page.GetByLabel("Password").FillAsync("my knees say valleys");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("signin-error")).ToHaveTextAsync("The user name or the password is wrong.");
        await Browser.ScreenshotAsync(page, $"signin-error-{name}");
        errors.Clear();
        await page.GetByLabel("User name").FillAsync("ana");
        await page.GetByLabel("Password").FillAsync("my knees say hills");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        // Back where they were going: the address is /log, then what the runner sees, with auto-retrying assertions. Not
        // WaitForURL: on a loaded machine it waited 30 s for a load state after the page was there (CI, even with Commit).
        await page.ArrivesAtAsync("**/log");
        await Assertions.Expect(page.GetByTestId("nav-account")).ToHaveTextAsync("ana");

        // The setup link is spent.
        await page.GotoAsync(setup);
        await Assertions.Expect(page.GetByTestId("setup-invalid")).ToBeVisibleAsync();
        errors.Clear(); // 404

        if (width < 500)
        {
            await Browser.AssertNoSidewaysScrollAsync(page, width);
        }

        Assert.Empty(errors);
    }
}
