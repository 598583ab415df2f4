using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RunStrong.Data.Entities;

/// <summary>
/// One week (Monday to Sunday) of a runner's training, reduced to what the dashboard reads: its runs in short, its
/// strength sessions' loads, check-ins, sets per exercise, each lift's best estimated 1RM and each day's best performance
/// (docs/decisions/0028-rollups.md). <see cref="Data"/> is JSON written and read by RunStrong.Features' WeekFacts.
/// A week with no training has no row.
/// </summary>
public sealed class WeekRollup : IOwnedByRunner
{
    public Guid OwnerId { get; set; }

    /// <summary>The Monday of the week.</summary>
    public DateOnly WeekStart { get; set; }

    public required string Data { get; set; }
}

/// <summary>One month's best stored performance for the prediction trend, with the VDOT and 5 km and 10 km times it gives.</summary>
public sealed class MonthRollup : IOwnedByRunner
{
    public Guid OwnerId { get; set; }

    /// <summary>The first day of the month.</summary>
    public DateOnly Month { get; set; }

    public DateOnly BestDate { get; set; }

    public double BestDistanceMeters { get; set; }

    public double BestSeconds { get; set; }

    public double Vdot { get; set; }

    public double FiveKSeconds { get; set; }

    public double TenKSeconds { get; set; }
}

/// <summary>
/// A week whose rollup no longer matches the log: written in the same transaction as the change (RunStrongDbContext's
/// SaveChanges), consumed by the next read that recomputes the week.
/// </summary>
public sealed class RollupMark : IOwnedByRunner
{
    public long Id { get; set; }

    public Guid OwnerId { get; set; }

    public DateOnly WeekStart { get; set; }
}

/// <summary>That a runner's rollups have been built, and in which format; without it the next read builds them all.</summary>
public sealed class RollupState : IOwnedByRunner
{
    public Guid OwnerId { get; set; }

    /// <summary>The format of the rows (RunnerRollups.Version); another value means rebuild.</summary>
    public int Version { get; set; }

    public DateTime BuiltAt { get; set; }
}

internal sealed class RollupConfiguration :
    IEntityTypeConfiguration<WeekRollup>,
    IEntityTypeConfiguration<MonthRollup>,
    IEntityTypeConfiguration<RollupMark>,
    IEntityTypeConfiguration<RollupState>
{
    public void Configure(EntityTypeBuilder<WeekRollup> week)
    {
        week.ToTable("WeekRollups");
        week.HasKey(w => new { w.OwnerId, w.WeekStart });
        week.HasOne<Runner>().WithMany().HasForeignKey(w => w.OwnerId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<MonthRollup> month)
    {
        month.ToTable("MonthRollups");
        month.HasKey(m => new { m.OwnerId, m.Month });
        month.HasOne<Runner>().WithMany().HasForeignKey(m => m.OwnerId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<RollupMark> mark)
    {
        mark.ToTable("RollupMarks");
        mark.HasIndex(m => m.OwnerId);
        mark.HasOne<Runner>().WithMany().HasForeignKey(m => m.OwnerId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<RollupState> state)
    {
        state.ToTable("RollupStates");
        state.HasKey(s => s.OwnerId);
        state.HasOne<Runner>().WithMany().HasForeignKey(s => s.OwnerId).OnDelete(DeleteBehavior.Cascade);
    }
}
