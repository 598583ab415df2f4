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

    /// <summary>
    /// The watch activity this session was read from (a FIT strength activity's sets), null for a session logged by
    /// hand. One session per activity: importing the file again finds the activity and logs nothing more.
    /// </summary>
    public long? SourceActivityId { get; set; }

    /// <summary>
    /// Set on a watch session while the runner has not chosen between it and the session they logged by hand for the
    /// same planned session (or the same day): that hand-logged session. While set, the watch session is shown as a
    /// choice (keep the watch's, keep mine, keep both) and counts for nothing else.
    /// </summary>
    public long? MergeWithSessionId { get; set; }

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

    /// <summary>
    /// For a set read from a watch: the exercise as the watch named it, <c>category/name</c> in Garmin's FIT profile
    /// (<c>hip-raise/barbell-hip-thrust-with-bench</c>, <c>unknown/</c> when the watch did not recognise it); null for
    /// a set logged by hand. A set whose exercise has no catalogue match yet has <see cref="ExerciseSlug"/>
    /// <c>unmapped</c> until the runner maps the name.
    /// </summary>
    public string? GarminExercise { get; set; }

    /// <summary>
    /// The key the client that logged the set gave it (the gym page makes one per new set), so that a retry or an update
    /// from that client finds this set wherever it is, and a set another client logged at the same position is never
    /// replaced by it; null for sets logged without one (the CLI, older pages, imports).
    /// </summary>
    public string? ClientId { get; set; }
}

/// <summary>A runner's own answer to "which exercise is this Garmin name?", applied to every set read from a watch.</summary>
public sealed class GarminExerciseMappingRecord : IOwnedByRunner
{
    public long Id { get; set; }

    public Guid OwnerId { get; set; }

    /// <summary><c>category/name</c> as in <see cref="LoggedSetRecord.GarminExercise"/>.</summary>
    public required string GarminExercise { get; set; }

    public required string ExerciseSlug { get; set; }

    public required string VariantSlug { get; set; }

    public DateTime CreatedAt { get; set; }
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
    IEntityTypeConfiguration<SorenessRecord>,
    IEntityTypeConfiguration<GarminExerciseMappingRecord>
{
    public void Configure(EntityTypeBuilder<PlanRecord> plan)
    {
        plan.ToTable("Plans");
        plan.Property(p => p.Name).HasMaxLength(200);
        plan.Property(p => p.CalendarToken).HasMaxLength(100);
        plan.HasIndex(p => p.CalendarToken).IsUnique();
        plan.HasIndex(p => p.OwnerId);
        plan.HasIndex(p => p.OwnerId, "IX_Plans_Demo").HasFilter("\"IsDemo\"");
        plan.HasOne<Runner>().WithMany().HasForeignKey(p => p.OwnerId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<StrengthSessionRecord> session)
    {
        session.ToTable("StrengthSessions");
        session.Property(s => s.PlannedSessionKey).HasMaxLength(50);
        session.Property(s => s.Notes).HasMaxLength(2000);
        session.HasIndex(s => new { s.OwnerId, s.Date });
        session.HasIndex(s => s.OwnerId, "IX_StrengthSessions_Demo").HasFilter("\"IsDemo\"");
        session.HasOne<Runner>().WithMany().HasForeignKey(s => s.OwnerId).OnDelete(DeleteBehavior.Cascade);
        session.HasOne<PlanRecord>().WithMany().HasForeignKey(s => s.PlanId).OnDelete(DeleteBehavior.SetNull);
        session.HasMany(s => s.Sets).WithOne().HasForeignKey(s => s.SessionId).OnDelete(DeleteBehavior.Cascade);
        // Indexes on columns that are null for most rows hold only the rows that are not: an index holding every null
        // was taken by SQLite (no statistics) for "SourceActivityId IS NULL" and walked all runners' sessions to log one
        // set (62 ms per set with a hundred runners, docs/benchmarks.md). Lookups by value (foreign keys) still use them.
        session.HasIndex(s => s.SourceActivityId).IsUnique().HasFilter("\"SourceActivityId\" IS NOT NULL");
        session.HasIndex(s => s.PlanId).HasFilter("\"PlanId\" IS NOT NULL");
        session.HasIndex(s => s.MergeWithSessionId).HasFilter("\"MergeWithSessionId\" IS NOT NULL");
        session.HasOne<StoredActivity>().WithMany().HasForeignKey(s => s.SourceActivityId).OnDelete(DeleteBehavior.SetNull);
        session.HasOne<StrengthSessionRecord>().WithMany().HasForeignKey(s => s.MergeWithSessionId).OnDelete(DeleteBehavior.SetNull);
    }

    public void Configure(EntityTypeBuilder<GarminExerciseMappingRecord> mapping)
    {
        mapping.ToTable("GarminExerciseMappings");
        mapping.Property(m => m.GarminExercise).HasMaxLength(120);
        mapping.Property(m => m.ExerciseSlug).HasMaxLength(200);
        mapping.Property(m => m.VariantSlug).HasMaxLength(200);
        mapping.HasIndex(m => new { m.OwnerId, m.GarminExercise }).IsUnique();
        mapping.HasOne<Runner>().WithMany().HasForeignKey(m => m.OwnerId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<LoggedSetRecord> set)
    {
        set.ToTable("LoggedSets");
        set.Property(s => s.ExerciseSlug).HasMaxLength(200);
        set.Property(s => s.VariantSlug).HasMaxLength(200);
        set.Property(s => s.LoadUnit).HasMaxLength(5);
        set.Property(s => s.Band).HasMaxLength(10);
        set.Property(s => s.GarminExercise).HasMaxLength(120);
        set.Property(s => s.ClientId).HasMaxLength(64);
        set.HasIndex(s => new { s.OwnerId, s.ExerciseSlug });
        set.HasIndex(s => new { s.OwnerId, s.ClientId }).IsUnique().HasFilter("\"ClientId\" IS NOT NULL");
    }

    public void Configure(EntityTypeBuilder<SorenessRecord> soreness)
    {
        soreness.ToTable("SorenessCheckIns");
        soreness.Property(s => s.Area).HasMaxLength(30);
        soreness.Property(s => s.Notes).HasMaxLength(2000);
        soreness.HasIndex(s => new { s.OwnerId, s.Date });
        soreness.HasIndex(s => s.OwnerId, "IX_SorenessCheckIns_Demo").HasFilter("\"IsDemo\"");
        soreness.HasOne<Runner>().WithMany().HasForeignKey(s => s.OwnerId).OnDelete(DeleteBehavior.Cascade);
    }
}
