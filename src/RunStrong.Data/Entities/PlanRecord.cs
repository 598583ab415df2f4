using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RunStrong.Data.Entities;

/// <summary>
/// A runner's plan. The plan itself is not stored: the generator is deterministic, so the profile and the start date
/// are the plan, and changing the profile re-plans without touching what was logged (logs point at dates and kinds).
/// </summary>
public sealed class PlanRecord : IOwnedByRunner
{
    public long Id { get; set; }

    public Guid OwnerId { get; set; }

    public required string Name { get; set; }

    /// <summary>The runner profile as the plan's JSON shape (RunnerProfileJson).</summary>
    public required string ProfileJson { get; set; }

    public DateOnly StartDate { get; set; }

    /// <summary>Number of weeks when there is no race; null to plan to race day.</summary>
    public int? Weeks { get; set; }

    /// <summary>The secret in the private calendar subscription URL (random, URL-safe); replaced to revoke.</summary>
    public required string CalendarToken { get; set; }

    public bool IsDemo { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

/// <summary>A strength session as the runner did it.</summary>
public sealed class StrengthSessionRecord : IOwnedByRunner
{
    public long Id { get; set; }

    public Guid OwnerId { get; set; }

    public DateOnly Date { get; set; }

    /// <summary>The plan whose session this fulfils, null for an unplanned session.</summary>
    public long? PlanId { get; set; }

    /// <summary>The planned session's date and index that day (<c>2026-12-08#0</c>), null when unplanned.</summary>
    public string? PlannedSessionKey { get; set; }

    /// <summary>Session RPE (0–10, Foster), when given.</summary>
    public double? SessionRpe { get; set; }

    public double? DurationMinutes { get; set; }

    public string? Notes { get; set; }

    public bool IsDemo { get; set; }

    public DateTime CreatedAt { get; set; }

    public List<LoggedSetRecord> Sets { get; set; } = [];
}

/// <summary>One set of a logged strength session.</summary>
public sealed class LoggedSetRecord : IOwnedByRunner
{
    public long Id { get; set; }

    public Guid OwnerId { get; set; }

    public long SessionId { get; set; }

    /// <summary>Order within the session, from 0.</summary>
    public int Position { get; set; }

    public required string ExerciseSlug { get; set; }

    public required string VariantSlug { get; set; }

    /// <summary>Reps, per side for single-leg work.</summary>
    public int Reps { get; set; }

    public double? LoadValue { get; set; }

    /// <summary>kg or lb; set whenever <see cref="LoadValue"/> is.</summary>
    public string? LoadUnit { get; set; }

    /// <summary>light, medium or heavy; null without a band.</summary>
    public string? Band { get; set; }

    public int? Seconds { get; set; }

    public double? Rpe { get; set; }

    public int? RepsInReserve { get; set; }

    public bool Pain { get; set; }

    public bool Completed { get; set; } = true;
}

/// <summary>A soreness check-in: one body area, 0–10, on a day.</summary>
public sealed class SorenessRecord : IOwnedByRunner
{
    public long Id { get; set; }

    public Guid OwnerId { get; set; }

    public DateOnly Date { get; set; }

    /// <summary>Kebab-case body area (calves, hamstrings, lower-back, ...).</summary>
    public required string Area { get; set; }

    public int Score { get; set; }

    public string? Notes { get; set; }

    public bool IsDemo { get; set; }

    public DateTime CreatedAt { get; set; }
}

internal sealed class TrainingLogConfiguration :
    IEntityTypeConfiguration<PlanRecord>,
    IEntityTypeConfiguration<StrengthSessionRecord>,
    IEntityTypeConfiguration<LoggedSetRecord>,
    IEntityTypeConfiguration<SorenessRecord>
{
    public void Configure(EntityTypeBuilder<PlanRecord> plan)
    {
        plan.ToTable("Plans");
        plan.Property(p => p.Name).HasMaxLength(200);
        plan.Property(p => p.CalendarToken).HasMaxLength(100);
        plan.HasIndex(p => p.CalendarToken).IsUnique();
        plan.HasIndex(p => p.OwnerId);
        plan.HasOne<Runner>().WithMany().HasForeignKey(p => p.OwnerId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<StrengthSessionRecord> session)
    {
        session.ToTable("StrengthSessions");
        session.Property(s => s.PlannedSessionKey).HasMaxLength(50);
        session.Property(s => s.Notes).HasMaxLength(2000);
        session.HasIndex(s => new { s.OwnerId, s.Date });
        session.HasOne<Runner>().WithMany().HasForeignKey(s => s.OwnerId).OnDelete(DeleteBehavior.Cascade);
        session.HasOne<PlanRecord>().WithMany().HasForeignKey(s => s.PlanId).OnDelete(DeleteBehavior.SetNull);
        session.HasMany(s => s.Sets).WithOne().HasForeignKey(s => s.SessionId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<LoggedSetRecord> set)
    {
        set.ToTable("LoggedSets");
        set.Property(s => s.ExerciseSlug).HasMaxLength(200);
        set.Property(s => s.VariantSlug).HasMaxLength(200);
        set.Property(s => s.LoadUnit).HasMaxLength(5);
        set.Property(s => s.Band).HasMaxLength(10);
        set.HasIndex(s => new { s.OwnerId, s.ExerciseSlug });
    }

    public void Configure(EntityTypeBuilder<SorenessRecord> soreness)
    {
        soreness.ToTable("SorenessCheckIns");
        soreness.Property(s => s.Area).HasMaxLength(30);
        soreness.Property(s => s.Notes).HasMaxLength(2000);
        soreness.HasIndex(s => new { s.OwnerId, s.Date });
        soreness.HasOne<Runner>().WithMany().HasForeignKey(s => s.OwnerId).OnDelete(DeleteBehavior.Cascade);
    }
}
