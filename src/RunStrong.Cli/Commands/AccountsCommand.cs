using System.CommandLine;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RunStrong.Data;
using RunStrong.Data.Entities;
using RunStrong.Features.Accounts;
using RunStrong.Features.Common;
using Spectre.Console;

namespace RunStrong.Cli.Commands;

/// <summary>
/// <c>runstrong accounts</c>: the server administrator's way in, on the machine that holds the database — list the
/// accounts, reset a forgotten password (which also lifts a lockout), or make a fresh setup link while no account
/// exists. Nothing here works over the network.
/// </summary>
public static class AccountsCommand
{
    public static Command Create()
    {
        var list = new Command("list", "List the accounts: owner, two-factor, lockout, active tokens.") { CliApp.Json };
        list.SetAction((parse, ct) => CliApp.Guard(() => ListAsync(parse, ct)));

        var name = new Argument<string>("USER") { Description = "The account's user name." };
        var reset = new Command("reset-password", "Set a new password for an account (asked twice on a terminal; one line from stdin otherwise) and lift its lockout.") { name };
        reset.SetAction((parse, ct) => CliApp.Guard(() => ResetAsync(parse, parse.GetValue(name)!, ct)));

        var url = new Option<string>("--url")
        {
            Description = "The address people open RunStrong at (behind a proxy: its https address).",
            DefaultValueFactory = _ => "http://127.0.0.1:5080",
        };
        var setup = new Command("setup-link", "Print a one-time link that creates the owner's account, while the server has none.") { url };
        setup.SetAction((parse, ct) => CliApp.Guard(() => SetupLinkAsync(parse, parse.GetValue(url)!, ct)));

        var command = new Command("accounts", "Administer the accounts of the database you point at (list, reset-password, setup-link).")
        {
            list, reset, setup,
        };
        command.SetAction((parse, ct) => CliApp.Guard(() => ListAsync(parse, ct)));
        return command;
    }

    private static async Task<int> ListAsync(ParseResult parse, CancellationToken ct)
    {
        var target = await CliApp.OpenDatabaseAsync(parse, ct);
        await using var db = DataServices.CreateContext(target);
        var now = CliApp.Clock.GetUtcNow().UtcDateTime;
        var users = await db.Users.OrderBy(u => u.CreatedAt).ToListAsync(ct);
        var tokens = await db.AccessTokens.Where(t => t.RevokedAt == null && (t.ExpiresAt == null || t.ExpiresAt > now))
            .GroupBy(t => t.UserId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var rows = users.Select(u => new
        {
            userName = u.UserName,
            owner = u.IsOwner,
            created = u.CreatedAt,
            twoFactor = u.TwoFactorEnabled,
            // ASP.NET Core Identity stamps lockouts with the system clock (it takes no TimeProvider), so they are read on it.
            lockedUntil = u.LockoutEnd is { } end && end > TimeProvider.System.GetUtcNow() ? end : (DateTimeOffset?)null,
            activeTokens = tokens.GetValueOrDefault(u.Id),
        }).ToArray();
        if (parse.GetValue(CliApp.Json))
        {
            Output.WriteJson(rows);
            return CliApp.Ok;
        }

        if (rows.Length == 0)
        {
            AnsiConsole.MarkupLine("No accounts yet. Start the web app for a setup link, or run [bold]runstrong accounts setup-link[/].");
            return CliApp.Ok;
        }

        var table = new Table().AddColumn("User").AddColumn("Owner").AddColumn("Created").AddColumn("2FA").AddColumn("Locked until").AddColumn(new TableColumn("Tokens").RightAligned());
        foreach (var row in rows)
        {
            table.AddRow(
                Markup.Escape(row.userName ?? ""), row.owner ? "yes" : "", row.created.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                row.twoFactor ? "on" : "", row.lockedUntil?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "",
                row.activeTokens.ToString(CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(table);
        return CliApp.Ok;
    }

    private static async Task<int> ResetAsync(ParseResult parse, string userName, CancellationToken ct)
    {
        var target = await CliApp.OpenDatabaseAsync(parse, ct);
        await using var services = Identity(target);
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<RunStrongUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new UserInputException("USER", $"no account named '{userName}'");

        string password;
        if (Console.IsInputRedirected)
        {
            password = (await Console.In.ReadLineAsync(ct))?.TrimEnd('\r') ?? "";
        }
        else
        {
            password = AnsiConsole.Prompt(new TextPrompt<string>($"New password for {Markup.Escape(userName)}:").Secret());
            var again = AnsiConsole.Prompt(new TextPrompt<string>("Again:").Secret());
            if (again != password)
            {
                throw new UserInputException("password", "the two passwords differ; nothing changed");
            }
        }

        foreach (var validator in users.PasswordValidators)
        {
            var check = await validator.ValidateAsync(users, user, password);
            if (!check.Succeeded)
            {
                throw new UserInputException("password", string.Join(" ", check.Errors.Select(e => e.Description)) + " Nothing changed.");
            }
        }

        // Checked above, so adding cannot fail on the rules; both steps renew the security stamp (other sessions end).
        await users.RemovePasswordAsync(user);
        var result = await users.AddPasswordAsync(user, password);
        if (!result.Succeeded)
        {
            throw new UserInputException("password", string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        await users.ResetAccessFailedCountAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        AnsiConsole.MarkupLine($"Password for [bold]{Markup.Escape(userName)}[/] changed; the account is unlocked and its other sessions are signed out.");
        return CliApp.Ok;
    }

    private static async Task<int> SetupLinkAsync(ParseResult parse, string url, CancellationToken ct)
    {
        var target = await CliApp.OpenDatabaseAsync(parse, ct);
        await using var db = DataServices.CreateContext(target);
        if (!await AccountCreation.NeedsOwnerAsync(db, ct))
        {
            throw new UserInputException("setup-link", "this server already has its owner; sign in, or reset a password with 'runstrong accounts reset-password USER'");
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
        {
            throw new UserInputException("--url", $"--url: '{url}' is not an http or https address");
        }

        var secret = await AccountCreation.CreateLinkAsync(db, InvitationKinds.Setup, null, null, CliApp.Clock, ct);
        Console.WriteLine($"{url.TrimEnd('/')}/account/setup?token={secret}");
        return CliApp.Ok;
    }

    /// <summary>Identity's user manager over the chosen database, with the web app's password rules.</summary>
    public static ServiceProvider Identity(DatabaseTarget target)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddRunStrongData(target);
        services.AddIdentityCore<RunStrongUser>(AccountRules.Apply)
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<RunStrongDbContext>();
        return services.BuildServiceProvider();
    }
}
