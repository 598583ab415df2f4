using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using RunStrong.Data.Entities;
using RunStrong.TestSupport;
using RunStrong.Web.Tests.Infrastructure;

namespace RunStrong.Web.Tests.Accounts;

/// <summary>/account/invites: the owner makes, lists and withdraws invitation links; nobody else reaches it.</summary>
public partial class InvitationTests
{
    public static TheoryData<string> Engines => TestDatabases.Engines;

    [Theory, MemberData(nameof(Engines))]
    public async Task Owner_MakesALink_SomeoneRegistersWithIt_TheListSaysWho_AndAWithdrawnLinkStopsWorking(string engine)
    {
        await using var server = await RunningServer.StartAsync(engine);
        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await browser.OpenAsync(server, 390, 844);

        await page.GotoAsync(new Uri(server.Address, "/account/invites").ToString());
        Assert.Equal("None yet.", await page.GetByTestId("invites-none").InnerTextAsync());
        await page.GetByTestId("invite-note").FillAsync("Ana from the club");
        await page.GetByTestId("invite-create").ClickAsync();
        var link = new Uri(await page.GetByTestId("invite-link").InnerTextAsync());
        Assert.Equal(server.Address.GetLeftPart(UriPartial.Authority), link.GetLeftPart(UriPartial.Authority));
        Assert.Equal("/account/register", link.AbsolutePath);
        Assert.Contains("Pending, works until", await page.GetByTestId("invite").InnerTextAsync(), StringComparison.Ordinal);
        await Browser.ScreenshotAsync(page, "invites-new-link-phone");

        // The link is shown once: reloading the list shows the invitation, not its link.
        await page.GotoAsync(new Uri(server.Address, "/account/invites").ToString());
        Assert.Equal(0, await page.GetByTestId("invite-link").CountAsync());

        // Ana registers with it in her own browser.
        var (anaPage, anaErrors) = await browser.OpenAnonymousAsync(390, 844);
        await anaPage.GotoAsync(link.ToString());
        await AccountForms.FillRegistrationAsync(anaPage, "ana", "strides after easy runs");
        await anaPage.GetByTestId("register-submit").ClickAsync();
        await anaPage.ArrivesAtAsync(new Uri(server.Address, "/").ToString());
        Assert.Equal("ana", (await anaPage.GetByTestId("nav-account").InnerTextAsync()).Trim());

        await page.ReloadAsync();
        var used = page.GetByTestId("invite");
        Assert.Equal("used", await used.GetAttributeAsync("data-status"));
        Assert.Contains("Ana from the club", await used.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Used by ana", await used.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.GetByTestId("invite-withdraw").CountAsync());

        // A second invitation, withdrawn before anyone uses it: its link no longer registers anyone.
        await page.GetByTestId("invite-note").FillAsync("changed my mind");
        await page.GetByTestId("invite-create").ClickAsync();
        var withdrawn = new Uri(await page.GetByTestId("invite-link").InnerTextAsync());
        await page.GetByTestId("invite-withdraw").ClickAsync();
        Assert.Equal("Invitation withdrawn: its link no longer works.", await page.GetByTestId("invites-flash").InnerTextAsync());
        Assert.Equal(1, await page.GetByTestId("invite").CountAsync());

        var (lateComer, lateErrors) = await browser.OpenAnonymousAsync(390, 844);
        var refused = await lateComer.GotoAsync(withdrawn.ToString());
        Assert.Equal(403, refused!.Status);
        Assert.Contains("used, withdrawn, expired or wrong", await lateComer.GetByTestId("register-refused").InnerTextAsync(), StringComparison.Ordinal);
        AccountForms.ClearRefusals(lateErrors, 403);

        Assert.Empty(errors);
        Assert.Empty(anaErrors);
        Assert.Empty(lateErrors);
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task AnAccountThatIsNotTheOwner_CannotSeeOrMakeInvitations(string engine)
    {
        await using var server = await RunningServer.StartAsync(engine);
        var runner = await server.CreateAccountAsync("kofi", "fartlek on thursdays");
        using var session = await server.SignInAsync(runner.UserName, runner.Password);

        using var page = await session.Client.GetAsync(new Uri("/account/invites", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains("Only the server's owner invites people.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("invite-form", html, StringComparison.Ordinal);

        using var post = await AccountForms.PostFormAsync(session.Client, "/account/invites?handler=Create", new() { ["Note"] = "my friend" }, formPage: "/account/signout");
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        await using var db = server.Database.CreateContext();
        Assert.False(await db.Invitations.AnyAsync(i => i.Kind == InvitationKinds.Invite));
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task WhileRegistrationIsClosed_InvitationsAreRefused_AndThePageSaysWhy(string engine)
    {
        await using var server = await RunningServer.StartWithAsync(engine, "--RunStrong:Registration=closed");
        using var owner = await server.SignInAsync();

        var html = WebUtility.HtmlDecode(await owner.Client.GetStringAsync(new Uri("/account/invites", UriKind.Relative)));
        Assert.Contains("Registration is closed on this server (RunStrong:Registration = closed), so an invitation would not let anyone in.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("invite-form", html, StringComparison.Ordinal);

        using var post = await AccountForms.PostFormAsync(owner.Client, "/account/invites?handler=Create", new() { ["Note"] = "anyway" }, formPage: "/account/signout");
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Contains("invites-error", await post.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = server.Database.CreateContext();
        Assert.False(await db.Invitations.AnyAsync(i => i.Kind == InvitationKinds.Invite));
    }

    /// <summary>Makes an invitation on the owner's invitations page and returns its link as the page shows it.</summary>
    internal static async Task<Uri> MakeInvitationAsync(SessionClient owner, string note)
    {
        using var response = await AccountForms.PostFormAsync(owner.Client, "/account/invites?handler=Create", new() { ["Note"] = note }, formPage: "/account/invites");
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"making an invitation gave {(int)response.StatusCode}: {html}");
        var match = InviteLink().Match(html);
        Assert.True(match.Success, "the page shows no invitation link");
        return new Uri(WebUtility.HtmlDecode(match.Groups[1].Value));
    }

    [GeneratedRegex("<code data-testid=\"invite-link\">([^<]+)</code>")]
    private static partial Regex InviteLink();
}
