using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RunStrong.Data;
using RunStrong.Data.Entities;
using RunStrong.Features.Common;
using RunStrong.Features.Demo;
using RunStrong.TestSupport;
using RunStrong.Web.Accounts;
using RunStrong.Web.Tests.Activities;
using RunStrong.Web.Tests.Infrastructure;
using RunStrong.Web.Tests.Portability;

namespace RunStrong.Web.Tests.Accounts;

/// <summary>/account/delete and DELETE /api/me: an account goes with everything its runner owned, and nothing of anyone else's.</summary>
public class DeleteAccountTests
{
    public static TheoryData<string> Engines => TestDatabases.Engines;

    [Theory, MemberData(nameof(Engines))]
    public async Task DeletingAnAccount_RemovesAllItsData_LeavesOtherRunnersUntouched_AndItCannotSignInAgain(string engine)
    {
        await using var server = await RunningServer.StartAsync(engine);
        var dara = await server.CreateAccountAsync("dara", "hills on saturdays");
        var eli = await server.CreateAccountAsync("eli", "intervals on mondays");
        await FillAsync(server, dara);
        await FillAsync(server, eli);
        await DataApiTests.FillAsync(server);
        await using (var db = server.Database.CreateContext())
        {
            db.CoachShares.Add(new CoachShare { RunnerId = dara.Id, CoachId = eli.Id, CreatedAt = TestClock.Now.UtcDateTime });
            db.CoachShares.Add(new CoachShare { RunnerId = eli.Id, CoachId = dara.Id, CreatedAt = TestClock.Now.UtcDateTime });
            await db.SaveChangesAsync();
        }

        var daraBefore = await CountsAsync(server, dara.Id);
        var eliBefore = await CountsAsync(server, eli.Id);
        var ownerBefore = await CountsAsync(server, Runner.LocalId);
        Assert.True(daraBefore.Plans > 0 && daraBefore.Activities > 0 && daraBefore.Files > 0 && daraBefore.Sets > 0, $"dara's data: {daraBefore}");

        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await browser.OpenAnonymousAsync(390, 844);
        await AccountForms.SignInAsync(page, server, dara.UserName, dara.Password);
        await page.GotoAsync(new Uri(server.Address, "/account/delete").ToString());
        var stored = await page.GetByTestId("delete-stored").InnerTextAsync();
        Assert.Contains(daraBefore.Plans == 1 ? "1 plan\n" : $"{daraBefore.Plans} plans\n", stored, StringComparison.Ordinal);
        Assert.Contains($"{daraBefore.StrengthSessions} strength sessions ({daraBefore.Sets} sets)", stored, StringComparison.Ordinal);
        Assert.Contains($"{daraBefore.SorenessCheckIns} soreness check-ins", stored, StringComparison.Ordinal);
        Assert.Contains($"{daraBefore.Activities} activities with their original files", stored, StringComparison.Ordinal);
        Assert.Contains("1 access token,", stored, StringComparison.Ordinal);
        await Browser.ScreenshotAsync(page, "delete-account-phone");

        // A wrong password deletes nothing.
        await page.GetByTestId("delete-password").FillAsync("not the password");
        await page.GetByTestId("delete-account").ClickAsync();
        Assert.Equal("the password is wrong; the account was not deleted", await page.GetByTestId("delete-error").InnerTextAsync());
        Assert.Equal(daraBefore, await CountsAsync(server, dara.Id));
        AccountForms.ClearRefusals(errors, 400);

        await page.GetByTestId("delete-password").FillAsync(dara.Password);
        await page.GetByTestId("delete-account").ClickAsync();
        var deleted = await page.GetByTestId("account-deleted").InnerTextAsync();
        Assert.StartsWith($"The account dara is gone, with {(daraBefore.Plans == 1 ? "1 plan" : $"{daraBefore.Plans} plans")}, {daraBefore.StrengthSessions} strength sessions", deleted, StringComparison.Ordinal);
        Assert.Equal(0, await page.GetByTestId("nav-account").CountAsync());

        Assert.Equal(new Counts(0, 0, 0, 0, 0, 0, 0, 0), await CountsAsync(server, dara.Id));
        Assert.Equal(eliBefore with { Shares = 0 }, await CountsAsync(server, eli.Id));
        Assert.Equal(ownerBefore, await CountsAsync(server, Runner.LocalId));
        await using (var db = server.Database.CreateContext())
        {
            Assert.False(await db.Users.AnyAsync(u => u.Id == dara.Id));
            Assert.False(await db.Runners.AnyAsync(r => r.Id == dara.Id));
            Assert.True(await db.Users.AnyAsync(u => u.Id == eli.Id));
        }

        // Its token and its password no longer work; the other runner's token still does.
        using (var daraClient = server.ClientWithToken(dara.Token))
        using (var me = await daraClient.GetAsync(new Uri("/api/me", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        }

        using (var eliClient = server.ClientWithToken(eli.Token))
        using (var plans = await eliClient.GetAsync(new Uri("/api/plans", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, plans.StatusCode);
        }

        await AccountForms.SignInAsync(page, server, dara.UserName, dara.Password);
        Assert.Equal("The user name or the password is wrong.", await page.GetByTestId("signin-error").InnerTextAsync());
        AccountForms.ClearRefusals(errors, 400);
        Assert.Empty(errors);
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task TheOwner_WhileOtherAccountsExist_IsRefused_OnThePageAndThroughTheApi(string engine)
    {
        await using var server = await RunningServer.StartAsync(engine);
        await server.CreateAccountAsync("fay", "long run on sunday");
        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await browser.OpenAsync(server, 390, 844);

        await page.GotoAsync(new Uri(server.Address, "/account/delete").ToString());
        Assert.Equal(
            "This is the server's owner account and 1 other account exists: someone must own the server, so the owner's account can be deleted only when it is the last one.",
            await page.GetByTestId("delete-refused").InnerTextAsync());
        Assert.Equal(0, await page.GetByTestId("delete-account").CountAsync());

        using var response = await DeleteMeAsync(server.Client, RunningServer.OwnerPassword);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("someone must own the server", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = server.Database.CreateContext();
        Assert.True(await db.Users.AnyAsync(u => u.Id == Runner.LocalId));
        Assert.Empty(errors);
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task TheOwner_AsTheLastAccount_DeletesThroughTheApi_AndTheServerAsksForSetupAgain(string engine)
    {
        await using var server = await RunningServer.StartAsync(engine);
        await DataApiTests.FillAsync(server);
        var before = await CountsAsync(server, Runner.LocalId);

        using (var wrong = await DeleteMeAsync(server.Client, "not the password"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
            var problem = JsonDocument.Parse(await wrong.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("the password is wrong; the account was not deleted", problem.GetProperty("errors").GetProperty("password")[0].GetString());
        }

        Assert.Equal(before, await CountsAsync(server, Runner.LocalId));

        using (var response = await DeleteMeAsync(server.Client, RunningServer.OwnerPassword))
        {
            var summary = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(RunningServer.OwnerUserName, summary.GetProperty("userName").GetString());
            Assert.Equal(before.Plans, summary.GetProperty("plans").GetInt32());
            Assert.Equal(before.Activities, summary.GetProperty("activities").GetInt32());
        }

        Assert.Equal(new Counts(0, 0, 0, 0, 0, 0, 0, 0), await CountsAsync(server, Runner.LocalId));
        await using (var db = server.Database.CreateContext())
        {
            Assert.False(await db.Users.AnyAsync());
            Assert.Equal("Runner", (await db.Runners.SingleAsync(r => r.Id == Runner.LocalId)).Name);
        }

        // The next start prints a setup link again, and the sign-in page says so.
        await using var restarted = await server.SecondNodeAsync();
        Assert.NotNull(restarted.Services.GetRequiredService<SetupLink>().Secret);
        using var anonymous = AccountForms.Anonymous(restarted);
        Assert.Contains("needs-owner", await anonymous.GetStringAsync(new Uri("/account/signin", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task DeleteMe_WithTheSession_NeedsThePagesAntiforgeryToken_ThenDeletesAndSignsOut(string engine)
    {
        await using var server = await RunningServer.StartAsync(engine);
        var gus = await server.CreateAccountAsync("gus", "parkrun every saturday");
        await FillAsync(server, gus);
        using var session = await server.SignInAsync(gus.UserName, gus.Password);
        using var onThePhone = await server.SignInAsync(gus.UserName, gus.Password);

        using (var forged = await DeleteMeAsync(session.Client, gus.Password))
        {
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
            Assert.Contains("RequestVerificationToken", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.NotEqual(0, (await CountsAsync(server, gus.Id)).Activities);

        using (var request = new HttpRequestMessage(HttpMethod.Delete, new Uri("/api/me", UriKind.Relative)) { Content = JsonContent.Create(new { password = gus.Password }) })
        {
            request.Headers.Add("RequestVerificationToken", session.AntiforgeryToken);
            using var response = await session.Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("gus", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("userName").GetString());
        }

        Assert.Equal(new Counts(0, 0, 0, 0, 0, 0, 0, 0), await CountsAsync(server, gus.Id));
        using var me = await session.Client.GetAsync(new Uri("/api/me", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);

        // Another device's session of the deleted account is sent to sign in, not shown an error.
        using var stale = await onThePhone.Client.GetAsync(new Uri("/account/two-factor", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        Assert.Equal("/account/signin", stale.Headers.Location?.OriginalString);
    }

    internal sealed record Counts(int Plans, int StrengthSessions, int Sets, int SorenessCheckIns, int Activities, int Files, int Tokens, int Shares);

    private static async Task<Counts> CountsAsync(RunningServer server, Guid runnerId)
    {
        await using var db = server.Database.CreateContext();
        return new Counts(
            await db.Plans.IgnoreQueryFilters().CountAsync(p => p.OwnerId == runnerId),
            await db.StrengthSessions.IgnoreQueryFilters().CountAsync(s => s.OwnerId == runnerId),
            await db.LoggedSets.IgnoreQueryFilters().CountAsync(s => s.OwnerId == runnerId),
            await db.SorenessCheckIns.IgnoreQueryFilters().CountAsync(c => c.OwnerId == runnerId),
            await db.Activities.IgnoreQueryFilters().CountAsync(a => a.OwnerId == runnerId),
            await db.ActivityFiles.IgnoreQueryFilters().CountAsync(f => f.OwnerId == runnerId),
            await db.AccessTokens.CountAsync(t => t.UserId == runnerId),
            await db.CoachShares.CountAsync(s => s.RunnerId == runnerId || s.CoachId == runnerId));
    }

    /// <summary>Demo plans, logs and check-ins for the account's runner, and two activity files uploaded with its token.</summary>
    private static async Task FillAsync(RunningServer server, TestAccount account)
    {
        await using (var db = server.Database.CreateContext())
        {
            await DemoData.FillAsync(db, new AccountRunner(account.Id), new DateOnly(2026, 11, 30));
        }

        using var client = server.ClientWithToken(account.Token);
        using var upload = await client.PostAsync(new Uri("/api/activities", UriKind.Relative),
            ActivitiesApiTests.Form(("fit", ActivitiesApiTests.FenixRun), ("tcx", ActivitiesApiTests.TcxRun)));
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
    }

    private static async Task<HttpResponseMessage> DeleteMeAsync(HttpClient client, string password)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, new Uri("/api/me", UriKind.Relative))
        {
            Content = JsonContent.Create(new { password }),
        };
        return await client.SendAsync(request);
    }

    private sealed class AccountRunner(Guid id) : ICurrentRunner
    {
        public Guid RunnerId => id;
    }
}
