using RunStrong.Data;
using RunStrong.Features.Common;

namespace RunStrong.Features.Plans;

/// <summary>Deletes a plan. Logged strength sessions stay, unlinked from it (the database sets their PlanId to null).</summary>
public static class DeletePlan
{
    public static async Task HandleAsync(RunStrongDbContext db, ICurrentRunner runner, long id, CancellationToken cancellationToken = default)
    {
        var record = await GetPlan.FindAsync(db, runner, id, cancellationToken, tracking: true);
        db.Plans.Remove(record);
        await db.SaveChangesAsync(cancellationToken);
    }
}
