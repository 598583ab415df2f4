using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RunStrong.Data.Entities;

/// <summary>
/// An imported activity: what lists, duplicate checks and load need, as columns; the rest of its summary (best
/// efforts, climbs, hill sprints, warnings) as JSON. The original file is kept beside it in <see cref="ActivityFile"/>
/// so the record stream can be read again for charts, and exported as the runner gave it.
/// </summary>
public sealed class StoredActivity : IOwnedByRunner
{
    public long Id { get; set; }

    public Guid OwnerId { get; set; }

    /// <summary>fit, gpx, tcx or manual.</summary>
    public required string Format { get; set; }

    /// <summary>Kebab-case sport (running, cycling, ...).</summary>
    public required string Sport { get; set; }

    public string? SubSport { get; set; }

    /// <summary>UTC.</summary>
    public DateTime StartTime { get; set; }

    /// <summary>
    /// The runner's day of the activity: the day of <see cref="StartTime"/> in the runner's time zone (set on import and
    /// again when the runner changes zone), or the day a hand-entered run was logged for. Every per-day view reads this.
    /// </summary>
    public DateOnly LocalDate { get; set; }

    public string? Name { get; set; }

    public string? Description { get; set; }

    public double DistanceMeters { get; set; }

    public double ElapsedSeconds { get; set; }

    public double MovingSeconds { get; set; }

    public double AscentMeters { get; set; }

    public double DescentMeters { get; set; }

    public double? AverageHeartRate { get; set; }

    public double? MaxHeartRate { get; set; }

    public int RecordCount { get; set; }

    /// <summary>Lowercase hex SHA-256 of the file's (decompressed) bytes; the same file is never stored twice.</summary>
    public required string ContentHash { get; set; }

    /// <summary>The path or archive member it was read from.</summary>
    public required string SourcePath { get; set; }

    /// <summary>Best efforts, climbs, hill sprints and warnings (ActivitySummaryView) as JSON.</summary>
    public required string SummaryJson { get; set; }

    public DateTime ImportedAt { get; set; }

    /// <summary>Run type (easy, quality, long, race, hills) when the runner gave it, for hand-entered runs above all.</summary>
    public string? RunType { get; set; }

    /// <summary>Session RPE (0–10) when the runner gave it.</summary>
    public double? Rpe { get; set; }

    /// <summary>
    /// The plan day whose run this is when the runner linked it there (run on another day than planned); null means the
    /// run counts for its own day (<see cref="LocalDate"/>).
    /// </summary>
    public DateOnly? PlannedFor { get; set; }

    /// <summary>True for rows written by <c>runstrong demo</c>; removable as a set.</summary>
    public bool IsDemo { get; set; }

    public ActivityFile? File { get; set; }
}

/// <summary>The original file of an activity, gzip-compressed.</summary>
public sealed class ActivityFile : IOwnedByRunner
{
    public long ActivityId { get; set; }

    public Guid OwnerId { get; set; }

    public required string FileName { get; set; }

    public required byte[] GzipContent { get; set; }
}

internal sealed class StoredActivityConfiguration : IEntityTypeConfiguration<StoredActivity>, IEntityTypeConfiguration<ActivityFile>
{
    public void Configure(EntityTypeBuilder<StoredActivity> activity)
    {
        activity.ToTable("Activities");
        activity.Property(a => a.Format).HasMaxLength(10);
        activity.Property(a => a.Sport).HasMaxLength(30);
        activity.Property(a => a.SubSport).HasMaxLength(50);
        activity.Property(a => a.Name).HasMaxLength(500);
        activity.Property(a => a.ContentHash).HasMaxLength(64);
        activity.Property(a => a.SourcePath).HasMaxLength(2000);
        activity.Property(a => a.RunType).HasMaxLength(20);
        activity.HasIndex(a => new { a.OwnerId, a.ContentHash }).IsUnique();
        activity.HasIndex(a => new { a.OwnerId, a.StartTime });
        // The activities list's order (newest day first, then start, then id): its first page reads a page of rows, not
        // every activity the runner has to sort them (SQLite: 0.6 ms to 0.1 ms of CPU for ten years, more under writes).
        activity.HasIndex(a => new { a.OwnerId, a.LocalDate, a.StartTime, a.Id });
        // Covering for the log's list of days with a run (newest first, one probe per page instead of a read of ten years).
        activity.HasIndex(a => new { a.OwnerId, a.LocalDate, a.Sport, a.Format, a.DistanceMeters, a.MovingSeconds, a.ElapsedSeconds }, "IX_Activities_OwnerId_LocalDate_Runs");
        // Whether the runner has demo rows (the dashboard asks on every computation): a probe of a small partial index, not a
        // read of all their rows.
        activity.HasIndex(a => a.OwnerId, "IX_Activities_Demo").HasFilter("\"IsDemo\"");
        activity.HasOne<Runner>().WithMany().HasForeignKey(a => a.OwnerId).OnDelete(DeleteBehavior.Cascade);
        activity.HasOne(a => a.File).WithOne().HasForeignKey<ActivityFile>(f => f.ActivityId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ActivityFile> file)
    {
        file.ToTable("ActivityFiles");
        file.HasKey(f => f.ActivityId);
        file.Property(f => f.FileName).HasMaxLength(500);
    }
}
