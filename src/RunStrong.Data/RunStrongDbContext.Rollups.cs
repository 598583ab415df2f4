using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using RunStrong.Data.Entities;

namespace RunStrong.Data;

/// <summary>
/// Keeps the dashboard's rollups honest (docs/decisions/0028-rollups.md): every save that adds, changes or deletes an
/// activity, a strength session, a logged set or a soreness check-in also writes a <see cref="RollupMark"/> for each
/// (runner, week) it touches, in the same transaction, so the next read recomputes those weeks. Write paths need not
/// know about rollups; only bulk statements that bypass SaveChanges (ExecuteDelete, ExecuteUpdate) must call
/// <see cref="MarkRollupsStale"/> or <see cref="ForgetRollupsAsync"/> themselves.
/// </summary>
public abstract partial class RunStrongDbContext
{
    public DbSet<WeekRollup> WeekRollups => Set<WeekRollup>();

    public DbSet<MonthRollup> MonthRollups => Set<MonthRollup>();

    public DbSet<RollupMark> RollupMarks => Set<RollupMark>();

    public DbSet<RollupState> RollupStates => Set<RollupState>();

    /// <summary>The Monday of a date's week (as RunStrong.Domain.Load.Weeks.StartOf).</summary>
    public static DateOnly WeekOf(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    /// <summary>Marks the weeks of <paramref name="dates"/> stale for <paramref name="owner"/>; written by the next SaveChanges.</summary>
    public void MarkRollupsStale(Guid owner, params IEnumerable<DateOnly> dates)
    {
        foreach (var week in dates.Select(WeekOf).Distinct())
        {
            RollupMarks.Add(new RollupMark { OwnerId = owner, WeekStart = week });
        }
    }

    /// <summary>
    /// Deletes the runner's rollups (after bulk deletes of their log): the next read builds them all again; raises the
    /// runner's data stamp too.
    /// </summary>
    public async Task ForgetRollupsAsync(Guid owner, CancellationToken cancellationToken)
    {
        await RollupStates.Where(s => s.OwnerId == owner).ExecuteDeleteAsync(cancellationToken);
        await RollupMarks.Where(s => s.OwnerId == owner).ExecuteDeleteAsync(cancellationToken);
        await WeekRollups.Where(s => s.OwnerId == owner).ExecuteDeleteAsync(cancellationToken);
        await MonthRollups.Where(s => s.OwnerId == owner).ExecuteDeleteAsync(cancellationToken);
        await TouchRunnerAsync(owner, cancellationToken);
    }

    private void MarkChangedWeeks()
    {
        var weeks = new HashSet<(Guid Owner, DateOnly Week)>();
        var sessionIds = new List<long>();
        Dictionary<long, EntityEntry<StrengthSessionRecord>>? trackedSessions = null;
        ChangeTracker.DetectChanges();
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            switch (entry.Entity)
            {
                case StoredActivity:
                    AddDates(entry, nameof(StoredActivity.OwnerId), nameof(StoredActivity.LocalDate));
                    break;
                case StrengthSessionRecord:
                    AddDates(entry, nameof(StrengthSessionRecord.OwnerId), nameof(StrengthSessionRecord.Date));
                    break;
                case SorenessRecord:
                    AddDates(entry, nameof(SorenessRecord.OwnerId), nameof(SorenessRecord.Date));
                    break;
                case LoggedSetRecord set:
                    // The tracked sessions by id, read once: an import adds thousands of sets with their sessions, and
                    // looking each set's session up among all of them made a ten-year import quadratic (tens of seconds).
                    trackedSessions ??= ChangeTracker.Entries<StrengthSessionRecord>()
                        .GroupBy(s => s.Property(x => x.Id).CurrentValue)
                        .ToDictionary(g => g.Key, g => g.First());
                    if (trackedSessions.TryGetValue(set.SessionId, out var session))
                    {
                        AddDates(session, nameof(StrengthSessionRecord.OwnerId), nameof(StrengthSessionRecord.Date));
                    }
                    else
                    {
                        sessionIds.Add(entry.State == EntityState.Modified ? (long)entry.Property(nameof(LoggedSetRecord.SessionId)).OriginalValue! : set.SessionId);
                        sessionIds.Add(set.SessionId);
                    }

                    break;
            }
        }

        if (sessionIds.Count > 0)
        {
            var ids = sessionIds.Distinct().ToArray();
            foreach (var s in StrengthSessions.IgnoreQueryFilters().AsNoTracking().Where(s => ids.Contains(s.Id)).Select(s => new { s.OwnerId, s.Date }).ToList())
            {
                weeks.Add((s.OwnerId, WeekOf(s.Date)));
            }
        }

        var already = ChangeTracker.Entries<RollupMark>().Where(e => e.State == EntityState.Added)
            .Select(e => (e.Entity.OwnerId, e.Entity.WeekStart)).ToHashSet();
        foreach (var (owner, week) in weeks.Where(w => !already.Contains(w)))
        {
            RollupMarks.Add(new RollupMark { OwnerId = owner, WeekStart = week });
        }

        void AddDates(EntityEntry entry, string ownerName, string dateName)
        {
            var owner = entry.Property(ownerName);
            var date = entry.Property(dateName);
            if (entry.State != EntityState.Added)
            {
                weeks.Add(((Guid)owner.OriginalValue!, WeekOf((DateOnly)date.OriginalValue!)));
            }

            if (entry.State != EntityState.Deleted)
            {
                weeks.Add(((Guid)owner.CurrentValue!, WeekOf((DateOnly)date.CurrentValue!)));
            }
        }
    }
}
