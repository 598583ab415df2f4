using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RunStrong.Data.Entities;

/// <summary>
/// A planned hill-sprint or drills session as the runner did it: done, partly or skipped, with the sprints' reps,
/// seconds and hill grade when given. One row per planned session (date and key), so logging it again replaces it.
/// </summary>
public sealed class SessionLogRecord : IOwnedByRunner
{
    public long Id { get; set; }

    public Guid OwnerId { get; set; }

    public DateOnly Date { get; set; }

    /// <summary>The plan whose session this is; null when that plan was deleted.</summary>
    public long? PlanId { get; set; }

    /// <summary>The planned session's date and index that day (<c>2026-12-08#1</c>).</summary>
    public required string PlannedSessionKey { get; set; }

    /// <summary><c>hill-sprints</c> or <c>drills</c>.</summary>
    public required string Kind { get; set; }

    /// <summary><c>done</c>, <c>partly</c> or <c>skipped</c>.</summary>
    public required string Status { get; set; }

    /// <summary>Hill sprints run (each up and walked back down).</summary>
    public int? Reps { get; set; }

    /// <summary>Seconds of each sprint.</summary>
    public int? Seconds { get; set; }

    /// <summary>The hill's grade, percent (6–8 % in Hudson 2008), when the runner knows it.</summary>
    public double? GradePercent { get; set; }

    public string? Notes { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

internal sealed class SessionLogConfiguration : IEntityTypeConfiguration<SessionLogRecord>
{
    public void Configure(EntityTypeBuilder<SessionLogRecord> log)
    {
        log.ToTable("SessionLogs");
        log.Property(s => s.PlannedSessionKey).HasMaxLength(50);
        log.Property(s => s.Kind).HasMaxLength(20);
        log.Property(s => s.Status).HasMaxLength(10);
        log.Property(s => s.Notes).HasMaxLength(2000);
        log.HasIndex(s => new { s.OwnerId, s.Date, s.PlannedSessionKey }).IsUnique();
        log.HasOne<Runner>().WithMany().HasForeignKey(s => s.OwnerId).OnDelete(DeleteBehavior.Cascade);
        log.HasOne<PlanRecord>().WithMany().HasForeignKey(s => s.PlanId).OnDelete(DeleteBehavior.SetNull);
        log.HasIndex(s => s.PlanId).HasFilter("\"PlanId\" IS NOT NULL"); // mostly null: only the rows with a plan (see StrengthSessions)
    }
}
