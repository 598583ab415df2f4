using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using RunStrong.Data.Entities;
using RunStrong.TestSupport;
using RunStrong.Web.Tests.Infrastructure;

namespace RunStrong.Web.Tests.Accounts;

/// <summary>/account/register as each registration mode allows it, through the real server (and real Chromium).</summary>
public class RegistrationTests
{
    public static TheoryData<string> Engines => TestDatabases.Engines;

    [Theory, MemberData(nameof(Engines))]
    public async Task OpenRegistration_AnyoneMakesAnAccount_AndIsSignedInAsIt(string engine)
    {
        await using var server = await RunningServer.StartWithAsync(engine, "--RunStrong:Registration=open");
        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await browser.OpenAnonymousAsync(390, 844);

        await page.GotoAsync(new Uri(server.Address, "/account/signin").ToString());
        await page.GetByRole(AriaRole.Link, new() { Name = "Make an account" }).ClickAsync();
        await page.ArrivesAtAsync("**/account/register");
        await AccountForms.FillRegistrationAsync(page, "mara", "tempo runs on tuesdays");
        await page.GetByTestId("register-submit").ClickAsync();
        await page.ArrivesAtAsync(new Uri(server.Address, "/").ToString());

        Assert.Equal("mara", (await page.GetByTestId("nav-account").InnerTextAsync()).Trim());
        await using var db = server.Database.CreateContext();
        var user = await db.Users.SingleAsync(u => u.UserName == "mara");
        Assert.False(user.IsOwner);
        Assert.True(await db.Runners.AnyAsync(r => r.Id == user.Id));
        Assert.Empty(errors);
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task OpenRegistration_WithAShortPassword_SaysWhatIsWrong_AndMakesNothing(string engine)
    {
        await using var server = await RunningServer.StartWithAsync(engine, "--RunStrong:Registration=open");
        using var visitor = AccountForms.Anonymous(server);

        using var response = await AccountForms.PostFormAsync(visitor, "/account/register", new()
        {
            ["UserName"] = "shorty",
            ["Password"] = "short",
            ["ConfirmPassword"] = "short",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("password: Passwords must be at least 10 characters.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        await using var db = server.Database.CreateContext();
        Assert.False(await db.Users.AnyAsync(u => u.UserName == "shorty"));
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task InviteOnly_WithoutAnInvitation_IsRefused(string engine)
    {
        await using var server = await RunningServer.StartAsync(engine);
        using var visitor = AccountForms.Anonymous(server);

        using var page = await visitor.GetAsync(new Uri("/account/register", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("by invitation only", html, StringComparison.Ordinal);
        Assert.DoesNotContain("register-form", html, StringComparison.Ordinal);

        // Posting the form anyway (with a valid antiforgery token from another page) makes nothing either.
        using var post = await AccountForms.PostFormAsync(visitor, "/account/register", new()
        {
            ["UserName"] = "gatecrasher",
            ["Password"] = "long enough password",
            ["ConfirmPassword"] = "long enough password",
        }, formPage: "/account/signin");
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        await using var db = server.Database.CreateContext();
        Assert.False(await db.Users.AnyAsync(u => u.UserName == "gatecrasher"));
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task InviteOnly_AnInvitationMakesOneAccount_AndIsThenUsedUp(string engine)
    {
        await using var server = await RunningServer.StartAsync(engine);
        using var owner = await server.SignInAsync();
        var link = await InvitationTests.MakeInvitationAsync(owner, "for Ana");
        var path = link.PathAndQuery;

        using var ana = AccountForms.Anonymous(server);
        using (var form = await ana.GetAsync(new Uri(path, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, form.StatusCode);
            Assert.Contains("You were invited", await form.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var made = await AccountForms.PostFormAsync(ana, path, AccountForms.NewAccount("ana", "hill sprints twice a week")))
        {
            Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
            Assert.Equal("/", made.Headers.Location?.OriginalString);
        }

        var me = await ana.GetStringAsync(new Uri("/api/me", UriKind.Relative));
        Assert.Contains("\"userName\":\"ana\"", me, StringComparison.Ordinal);

        // The same link a second time: refused, and no second account.
        using var bea = AccountForms.Anonymous(server);
        using (var again = await bea.GetAsync(new Uri(path, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, again.StatusCode);
            Assert.Contains("This invitation link is used, withdrawn, expired or wrong.", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        using (var second = await AccountForms.PostFormAsync(bea, path, AccountForms.NewAccount("bea", "long runs on sundays"), formPage: "/account/signin"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, second.StatusCode);
        }

        await using var db = server.Database.CreateContext();
        Assert.False(await db.Users.AnyAsync(u => u.UserName == "bea"));
        var invitation = await db.Invitations.SingleAsync(i => i.Kind == InvitationKinds.Invite);
        Assert.Equal((await db.Users.SingleAsync(u => u.UserName == "ana")).Id, invitation.UsedBy);
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task Closed_RegistrationIsRefused_WithAClearMessage(string engine)
    {
        await using var server = await RunningServer.StartWithAsync(engine, "--RunStrong:Registration=closed");
        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await browser.OpenAnonymousAsync(390, 844);

        var response = await page.GotoAsync(new Uri(server.Address, "/account/register").ToString());
        Assert.Equal(403, response!.Status);
        Assert.Contains("Registration is closed on this server", await page.GetByTestId("register-refused").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.GetByTestId("register-form").CountAsync());
        AccountForms.ClearRefusals(errors, 403);
        Assert.Empty(errors);

        using var visitor = AccountForms.Anonymous(server);
        using var post = await AccountForms.PostFormAsync(visitor, "/account/register", AccountForms.NewAccount("nobody", "long enough password"), formPage: "/account/signin");
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        await using var db = server.Database.CreateContext();
        Assert.Equal(1, await db.Users.CountAsync());
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task BeforeTheOwnerExists_RegistrationPointsToTheSetupLink(string engine)
    {
        await using var server = await RunningServer.StartWithoutAccountsAsync(engine, "--RunStrong:Registration=open");
        using var visitor = AccountForms.Anonymous(server);

        using var page = await visitor.GetAsync(new Uri("/account/register", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains("Open the setup link printed on the console", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var post = await AccountForms.PostFormAsync(visitor, "/account/register", AccountForms.NewAccount("first", "long enough password"), formPage: "/account/signin");
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        await using var db = server.Database.CreateContext();
        Assert.False(await db.Users.AnyAsync());
    }
}

/// <summary>Form posts as a browser makes them (antiforgery token from the page, cookies kept, no redirects followed).</summary>
internal static class AccountForms
{
    public static HttpClient Anonymous(RunningServer server) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = server.Address };

    public static Dictionary<string, string> NewAccount(string userName, string password) => new()
    {
        ["UserName"] = userName,
        ["Password"] = password,
        ["ConfirmPassword"] = password,
    };

    /// <summary>Reads the antiforgery token from <paramref name="formPage"/> (default: the page posted to), then posts the form.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, Dictionary<string, string> fields, string? formPage = null)
    {
        using var form = await client.GetAsync(new Uri(formPage ?? path, UriKind.Relative));
        var token = RunningServer.AntiforgeryField(await form.Content.ReadAsStringAsync());
        return await client.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = token,
        }));
    }

    public static async Task FillRegistrationAsync(IPage page, string userName, string password)
    {
        await page.Locator("input[name=UserName]").FillAsync(userName);
        await page.Locator("input[name=Password]").FillAsync(password);
        await page.Locator("input[name=ConfirmPassword]").FillAsync(password);
    }

    /// <summary>Signs in through the sign-in page of <paramref name="server"/> (the page ends wherever the server sends it).</summary>
    public static async Task SignInAsync(IPage page, RunningServer server, string userName, string password)
    {
        await page.GotoAsync(new Uri(server.Address, "/account/signin").ToString());
        await page.Locator("input[name=UserName]").FillAsync(userName);
        await page.Locator("input[name=Password]").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForLoadStateAsync();
    }

    /// <summary>Chromium logs a page answered with <paramref name="status"/> as a console error; a test that expects the refusal clears it.</summary>
    public static void ClearRefusals(List<string> errors, int status) =>
        errors.RemoveAll(e => e.Contains($"the server responded with a status of {status}", StringComparison.Ordinal));

    public static async Task SignOutAsync(IPage page, RunningServer server)
    {
        await page.GotoAsync(new Uri(server.Address, "/account/signout").ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.ArrivesAtAsync("**/account/signin");
    }
}
