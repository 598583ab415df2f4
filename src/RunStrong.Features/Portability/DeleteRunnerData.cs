using Microsoft.EntityFrameworkCore;
using RunStrong.Data;
using RunStrong.Features.Common;

namespace RunStrong.Features.Portability;

/// <summary>
/// Deletes everything the current runner owns: plans, strength sessions and their sets, soreness check-ins,
/// activities and their original files. The runner itself and the shared exercise catalogue stay (deleting an
/// account calls this first, in its own transaction). One transaction: all of it goes, or none of it.
/// </summary>
public static class DeleteRunnerData
{
    /// <summary>How many rows of each kind were deleted.</summary>
    public sealed record Summary(int Plans, int StrengthSessions, int Sets, int SorenessCheckIns, int Activities);

    public static async Task<Summary> HandleAsync(RunStrongDbContext db, ICurrentRunner runner, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(runner);
        var owner = runner.RunnerId;

        // Deleting an account runs this inside its own transaction; otherwise this is the transaction.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var sets = await db.LoggedSets.Where(s => s.OwnerId == owner).ExecuteDeleteAsync(cancellationToken);
        var sessions = await db.StrengthSessions.Where(s => s.OwnerId == owner).ExecuteDeleteAsync(cancellationToken);
        var checkIns = await db.SorenessCheckIns.Where(c => c.OwnerId == owner).ExecuteDeleteAsync(cancellationToken);
        await db.SessionLogs.Where(l => l.OwnerId == owner).ExecuteDeleteAsync(cancellationToken);
        await db.GarminExerciseMappings.Where(m => m.OwnerId == owner).ExecuteDeleteAsync(cancellationToken);
        await db.ActivityFiles.Where(f => f.OwnerId == owner).ExecuteDeleteAsync(cancellationToken);
        var activities = await db.Activities.Where(a => a.OwnerId == owner).ExecuteDeleteAsync(cancellationToken);
        var plans = await db.Plans.Where(p => p.OwnerId == owner).ExecuteDeleteAsync(cancellationToken);
        await db.ForgetRollupsAsync(owner, cancellationToken);

        // Background imports go too (their files and results with them); a run still going finds its job gone and stops.
        await db.ImportJobs.Where(j => j.OwnerId == owner).ExecuteDeleteAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return new Summary(plans, sessions, sets, checkIns, activities);
    }
}
