namespace RunStrong.Data.Entities;

/// <summary>A runner: the owner of plans, logs and activities. Single-user installs have one, <see cref="LocalId"/>.</summary>
public sealed class Runner
{
    /// <summary>The runner every single-user install starts with; accounts (issue 7) add more.</summary>
    public static readonly Guid LocalId = new("00000000-0000-0000-0000-000000000001");

    public Guid Id { get; set; }

    public required string Name { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Resting heart rate, beats per minute (20–120), for Banister TRIMP; null until the runner gives it.</summary>
    public int? RestingHeartRate { get; set; }

    /// <summary>Maximum heart rate, beats per minute (above resting, at most 250); null until the runner gives it.</summary>
    public int? MaxHeartRate { get; set; }

    /// <summary>Banister's weighting, <c>men</c> or <c>women</c>; null until the runner chooses.</summary>
    public string? TrimpWeighting { get; set; }

    /// <summary>The unit distances and paces are shown in: <c>km</c> or <c>mi</c>; null means km.</summary>
    public string? DistanceUnit { get; set; }

    /// <summary>The unit loads are shown in and a bare number is taken in: <c>kg</c> or <c>lb</c>; null means kg.</summary>
    public string? WeightUnit { get; set; }

    /// <summary>The runner's IANA time zone (<c>America/Denver</c>): their "today" and the day of each activity; null means UTC.</summary>
    public string? TimeZone { get; set; }

    /// <summary>
    /// Goes up in the same transaction as every change to the runner's rows (RunStrongDbContext.DataStamps.cs), so a
    /// response computed from them can be kept and served again, by any node, while the stamp stays the same.
    /// </summary>
    public long DataStamp { get; set; }
}

/// <summary>A row that belongs to one runner. Every such row carries its owner so that per-runner isolation is one filter.</summary>
public interface IOwnedByRunner
{
    Guid OwnerId { get; set; }
}
