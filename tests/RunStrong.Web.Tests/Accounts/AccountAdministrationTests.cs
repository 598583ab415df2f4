using System.Net;
using RunStrong.TestSupport;
using RunStrong.Web.Tests.Infrastructure;

namespace RunStrong.Web.Tests.Accounts;

/// <summary>The way back for a locked-out owner with no email: <c>runstrong accounts reset-password</c> on the server's database.</summary>
public class AccountAdministrationTests
{
    public static TheoryData<string> Engines => TestDatabases.Engines;

    [Theory, MemberData(nameof(Engines))]
    public async Task LockedOutOwner_ResetPasswordFromTheCli_SignsInWithTheNewOne(string engine)
    {
        await using var server = await RunningServer.StartAsync(engine);
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = server.Address };
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await RunningServer.PostSignInFormAsync(client, RunningServer.OwnerUserName, "forgot it " + attempt);
        }

        using var cli = new RemoteCli();
        var tooShort = await cli.RunWithStdinAsync("short", "accounts", "reset-password", RunningServer.OwnerUserName, "--db", server.Database.DbArgument);
        var unknown = await cli.RunWithStdinAsync("a new long password", "accounts", "reset-password", "nobody", "--db", server.Database.DbArgument);
        var reset = await cli.RunWithStdinAsync("hills every tuesday", "accounts", "reset-password", RunningServer.OwnerUserName, "--db", server.Database.DbArgument);

        Assert.Equal(1, tooShort.ExitCode);
        Assert.Contains("Passwords must be at least 10 characters. Nothing changed.", tooShort.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("no account named 'nobody'", unknown.Stderr, StringComparison.Ordinal);
        Assert.True(reset.ExitCode == 0, reset.Stderr);
        Assert.Contains("the account is unlocked", reset.Stdout, StringComparison.Ordinal);
        using var old = await RunningServer.PostSignInFormAsync(client, RunningServer.OwnerUserName, RunningServer.OwnerPassword);
        Assert.Equal(HttpStatusCode.BadRequest, old.StatusCode);
        using var signedIn = await RunningServer.PostSignInFormAsync(client, RunningServer.OwnerUserName, "hills every tuesday");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }
}
