using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using OtpNet;
using RunStrong.TestSupport;
using RunStrong.Web.Tests.Infrastructure;

namespace RunStrong.Web.Tests.Accounts;

/// <summary>
/// Two-factor sign-in with an authenticator app. The test is the app: it computes codes with Otp.NET (an implementation
/// of RFC 6238 independent of ASP.NET Core Identity) from the key the page shows.
/// </summary>
public partial class TwoFactorTests
{
    public static TheoryData<string> Engines => TestDatabases.Engines;

    [Theory, MemberData(nameof(Engines))]
    public async Task TurnOn_ThenSigningInAsksForTheCode_WrongCodeRefused_RightCodeAndARecoveryCodeOnceSignIn(string engine)
    {
        await using var server = await RunningServer.StartAsync(engine);
        var lena = await server.CreateAccountAsync("lena", "glute bridges daily");
        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await browser.OpenAnonymousAsync(390, 844);
        await AccountForms.SignInAsync(page, server, lena.UserName, lena.Password);

        await page.GotoAsync(new Uri(server.Address, "/account/two-factor").ToString());
        Assert.Contains("is off", await page.GetByTestId("two-factor-status").InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByTestId("two-factor-start").ClickAsync();
        var shownKey = await page.GetByTestId("two-factor-key").InnerTextAsync();
        var app = new Totp(Base32Encoding.ToBytes(shownKey.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant()));
        Assert.True(await page.GetByTestId("two-factor-qr").IsVisibleAsync());
        var qrBox = await page.GetByTestId("two-factor-qr").BoundingBoxAsync();
        Assert.True(qrBox is { Width: >= 150, Height: >= 150 }, $"the QR code is drawn {qrBox?.Width} x {qrBox?.Height} px");
        await Browser.ScreenshotAsync(page, "two-factor-setup-phone");
        await Browser.AssertNoSidewaysScrollAsync(page, 390);

        // A wrong code does not turn it on, and the key stays the same.
        await page.GetByTestId("two-factor-code").FillAsync(WrongCode(app, server.Clock));
        await page.GetByTestId("two-factor-confirm").ClickAsync();
        Assert.StartsWith("code: that is not the app's current code", await page.GetByTestId("two-factor-error").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(shownKey, await page.GetByTestId("two-factor-key").InnerTextAsync());
        AccountForms.ClearRefusals(errors, 400);

        await page.GetByTestId("two-factor-code").FillAsync(app.ComputeTotp(server.Clock.GetUtcNow().UtcDateTime));
        await page.GetByTestId("two-factor-confirm").ClickAsync();
        await page.GetByTestId("two-factor-on").WaitForAsync();
        var recoveryCodes = (await page.GetByTestId("recovery-codes").Locator("code").AllInnerTextsAsync()).ToArray();
        Assert.Equal(10, recoveryCodes.Length);
        Assert.Equal(10, recoveryCodes.Distinct().Count());
        await Browser.ScreenshotAsync(page, "two-factor-recovery-codes-phone");

        // Shown once: the page now only counts them.
        await page.GotoAsync(new Uri(server.Address, "/account/two-factor").ToString());
        Assert.Contains("is on. You have 10 recovery codes left.", await page.GetByTestId("two-factor-status").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.GetByTestId("recovery-codes").CountAsync());

        // Signing in now asks for a code after the password.
        await AccountForms.SignOutAsync(page, server);
        await AccountForms.SignInAsync(page, server, lena.UserName, lena.Password);
        Assert.Contains("/account/signin-2fa", page.Url, StringComparison.Ordinal);
        Assert.Equal(0, await page.GetByTestId("nav-account").CountAsync());

        await page.GetByTestId("signin-2fa-code").FillAsync(WrongCode(app, server.Clock));
        await page.GetByTestId("signin-2fa-submit").ClickAsync();
        Assert.StartsWith("code: that code is wrong.", await page.GetByTestId("signin-2fa-error").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.GetByTestId("nav-account").CountAsync());
        AccountForms.ClearRefusals(errors, 400);

        await page.GetByTestId("signin-2fa-code").FillAsync(app.ComputeTotp(server.Clock.GetUtcNow().UtcDateTime));
        await page.GetByTestId("signin-2fa-submit").ClickAsync();
        await page.ArrivesAtAsync(new Uri(server.Address, "/").ToString());
        Assert.Equal("lena", (await page.GetByTestId("nav-account").InnerTextAsync()).Trim());

        // A recovery code signs in once.
        await AccountForms.SignOutAsync(page, server);
        await AccountForms.SignInAsync(page, server, lena.UserName, lena.Password);
        await page.GetByTestId("signin-2fa-code").FillAsync(recoveryCodes[3]);
        await page.GetByTestId("signin-2fa-submit").ClickAsync();
        await page.ArrivesAtAsync(new Uri(server.Address, "/").ToString());
        Assert.Equal("lena", (await page.GetByTestId("nav-account").InnerTextAsync()).Trim());

        await AccountForms.SignOutAsync(page, server);
        await AccountForms.SignInAsync(page, server, lena.UserName, lena.Password);
        await page.GetByTestId("signin-2fa-code").FillAsync(recoveryCodes[3]);
        await page.GetByTestId("signin-2fa-submit").ClickAsync();
        Assert.Equal("code: that recovery code is wrong or was used already. Each recovery code works once.",
            await page.GetByTestId("signin-2fa-error").InnerTextAsync());
        Assert.Equal(0, await page.GetByTestId("nav-account").CountAsync());
        AccountForms.ClearRefusals(errors, 400);

        Assert.Empty(errors);
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task WrongCodes_CountTowardTheLockout_ThenEvenTheRightCodeIsRefused(string engine)
    {
        await using var server = await RunningServer.StartWithAsync(engine, "--RunStrong:Lockout:MaxFailedAttempts=3");
        var account = await server.CreateAccountAsync("tomas", "easy miles mostly");
        var app = await TurnOnAsync(server, account);
        using var client = AccountForms.Anonymous(server);
        await PasswordStepAsync(client, account);

        var wrongApp = await CodeStepAsync(client, WrongCode(app, server.Clock));
        Assert.Equal(HttpStatusCode.BadRequest, wrongApp.Status);
        Assert.Contains("code: that code is wrong.", wrongApp.Html, StringComparison.Ordinal);
        var wrongRecovery = await CodeStepAsync(client, "AAAAA-BBBBB");
        Assert.Equal(HttpStatusCode.BadRequest, wrongRecovery.Status);
        Assert.Contains("code: that recovery code is wrong or was used already.", wrongRecovery.Html, StringComparison.Ordinal);
        var third = await CodeStepAsync(client, WrongCode(app, server.Clock));
        Assert.Equal(HttpStatusCode.Locked, third.Status);

        var locked = await CodeStepAsync(client, app.ComputeTotp(server.Clock.GetUtcNow().UtcDateTime));
        Assert.Equal(HttpStatusCode.Locked, locked.Status);
        Assert.Contains("This account is locked after too many wrong codes or passwords.", locked.Html, StringComparison.Ordinal);
        using var me = await client.GetAsync(new Uri("/api/me", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task TurnOff_WithThePassword_ThenThePasswordAloneSignsIn(string engine)
    {
        await using var server = await RunningServer.StartAsync(engine);
        var account = await server.CreateAccountAsync("ines", "track on wednesdays");
        var app = await TurnOnAsync(server, account);
        using var client = AccountForms.Anonymous(server);
        await PasswordStepAsync(client, account);
        Assert.Equal(HttpStatusCode.Redirect, (await CodeStepAsync(client, app.ComputeTotp(server.Clock.GetUtcNow().UtcDateTime))).Status);

        using (var wrong = await AccountForms.PostFormAsync(client, "/account/two-factor?handler=Disable", new() { ["password"] = "not my password" }, formPage: "/account/two-factor"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
            Assert.Contains("password: the password is wrong.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var off = await AccountForms.PostFormAsync(client, "/account/two-factor?handler=Disable", new() { ["password"] = account.Password }, formPage: "/account/two-factor"))
        {
            Assert.Equal(HttpStatusCode.OK, off.StatusCode);
            Assert.Contains("Two-factor sign-in is off", await off.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var again = AccountForms.Anonymous(server);
        using var signedIn = await AccountForms.PostFormAsync(again, "/account/signin", new() { ["UserName"] = account.UserName, ["Password"] = account.Password });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/", signedIn.Headers.Location?.OriginalString);
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task ARecoveryCode_SignsInOnce(string engine)
    {
        await using var server = await RunningServer.StartAsync(engine);
        var account = await server.CreateAccountAsync("noor", "strides after runs");
        var (_, codes) = await TurnOnWithCodesAsync(server, account);

        using (var first = AccountForms.Anonymous(server))
        {
            await PasswordStepAsync(first, account);
            var used = await CodeStepAsync(first, codes[0]);
            Assert.True(used.Status == HttpStatusCode.Redirect, $"the recovery code gave {(int)used.Status}: {used.Html}");
        }

        using var second = AccountForms.Anonymous(server);
        await PasswordStepAsync(second, account);
        var again = await CodeStepAsync(second, codes[0]);
        Assert.Equal(HttpStatusCode.BadRequest, again.Status);
        Assert.Contains("code: that recovery code is wrong or was used already.", again.Html, StringComparison.Ordinal);
        var another = await CodeStepAsync(second, codes[1]);
        Assert.Equal(HttpStatusCode.Redirect, another.Status);
    }

    /// <summary>A 6-digit code the app shows at no time within three minutes of the server's now.</summary>
    internal static string WrongCode(Totp app, TimeProvider clock)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var near = Enumerable.Range(-6, 13).Select(step => app.ComputeTotp(now.AddSeconds(30 * step))).ToHashSet();
        var candidate = (int.Parse(app.ComputeTotp(now), CultureInfo.InvariantCulture) + 500_000) % 1_000_000;
        while (near.Contains(candidate.ToString("D6", CultureInfo.InvariantCulture)))
        {
            candidate = (candidate + 1) % 1_000_000;
        }

        return candidate.ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>Turns two-factor on through the page (new key, a code from it confirmed) and returns the app holding the key.</summary>
    private static async Task<Totp> TurnOnAsync(RunningServer server, TestAccount account) => (await TurnOnWithCodesAsync(server, account)).App;

    private static async Task<(Totp App, string[] RecoveryCodes)> TurnOnWithCodesAsync(RunningServer server, TestAccount account)
    {
        using var session = await server.SignInAsync(account.UserName, account.Password);
        using var start = await AccountForms.PostFormAsync(session.Client, "/account/two-factor?handler=Start", [], formPage: "/account/two-factor");
        var match = KeyOnPage().Match(await start.Content.ReadAsStringAsync());
        Assert.True(match.Success, "the page shows no authenticator key");
        var app = new Totp(Base32Encoding.ToBytes(match.Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant()));
        using var confirm = await AccountForms.PostFormAsync(session.Client, "/account/two-factor?handler=Confirm", new() { ["code"] = app.ComputeTotp(server.Clock.GetUtcNow().UtcDateTime) }, formPage: "/account/two-factor");
        var html = await confirm.Content.ReadAsStringAsync();
        Assert.Contains("Two-factor sign-in is on.", html, StringComparison.Ordinal);
        return (app, RecoveryCode().Matches(html).Select(m => m.Groups[1].Value).ToArray());
    }

    [GeneratedRegex("data-testid=\"two-factor-key\">([a-z2-7 ]+)<")]
    private static partial Regex KeyOnPage();

    [GeneratedRegex("<li><code>([^<]+)</code></li>")]
    private static partial Regex RecoveryCode();

    private static async Task PasswordStepAsync(HttpClient client, TestAccount account)
    {
        using var response = await AccountForms.PostFormAsync(client, "/account/signin", new() { ["UserName"] = account.UserName, ["Password"] = account.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/signin-2fa", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    private static async Task<(HttpStatusCode Status, string Html)> CodeStepAsync(HttpClient client, string code)
    {
        using var response = await AccountForms.PostFormAsync(client, "/account/signin-2fa", new() { ["Code"] = code });
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }
}
