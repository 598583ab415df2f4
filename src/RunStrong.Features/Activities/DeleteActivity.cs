using Microsoft.EntityFrameworkCore;
using RunStrong.Data;
using RunStrong.Features.Common;

namespace RunStrong.Features.Activities;

/// <summary>Deletes one of the runner's activities and its stored original file.</summary>
public static class DeleteActivity
{
    public static async Task HandleAsync(RunStrongDbContext db, ICurrentRunner runner, long id, CancellationToken cancellationToken = default)
    {
        var owner = runner.RunnerId;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var dates = await db.Activities.Where(a => a.Id == id && a.OwnerId == owner).Select(a => a.LocalDate).ToListAsync(cancellationToken);
        await db.ActivityFiles.Where(f => f.ActivityId == id && f.OwnerId == owner).ExecuteDeleteAsync(cancellationToken);
        var deleted = await db.Activities.Where(a => a.Id == id && a.OwnerId == owner).ExecuteDeleteAsync(cancellationToken);
        if (deleted == 0)
        {
            throw GetActivity.NotFound(id);
        }

        // A bulk delete passes by SaveChanges, which marks the dashboard's rollups stale on its own.
        db.MarkRollupsStale(owner, dates);
        await db.SaveChangesAsync(cancellationToken);

        await transaction.CommitAsync(cancellationToken);
    }
}
