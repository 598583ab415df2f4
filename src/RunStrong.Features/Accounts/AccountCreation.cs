using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RunStrong.Data;
using RunStrong.Data.Entities;
using RunStrong.Features.Common;

namespace RunStrong.Features.Accounts;

/// <summary>
/// Makes accounts and the one-time links that let a person make one: the setup link (the owner, on a server with no
/// account yet) and invitations. Each account is also a runner: the owner takes <see cref="Runner.LocalId"/>, so the
/// data a single-user install already holds becomes the owner's; everyone else gets a runner of their own.
/// </summary>
public static class AccountCreation
{
    public static readonly TimeSpan SetupLinkLifetime = TimeSpan.FromDays(7);

    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(7);

    public sealed record NewAccount(string? UserName, string? Email, string? Password, string? ConfirmPassword);

    /// <summary>True while the server has no account: the setup link is the only way in.</summary>
    public static async Task<bool> NeedsOwnerAsync(RunStrongDbContext db, CancellationToken cancellationToken = default) =>
        !await db.Users.AnyAsync(cancellationToken);

    /// <summary>A new one-time link secret of <paramref name="kind"/>; only its hash is stored.</summary>
    public static async Task<string> CreateLinkAsync(
        RunStrongDbContext db, string kind, Guid? createdBy, string? note, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        var secret = AccessTokens.Base64Url(RandomNumberGenerator.GetBytes(24));
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Invitations.Where(i => i.ExpiresAt < now && i.UsedAt == null).ExecuteDeleteAsync(cancellationToken);
        db.Invitations.Add(new Invitation
        {
            Kind = kind,
            TokenHash = AccessTokens.Hash(secret),
            CreatedBy = createdBy,
            Note = note is { Length: > 0 } ? note.Trim()[..Math.Min(note.Trim().Length, 200)] : null,
            CreatedAt = now,
            ExpiresAt = now + (kind == InvitationKinds.Setup ? SetupLinkLifetime : InvitationLifetime),
        });
        await db.SaveChangesAsync(cancellationToken);
        return secret;
    }

    /// <summary>The unused, unexpired link of <paramref name="kind"/> behind <paramref name="secret"/>, or null.</summary>
    public static async Task<Invitation?> FindLinkAsync(
        RunStrongDbContext db, string kind, string? secret, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length > 100)
        {
            return null;
        }

        var hash = AccessTokens.Hash(secret);
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Invitations.AsTracking()
            .FirstOrDefaultAsync(i => i.TokenHash == hash && i.Kind == kind && i.UsedAt == null && i.ExpiresAt > now, cancellationToken);
    }

    /// <summary>
    /// Creates an account and its runner in one transaction. Returns the account, or the reasons it could not be made,
    /// each naming the field (<c>userName: …</c>, <c>password: …</c>).
    /// </summary>
    public static async Task<(RunStrongUser? User, IReadOnlyList<string> Errors)> CreateAsync(
        UserManager<RunStrongUser> users, RunStrongDbContext db, NewAccount account, bool owner, Invitation? usedLink, TimeProvider clock,
        CancellationToken cancellationToken = default)
    {
        var userName = account.UserName?.Trim() ?? "";
        var email = string.IsNullOrWhiteSpace(account.Email) ? null : account.Email.Trim();
        var errors = new List<string>();
        if (userName.Length is < 2 or > 50)
        {
            errors.Add("userName: 2 to 50 characters (letters, digits and - . _ @ +)");
        }

        if (account.Password != account.ConfirmPassword)
        {
            errors.Add("confirmPassword: the two passwords differ");
        }

        if (email is not null && (email.Length > 200 || !email.Contains('@', StringComparison.Ordinal)))
        {
            errors.Add($"email: '{email}' is not an email address");
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var user = new RunStrongUser
        {
            Id = owner ? Runner.LocalId : Guid.NewGuid(),
            UserName = userName,
            Email = email,
            CreatedAt = now,
            IsOwner = owner,
        };

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (owner && await db.Users.AnyAsync(cancellationToken))
        {
            return (null, ["setup: this server already has its owner; sign in instead"]);
        }

        var result = await users.CreateAsync(user, account.Password ?? "");
        if (!result.Succeeded)
        {
            return (null, result.Errors.Select(Describe).ToArray());
        }

        if (await db.Runners.AsTracking().FirstOrDefaultAsync(r => r.Id == user.Id, cancellationToken) is { } existing)
        {
            existing.Name = userName; // the owner takes over the single-user install's runner
        }
        else
        {
            db.Runners.Add(new Runner { Id = user.Id, Name = userName, CreatedAt = now });
        }

        if (usedLink is not null)
        {
            // Spent only if nobody spent it since it was read: two people sending one link's form at once make one
            // account (the second transaction finds the row used and rolls its account back).
            var spent = await db.Invitations.Where(i => i.Id == usedLink.Id && i.UsedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.UsedAt, now).SetProperty(i => i.UsedBy, user.Id), cancellationToken);
            if (spent == 0)
            {
                return (null, ["link: this link was used a moment ago; ask for a new one"]);
            }

            usedLink.UsedAt = now;
            usedLink.UsedBy = user.Id;
        }

        if (owner)
        {
            // The setup links printed by every node that started before the owner existed are spent with this one.
            await db.Invitations.Where(i => i.Kind == InvitationKinds.Setup && i.UsedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.UsedAt, now), cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (user, []);
    }

    /// <summary>Identity's error as "field: what is wrong".</summary>
    public static string Describe(IdentityError error)
    {
        var field = error.Code switch
        {
            var c when c.StartsWith("Password", StringComparison.Ordinal) => "password",
            var c when c.Contains("Email", StringComparison.Ordinal) => "email",
            var c when c.Contains("UserName", StringComparison.Ordinal) => "userName",
            _ => "account",
        };
        return $"{field}: {error.Description}";
    }
}
