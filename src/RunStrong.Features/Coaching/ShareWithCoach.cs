using Microsoft.EntityFrameworkCore;
using RunStrong.Data;
using RunStrong.Data.Entities;
using RunStrong.Features.Common;

namespace RunStrong.Features.Coaching;

/// <summary>
/// A runner shares their plans and log with a coach's account, found by user name. Sharing again with the same coach
/// changes the access level and keeps the date the share began.
/// </summary>
public static class ShareWithCoach
{
    /// <param name="Coach">The coach's user name (as they sign in with).</param>
    /// <param name="Access"><see cref="CoachAccess.Read"/> (default) or <see cref="CoachAccess.EditPlans"/>.</param>
    public sealed record Request(string? Coach, string? Access);

    /// <summary>The share as it now stands; <see cref="Created"/> is false when an existing share was changed.</summary>
    public sealed record Response(ListShares.Item Share, bool Created);

    public static async Task<Response> HandleAsync(
        RunStrongDbContext db, ICurrentRunner runner, TimeProvider clock, Request request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(request);
        var name = request.Coach?.Trim() ?? "";
        if (name.Length == 0)
        {
            throw new UserInputException("coach", "coach: give the user name of your coach's account");
        }

        var access = string.IsNullOrWhiteSpace(request.Access) ? CoachAccess.Read : request.Access.Trim().ToLowerInvariant();
        if (access is not (CoachAccess.Read or CoachAccess.EditPlans))
        {
            throw new UserInputException("access", $"access: '{request.Access}' is not an access level; use {CoachAccess.Read} or {CoachAccess.EditPlans}");
        }

        // Identity stores user names upper-cased for look-ups (UpperInvariantLookupNormalizer).
        var normalized = name.ToUpperInvariant();
        var coach = await db.Users.Where(u => u.NormalizedUserName == normalized).Select(u => new { u.Id, u.UserName })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new UserInputException("coach", $"coach: no account named '{name}'");
        if (coach.Id == runner.RunnerId)
        {
            throw new UserInputException("coach", "coach: that is your own account; share with someone else's");
        }

        var canEdit = access == CoachAccess.EditPlans;
        var share = await db.CoachShares.AsTracking().FirstOrDefaultAsync(s => s.RunnerId == runner.RunnerId && s.CoachId == coach.Id, cancellationToken);
        var created = share is null;
        if (share is null)
        {
            // To the microsecond, as PostgreSQL keeps it, so the date answered now is the date listed later.
            var now = clock.GetUtcNow().UtcDateTime;
            share = new CoachShare { RunnerId = runner.RunnerId, CoachId = coach.Id, CreatedAt = now.AddTicks(-(now.Ticks % 10)) };
            db.CoachShares.Add(share);
        }

        share.CanEditPlans = canEdit;
        await db.SaveChangesAsync(cancellationToken);
        return new Response(new ListShares.Item(share.Id, coach.Id, coach.UserName ?? name, CoachAccess.Of(canEdit), canEdit,
            DateTime.SpecifyKind(share.CreatedAt, DateTimeKind.Utc)), created);
    }
}
