using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using RunStrong.TestSupport;
using RunStrong.Web.Tests.Infrastructure;

namespace RunStrong.Web.Tests.Accounts;

/// <summary>The account home (/account) and the access-token page (/account/tokens) in Chromium at phone width.</summary>
public class TokenPagesTests
{
    public static TheoryData<string> Engines => TestDatabases.Engines;

    [Theory, MemberData(nameof(Engines))]
    public async Task TokensPage_MakesATokenShownOnce_ThatWorksUntilRevokedOnThePage(string engine)
    {
        await using var server = await RunningServer.StartAsync(engine);
        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await browser.OpenAsync(server, 390, 844);

        await page.GotoAsync(new Uri(server.Address, "/account").ToString());
        Assert.Contains($"Signed in as {RunningServer.OwnerUserName} (the owner of this RunStrong)", await page.GetByTestId("account-who").InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Link, new() { Name = "Access tokens" }).ClickAsync();
        Assert.EndsWith("/account/tokens", page.Url, StringComparison.Ordinal);

        // A nameless token is refused, naming the field (a 400 page, which Chromium logs).
        await page.GetByRole(AriaRole.Button, new() { Name = "Make the token" }).ClickAsync();
        Assert.Contains("Name: give the token a name", await page.GetByTestId("token-errors").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.GetByTestId("new-token").CountAsync());
        Assert.All(errors, e => Assert.Contains("400", e, StringComparison.Ordinal));
        errors.Clear();

        await page.GetByLabel("Name").FillAsync("laptop cli");
        await page.GetByLabel("Read and write").CheckAsync();
        await page.GetByLabel("Expires after").FillAsync("30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Make the token" }).ClickAsync();

        var shown = page.GetByTestId("new-token");
        Assert.Contains("this is the only time it is shown", await shown.InnerTextAsync(), StringComparison.Ordinal);
        var token = await page.GetByTestId("new-token-value").InputValueAsync();
        Assert.StartsWith("rs_", token, StringComparison.Ordinal);
        Assert.Equal(0, await page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth"));
        await Browser.ScreenshotAsync(page, "account-token-made-phone");

        using var client = server.ClientWithToken(token);
        var me = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/me", UriKind.Relative));
        Assert.Equal(RunningServer.OwnerUserName, me.GetProperty("userName").GetString());
        Assert.Equal(["read", "write"], me.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()!).ToArray());

        // Shown once: the list has its name and first characters, never the token again.
        await page.GotoAsync(new Uri(server.Address, "/account/tokens").ToString());
        Assert.Equal(0, await page.GetByTestId("new-token").CountAsync());
        Assert.DoesNotContain(token, await page.ContentAsync(), StringComparison.Ordinal);
        var row = page.GetByTestId("token").Filter(new() { HasText = "laptop cli" });
        var rowText = await row.InnerTextAsync();
        Assert.Contains(token[..10] + "…", rowText, StringComparison.Ordinal);
        Assert.Contains("read and write", rowText, StringComparison.Ordinal);
        Assert.DoesNotContain("Last used\nnever", rowText, StringComparison.Ordinal);
        Assert.Equal("active", await row.GetByTestId("token-state").InnerTextAsync());

        await row.GetByRole(AriaRole.Button, new() { Name = "Revoke laptop cli" }).ClickAsync();
        row = page.GetByTestId("token").Filter(new() { HasText = "laptop cli" });
        Assert.Equal("revoked", await row.GetByTestId("token-state").InnerTextAsync());
        Assert.Equal(0, await row.GetByRole(AriaRole.Button).CountAsync());
        await Browser.ScreenshotAsync(page, "account-token-revoked-phone");

        using var afterRevoke = await client.GetAsync(new Uri("/api/me", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, afterRevoke.StatusCode);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task TokensPage_WorksWithoutJavaScript_TheTokenFieldStaysSelectableAndNoCopyButtonShows()
    {
        await using var server = await RunningServer.StartAsync();
        await using var browser = await Browser.LaunchAsync();
        await using var context = await browser.NewSignedInContextAsync(server, new BrowserNewContextOptions
        {
            JavaScriptEnabled = false,
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(server.Address, "/account/tokens").ToString());

        await page.GetByLabel("Name").FillAsync("backup script");
        await page.GetByRole(AriaRole.Button, new() { Name = "Make the token" }).ClickAsync();

        var token = await page.GetByTestId("new-token-value").InputValueAsync();
        Assert.StartsWith("rs_", token, StringComparison.Ordinal);
        Assert.False(await page.GetByRole(AriaRole.Button, new() { Name = "Copy" }).IsVisibleAsync());
        using var client = server.ClientWithToken(token);
        var me = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/me", UriKind.Relative));
        Assert.Equal(["read"], me.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()!).ToArray());

        await page.GetByTestId("token").Filter(new() { HasText = "backup script" }).GetByRole(AriaRole.Button, new() { Name = "Revoke backup script" }).ClickAsync();
        Assert.Equal("revoked", await page.GetByTestId("token").Filter(new() { HasText = "backup script" }).GetByTestId("token-state").InnerTextAsync());
        using var revoked = await client.GetAsync(new Uri("/api/me", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
    }

    [Fact]
    public async Task AccountPage_ChangesThePassword_NamingTheWrongField_ThenOnlyTheNewOneSignsIn()
    {
        await using var server = await RunningServer.StartAsync();
        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await browser.OpenAsync(server, 390, 844);
        await page.GotoAsync(new Uri(server.Address, "/account").ToString());
        foreach (var link in new[] { "Access tokens", "Sharing with a coach", "Two-factor sign-in", "Invitations", "Delete your account" })
        {
            Assert.Equal(1, await page.GetByRole(AriaRole.Link, new() { Name = link }).CountAsync());
        }

        const string NewPassword = "a brand new passphrase";
        await page.GetByLabel("Current password").FillAsync("not the password at all");
        await page.GetByLabel("New password (at least").FillAsync(NewPassword);
        await page.GetByLabel("New password again").FillAsync(NewPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        Assert.Contains("Current password: it is not your current password.", await page.GetByTestId("password-errors").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("true", await page.GetByLabel("Current password").GetAttributeAsync("aria-invalid"));

        await page.GetByLabel("Current password").FillAsync(RunningServer.OwnerPassword);
        await page.GetByLabel("New password (at least").FillAsync("short");
        await page.GetByLabel("New password again").FillAsync("short");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        Assert.Contains("New password: Passwords must be at least 10 characters.", await page.GetByTestId("password-errors").InnerTextAsync(), StringComparison.Ordinal);

        await page.GetByLabel("Current password").FillAsync(RunningServer.OwnerPassword);
        await page.GetByLabel("New password (at least").FillAsync(NewPassword);
        await page.GetByLabel("New password again").FillAsync(NewPassword + "!");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        Assert.Contains("New password again: it does not match", await page.GetByTestId("password-errors").InnerTextAsync(), StringComparison.Ordinal);
        Assert.All(errors, e => Assert.Contains("400", e, StringComparison.Ordinal));
        errors.Clear();

        await page.GetByLabel("Current password").FillAsync(RunningServer.OwnerPassword);
        await page.GetByLabel("New password (at least").FillAsync(NewPassword);
        await page.GetByLabel("New password again").FillAsync(NewPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        Assert.Contains("Your password is changed", await page.GetByTestId("password-changed").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth"));
        await Browser.ScreenshotAsync(page, "account-home-phone");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        Assert.EndsWith("/account/signin", page.Url, StringComparison.Ordinal);
        await page.GetByLabel("User name").FillAsync(RunningServer.OwnerUserName);
        await page.GetByLabel("Password").FillAsync(RunningServer.OwnerPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        Assert.Contains("The user name or the password is wrong.", await page.GetByTestId("signin-error").InnerTextAsync(), StringComparison.Ordinal);
        errors.Clear();

        await page.GetByLabel("User name").FillAsync(RunningServer.OwnerUserName);
        await page.GetByLabel("Password").FillAsync(NewPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GotoAsync(new Uri(server.Address, "/account").ToString());
        Assert.Contains($"Signed in as {RunningServer.OwnerUserName}", await page.GetByTestId("account-who").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(errors);
    }
}
