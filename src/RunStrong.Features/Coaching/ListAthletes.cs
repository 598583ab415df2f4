using Microsoft.EntityFrameworkCore;
using RunStrong.Data;
using RunStrong.Features.Common;

namespace RunStrong.Features.Coaching;

/// <summary>The coach's side: the runners who share with the signed-in account, by name.</summary>
public static class ListAthletes
{
    /// <param name="Since">When the runner began sharing (UTC).</param>
    public sealed record Item(Guid RunnerId, string Name, string Access, bool CanEditPlans, DateTime Since);

    public static async Task<Item[]> HandleAsync(RunStrongDbContext db, ICurrentRunner coach, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(coach);
        var rows = await db.CoachShares.Where(s => s.CoachId == coach.RunnerId)
            .Join(db.Users, s => s.RunnerId, u => u.Id, (s, u) => new { s.RunnerId, u.UserName, s.CanEditPlans, s.CreatedAt })
            .ToListAsync(cancellationToken);
        return rows.Select(s => new Item(s.RunnerId, s.UserName ?? "", CoachAccess.Of(s.CanEditPlans), s.CanEditPlans,
                DateTime.SpecifyKind(s.CreatedAt, DateTimeKind.Utc)))
            .OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase).ToArray();
    }
}
