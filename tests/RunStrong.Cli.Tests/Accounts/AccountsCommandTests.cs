using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RunStrong.Cli.Commands;
using RunStrong.Cli.Tests.Infrastructure;
using RunStrong.Data;
using RunStrong.Data.Entities;
using RunStrong.Features.Accounts;
using RunStrong.TestSupport;

namespace RunStrong.Cli.Tests.Accounts;

/// <summary><c>runstrong accounts</c>: the administrator's view of the accounts in a database, and a fresh setup link.</summary>
public class AccountsCommandTests
{
    [Fact]
    public async Task SetupLink_OnlyWhileThereIsNoAccount_ThenListShowsTheOwner()
    {
        await using var database = await TestDatabases.CreateAsync("sqlite");

        var empty = await CliProcess.RunAsync("accounts", "--db", database.DbArgument);
        var link = await CliProcess.RunAsync("accounts", "setup-link", "--url", "https://runstrong.example.org/", "--db", database.DbArgument);
        var badUrl = await CliProcess.RunAsync("accounts", "setup-link", "--url", "runstrong.example.org", "--db", database.DbArgument);

        Assert.Equal(0, empty.ExitCode);
        Assert.Contains("No accounts yet", empty.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, link.ExitCode);
        Assert.StartsWith("https://runstrong.example.org/account/setup?token=", link.Stdout, StringComparison.Ordinal);
        var secret = link.Stdout.Trim()[(link.Stdout.IndexOf("token=", StringComparison.Ordinal) + 6)..];
        await using (var db = database.CreateContext())
        {
            Assert.NotNull(await AccountCreation.FindLinkAsync(db, InvitationKinds.Setup, secret, TestClock.Create()));
            Assert.DoesNotContain(await db.Invitations.Select(i => i.TokenHash).ToListAsync(), h => h == secret);
        }

        Assert.Equal(1, badUrl.ExitCode);
        Assert.Contains("--url: 'runstrong.example.org' is not an http or https address", badUrl.Stderr, StringComparison.Ordinal);

        await CreateAsync(database, "ana", owner: true);
        await CreateAsync(database, "ben", owner: false);
        var again = await CliProcess.RunAsync("accounts", "setup-link", "--db", database.DbArgument);
        var list = await CliProcess.RunAsync("accounts", "list", "--json", "--db", database.DbArgument);

        Assert.Equal(1, again.ExitCode);
        Assert.Contains("already has its owner", again.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, list.ExitCode);
        Assert.Equal(["ana", "ben"], list.Json.EnumerateArray().Select(a => a.GetProperty("userName").GetString()));
        Assert.Equal([true, false], list.Json.EnumerateArray().Select(a => a.GetProperty("owner").GetBoolean()));
    }

    internal static async Task CreateAsync(TestDatabase database, string userName, bool owner)
    {
        await using var services = AccountsCommand.Identity(database.Target);
        await using var scope = services.CreateAsyncScope();
        var (user, errors) = await AccountCreation.CreateAsync(
            scope.ServiceProvider.GetRequiredService<UserManager<RunStrongUser>>(), scope.ServiceProvider.GetRequiredService<RunStrongDbContext>(),
            new AccountCreation.NewAccount(userName, null, userName + "'s long password", userName + "'s long password"), owner, null, TestClock.Create());
        Assert.True(user is not null, string.Join("; ", errors));
    }
}
