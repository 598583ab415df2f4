using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RunStrong.Data;
using RunStrong.Data.Entities;
using RunStrong.Features.Common;
using RunStrong.Features.Portability;

namespace RunStrong.Features.Accounts;

/// <summary>
/// Deletes an account and everything its runner owns, after the account's password: plans, strength sessions and
/// sets, soreness check-ins, activities and their files (<see cref="DeleteRunnerData"/>), its access tokens, the shares
/// it gave or was given, the invitations it left pending, its runner and the account itself. One transaction: all of it
/// goes, or none of it. The owner's runner (<see cref="Runner.LocalId"/>) stays, emptied, for the next owner; the owner
/// cannot go while other accounts exist, because someone must own the server.
/// </summary>
public static class DeleteAccount
{
    /// <summary>What deleting the account removes (and, after it, what it removed).</summary>
    public sealed record Summary(string UserName, int Plans, int StrengthSessions, int Sets, int SorenessCheckIns, int Activities, int AccessTokens);

    /// <summary>What deleting <paramref name="user"/>'s account would remove.</summary>
    public static async Task<Summary> PreviewAsync(RunStrongDbContext db, RunStrongUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        var id = user.Id;
        return new Summary(
            user.UserName ?? "",
            await db.Plans.IgnoreQueryFilters().CountAsync(p => p.OwnerId == id, cancellationToken),
            await db.StrengthSessions.IgnoreQueryFilters().CountAsync(s => s.OwnerId == id, cancellationToken),
            await db.LoggedSets.IgnoreQueryFilters().CountAsync(s => s.OwnerId == id, cancellationToken),
            await db.SorenessCheckIns.IgnoreQueryFilters().CountAsync(c => c.OwnerId == id, cancellationToken),
            await db.Activities.IgnoreQueryFilters().CountAsync(a => a.OwnerId == id, cancellationToken),
            await db.AccessTokens.CountAsync(t => t.UserId == id, cancellationToken));
    }

    /// <summary>Why this account may not be deleted now (the owner while others exist), or null.</summary>
    public static async Task<string?> RefusalAsync(RunStrongDbContext db, RunStrongUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsOwner)
        {
            return null;
        }

        var others = await db.Users.CountAsync(u => u.Id != user.Id, cancellationToken);
        return others == 0
            ? null
            : $"This is the server's owner account and {others} other account{(others == 1 ? "" : "s")} exist{(others == 1 ? "s" : "")}: " +
              "someone must own the server, so the owner's account can be deleted only when it is the last one.";
    }

    /// <summary>
    /// Deletes the account after checking <paramref name="password"/>. A wrong password counts toward the lockout like
    /// a failed sign-in. Returns what was removed.
    /// </summary>
    public static async Task<Summary> HandleAsync(
        UserManager<RunStrongUser> users, RunStrongDbContext db, Guid userId, string? password, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(db);
        var user = await users.FindByIdAsync(userId.ToString())
            ?? throw new UserInputException("account", "this account no longer exists", notFound: true);
        if (await RefusalAsync(db, user, cancellationToken) is { } refusal)
        {
            throw new UserInputException("account", refusal);
        }

        if (await users.IsLockedOutAsync(user))
        {
            throw new UserInputException("password", "this account is locked after too many wrong passwords; try again in a few minutes");
        }

        if (string.IsNullOrEmpty(password) || !await users.CheckPasswordAsync(user, password))
        {
            await users.AccessFailedAsync(user);
            throw new UserInputException("password", "the password is wrong; the account was not deleted");
        }

        var id = user.Id;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var data = await DeleteRunnerData.HandleAsync(db, new AccountRunner(id), cancellationToken);
        var tokens = await db.AccessTokens.Where(t => t.UserId == id).ExecuteDeleteAsync(cancellationToken);
        await db.CoachShares.Where(s => s.RunnerId == id || s.CoachId == id).ExecuteDeleteAsync(cancellationToken);
        await db.Invitations.Where(i => i.CreatedBy == id && i.UsedAt == null).ExecuteDeleteAsync(cancellationToken);
        if (id == Runner.LocalId)
        {
            // The single-user runner stays for the next owner (the CLI and the setup link expect it), with nothing of this one.
            await db.Runners.Where(r => r.Id == id).ExecuteUpdateAsync(
                s => s.SetProperty(r => r.Name, "Runner").SetProperty(r => r.RestingHeartRate, (int?)null)
                    .SetProperty(r => r.MaxHeartRate, (int?)null).SetProperty(r => r.TrimpWeighting, (string?)null)
                    .SetProperty(r => r.DataStamp, r => r.DataStamp + 1),
                cancellationToken);
        }
        else
        {
            await db.Runners.Where(r => r.Id == id).ExecuteDeleteAsync(cancellationToken);
        }

        var deleted = await users.DeleteAsync(user);
        if (!deleted.Succeeded)
        {
            throw new InvalidOperationException("Deleting the account failed: " + string.Join("; ", deleted.Errors.Select(AccountCreation.Describe)));
        }

        await transaction.CommitAsync(cancellationToken);
        return new Summary(user.UserName ?? "", data.Plans, data.StrengthSessions, data.Sets, data.SorenessCheckIns, data.Activities, tokens);
    }

    private sealed class AccountRunner(Guid id) : ICurrentRunner
    {
        public Guid RunnerId => id;
    }
}
