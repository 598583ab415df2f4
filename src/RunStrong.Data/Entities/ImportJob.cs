using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RunStrong.Data.Entities;

/// <summary>
/// A background import (docs/decisions/0029): the uploaded files are kept in <see cref="ImportJobFile"/> rows so any web
/// node can run it, and each entry's outcome is an <see cref="ImportJobResult"/>. The Quartz job that runs it carries only
/// <see cref="Id"/>. Progress (entries done, counts per status) is read from the results, so it is never out of step.
/// </summary>
public sealed class ImportJob : IOwnedByRunner
{
    public long Id { get; set; }

    public Guid OwnerId { get; set; }

    /// <summary>queued, running, done, cancelled or failed (the job itself, not a file: see <see cref="Error"/>).</summary>
    public required string State { get; set; }

    /// <summary>UTC, on the app's clock.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>UTC: when the first run started.</summary>
    public DateTime? StartedAt { get; set; }

    /// <summary>UTC: when it ended (done, cancelled or failed).</summary>
    public DateTime? FinishedAt { get; set; }

    /// <summary>Set by the runner; the run checks it between files, on whichever node runs it.</summary>
    public bool CancelRequested { get; set; }

    /// <summary>The upload form's day for files without times.</summary>
    public DateOnly? DateForFilesWithoutTimes { get; set; }

    /// <summary>
    /// The largest activity id when the job was made: an activity above it, read from one of this job's entries, was
    /// stored by this job (a run cut off between saving a batch and recording its results).
    /// </summary>
    public long ActivityIdWatermark { get; set; }

    /// <summary>Entries counted when the job was made (members of a zip, or 1 a file); null when not known.</summary>
    public int? EntriesExpected { get; set; }

    /// <summary>How many times a run has started (more than 1: resumed after a crash or a restart).</summary>
    public int Runs { get; set; }

    /// <summary>The current run's claim: a run whose claim is no longer here stops (another node took the job over).</summary>
    public Guid? RunClaim { get; set; }

    /// <summary>Why the job itself failed (not a file's failure), when it did.</summary>
    public string? Error { get; set; }

    public List<ImportJobFile> Files { get; set; } = [];
}

/// <summary>One uploaded file of an <see cref="ImportJob"/>, gzip-compressed, in upload order.</summary>
public sealed class ImportJobFile : IOwnedByRunner
{
    public long Id { get; set; }

    public long JobId { get; set; }

    public Guid OwnerId { get; set; }

    public int Position { get; set; }

    /// <summary>As the browser or the CLI gave it (messages only, never a path).</summary>
    public required string FileName { get; set; }

    /// <summary>Bytes before compression.</summary>
    public long Length { get; set; }

    public required byte[] GzipContent { get; set; }
}

/// <summary>The outcome of one entry of an <see cref="ImportJob"/> (ImportActivities.FileResult, stored).</summary>
public sealed class ImportJobResult : IOwnedByRunner
{
    public long Id { get; set; }

    public long JobId { get; set; }

    public Guid OwnerId { get; set; }

    /// <summary><c>export.zip!activities/123.fit</c>.</summary>
    public required string Path { get; set; }

    /// <summary>0 for the first entry of this path in the job, 1 for a second of the same name, ...</summary>
    public int Occurrence { get; set; }

    /// <summary>imported, duplicate, failed or skipped.</summary>
    public required string Status { get; set; }

    public long? ActivityId { get; set; }

    public string? Error { get; set; }

    public string? Sport { get; set; }

    public DateTime? StartTime { get; set; }

    public double? DistanceMeters { get; set; }

    /// <summary>The reader's warnings, as a JSON array of strings.</summary>
    public string? WarningsJson { get; set; }
}

internal sealed class ImportJobConfiguration :
    IEntityTypeConfiguration<ImportJob>, IEntityTypeConfiguration<ImportJobFile>, IEntityTypeConfiguration<ImportJobResult>
{
    public void Configure(EntityTypeBuilder<ImportJob> job)
    {
        job.ToTable("ImportJobs");
        job.Property(j => j.State).HasMaxLength(12);
        job.Property(j => j.Error).HasMaxLength(2000);
        job.HasIndex(j => new { j.OwnerId, j.CreatedAt });
        job.HasIndex(j => j.State);
        job.HasOne<Runner>().WithMany().HasForeignKey(j => j.OwnerId).OnDelete(DeleteBehavior.Cascade);
        job.HasMany(j => j.Files).WithOne().HasForeignKey(f => f.JobId).OnDelete(DeleteBehavior.Cascade);
        job.HasMany<ImportJobResult>().WithOne().HasForeignKey(r => r.JobId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ImportJobFile> file)
    {
        file.ToTable("ImportJobFiles");
        file.Property(f => f.FileName).HasMaxLength(500);
        file.HasIndex(f => new { f.JobId, f.Position });
    }

    public void Configure(EntityTypeBuilder<ImportJobResult> result)
    {
        result.ToTable("ImportJobResults");
        result.Property(r => r.Path).HasMaxLength(2000);
        result.Property(r => r.Status).HasMaxLength(10);
        result.Property(r => r.Sport).HasMaxLength(30);
        result.HasIndex(r => new { r.JobId, r.Id });
    }
}
