using Microsoft.EntityFrameworkCore;
using RunStrong.Data;
using RunStrong.Data.Entities;
using RunStrong.Features.Common;

namespace RunStrong.Features.Accounts;

/// <summary>
/// The owner's invitations: one-time links that let one person register while registration is invite-only. The
/// secret is shown once, when the invitation is made; the database keeps its hash (see <see cref="AccountCreation"/>).
/// </summary>
public static class Invitations
{
    public const int MaxNoteLength = 200;

    /// <summary>Where an invitation stands: <c>pending</c> (can be used), <c>used</c> or <c>expired</c>.</summary>
    public sealed record Item(long Id, string? Note, DateTime CreatedAt, DateTime ExpiresAt, string Status, DateTime? UsedAt, string? UsedBy);

    /// <summary>A new invitation's secret, for the link <c>/account/register?invite=SECRET</c>.</summary>
    public static async Task<string> CreateAsync(
        RunStrongDbContext db, Guid ownerId, string? note, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (note?.Trim() is { Length: > MaxNoteLength } longNote)
        {
            throw new UserInputException("note", $"at most {MaxNoteLength} characters (this one has {longNote.Length})");
        }

        return await AccountCreation.CreateLinkAsync(db, InvitationKinds.Invite, ownerId, note, clock, cancellationToken);
    }

    /// <summary>Every invitation, newest first, with the name of the account that used it.</summary>
    public static async Task<IReadOnlyList<Item>> ListAsync(RunStrongDbContext db, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await db.Invitations.Where(i => i.Kind == InvitationKinds.Invite)
            .OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id)
            .ToListAsync(cancellationToken);
        var usedBy = rows.Where(i => i.UsedBy is not null).Select(i => i.UsedBy!.Value).Distinct().ToList();
        var names = await db.Users.Where(u => usedBy.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.UserName ?? "", cancellationToken);
        return rows.Select(i => new Item(
                i.Id, i.Note, i.CreatedAt, i.ExpiresAt,
                i.UsedAt is not null ? "used" : i.ExpiresAt <= now ? "expired" : "pending",
                i.UsedAt,
                i.UsedBy is { } id ? names.GetValueOrDefault(id, "(a deleted account)") : null))
            .ToList();
    }

    /// <summary>Withdraws a pending invitation: its link stops working at once.</summary>
    public static async Task WithdrawAsync(RunStrongDbContext db, long id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var invitation = await db.Invitations.AsTracking()
            .FirstOrDefaultAsync(i => i.Id == id && i.Kind == InvitationKinds.Invite, cancellationToken)
            ?? throw new UserInputException("id", $"there is no invitation {id}", notFound: true);
        if (invitation.UsedAt is not null)
        {
            throw new UserInputException("id", $"invitation {id} was already used; the account it made stays");
        }

        db.Invitations.Remove(invitation);
        await db.SaveChangesAsync(cancellationToken);
    }
}
