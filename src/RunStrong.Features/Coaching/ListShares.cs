using Microsoft.EntityFrameworkCore;
using RunStrong.Data;
using RunStrong.Features.Common;

namespace RunStrong.Features.Coaching;

/// <summary>The coaches a runner shares with, oldest share first.</summary>
public static class ListShares
{
    /// <param name="Since">When the runner first shared with this coach (UTC).</param>
    public sealed record Item(long Id, Guid CoachId, string Coach, string Access, bool CanEditPlans, DateTime Since);

    public static async Task<Item[]> HandleAsync(RunStrongDbContext db, ICurrentRunner runner, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(runner);
        var rows = await db.CoachShares.Where(s => s.RunnerId == runner.RunnerId)
            .Join(db.Users, s => s.CoachId, u => u.Id, (s, u) => new { s.Id, s.CoachId, u.UserName, s.CanEditPlans, s.CreatedAt })
            .OrderBy(s => s.CreatedAt).ThenBy(s => s.Id)
            .ToListAsync(cancellationToken);
        return rows.Select(s => new Item(s.Id, s.CoachId, s.UserName ?? "", CoachAccess.Of(s.CanEditPlans), s.CanEditPlans,
            DateTime.SpecifyKind(s.CreatedAt, DateTimeKind.Utc))).ToArray();
    }
}
