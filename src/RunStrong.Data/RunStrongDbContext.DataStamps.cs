using Microsoft.EntityFrameworkCore;
using RunStrong.Data.Entities;

namespace RunStrong.Data;

/// <summary>
/// Each runner's <see cref="Runner.DataStamp"/> (docs/decisions/0030-response-memo.md): every save that adds, changes or
/// deletes a row of a runner (or the runner's own settings) raises that runner's stamp in the same transaction; a change
/// to the shared exercise catalogue raises every runner's. A response computed after reading a stamp may then be served
/// again for as long as the stamp reads the same, on any node. Only bulk statements that bypass SaveChanges
/// (ExecuteDelete, ExecuteUpdate) must call <see cref="TouchRunnerAsync"/> themselves, after their change.
/// </summary>
public abstract partial class RunStrongDbContext
{
    /// <summary>Raises the runner's stamp now: for changes made with ExecuteDelete or ExecuteUpdate, after them.</summary>
    public Task TouchRunnerAsync(Guid runnerId, CancellationToken cancellationToken) =>
        Runners.Where(r => r.Id == runnerId).ExecuteUpdateAsync(s => s.SetProperty(r => r.DataStamp, r => r.DataStamp + 1), cancellationToken);

    /// <summary>Whose stamps this save raises: owners of changed rows, changed runners; all runners for a catalogue change.</summary>
    private (HashSet<Guid> Runners, bool Everyone) StampsToRaise()
    {
        var runners = new HashSet<Guid>();
        var everyone = false;
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            switch (entry.Entity)
            {
                // A new mark means a change (made in bulk, when nothing else in this save names it).
                case RollupMark mark when entry.State == EntityState.Added:
                    runners.Add(mark.OwnerId);
                    break;

                // The rollups are derived from the rows and rewritten by reads: no change to the runner's data.
                case WeekRollup or MonthRollup or RollupState or RollupMark:
                    break;
                case IOwnedByRunner owned:
                    runners.Add(owned.OwnerId);
                    if (entry.State == EntityState.Modified && entry.Property(nameof(IOwnedByRunner.OwnerId)).OriginalValue is Guid before)
                    {
                        runners.Add(before);
                    }

                    break;
                case Runner runner when entry.State != EntityState.Deleted:
                    // Only its stamp changed: this is the raise itself, not a change of the runner.
                    if (entry.State == EntityState.Modified && entry.Properties.Where(p => p.IsModified).All(p => p.Metadata.Name == nameof(Runner.DataStamp)))
                    {
                        break;
                    }

                    runners.Add(runner.Id);
                    break;
                case CatalogueEntry:
                    everyone = true;
                    break;
            }
        }

        return (runners, everyone);
    }

    /// <summary>The runners whose stamps a save raises, as one query: a single UPDATE, not one per runner.</summary>
    private IQueryable<Runner> Stamped((HashSet<Guid> Runners, bool Everyone) raise) =>
        raise.Everyone ? Runners : Runners.Where(r => raise.Runners.Contains(r.Id));

    /// <summary>Saves the changes and raises the stamps they touch, both or neither (in the caller's transaction, or in one of ours).</summary>
    private async Task<int> SaveAndStampAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        var raise = StampsToRaise();
        if (raise.Runners.Count == 0 && !raise.Everyone)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        await using var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await Stamped(raise).ExecuteUpdateAsync(s => s.SetProperty(r => r.DataStamp, r => r.DataStamp + 1), cancellationToken);
        if (own is not null)
        {
            await own.CommitAsync(cancellationToken);
        }

        return saved;
    }

    private int SaveAndStamp(bool acceptAllChangesOnSuccess)
    {
        var raise = StampsToRaise();
        if (raise.Runners.Count == 0 && !raise.Everyone)
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }

        using var own = Database.CurrentTransaction is null ? Database.BeginTransaction() : null;
        var saved = base.SaveChanges(acceptAllChangesOnSuccess);
        Stamped(raise).ExecuteUpdate(s => s.SetProperty(r => r.DataStamp, r => r.DataStamp + 1));
        own?.Commit();
        return saved;
    }
}
