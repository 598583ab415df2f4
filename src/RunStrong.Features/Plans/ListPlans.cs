using Microsoft.EntityFrameworkCore;
using RunStrong.Data;
using RunStrong.Features.Common;

namespace RunStrong.Features.Plans;

/// <summary>The runner's stored plans, newest first.</summary>
public static class ListPlans
{
    public sealed record Item(long Id, string Name, DateOnly StartDate, int? Weeks, DateTime CreatedAt, DateTime UpdatedAt);

    public static async Task<IReadOnlyList<Item>> HandleAsync(RunStrongDbContext db, ICurrentRunner runner, CancellationToken cancellationToken = default)
    {
        var rows = await db.Plans.Where(p => p.OwnerId == runner.RunnerId)
            .OrderByDescending(p => p.Id)
            .Select(p => new { p.Id, p.Name, p.StartDate, p.Weeks, p.CreatedAt, p.UpdatedAt })
            .ToListAsync(cancellationToken);
        return rows.Select(p => new Item(p.Id, p.Name, p.StartDate, p.Weeks,
            DateTime.SpecifyKind(p.CreatedAt, DateTimeKind.Utc), DateTime.SpecifyKind(p.UpdatedAt, DateTimeKind.Utc))).ToArray();
    }
}
