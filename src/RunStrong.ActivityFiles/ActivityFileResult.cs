using RunStrong.Domain.Activities;

namespace RunStrong.ActivityFiles;

/// <summary>What happened to one file.</summary>
public enum ActivityFileStatus
{
    /// <summary>An activity was read (possibly with warnings).</summary>
    Read,

    /// <summary>The file should have been an activity but could not be read; <see cref="ActivityFileResult.Error"/> says why.</summary>
    Failed,

    /// <summary>Not an activity file (a CSV, an image, a FIT settings file...); <see cref="ActivityFileResult.Error"/> says what it is.</summary>
    Skipped,
}

/// <summary>The outcome of reading one file.</summary>
/// <param name="Path">The file path, or <c>archive.zip!inner/path.gpx</c> for a member of an archive.</param>
/// <param name="Status">Read, Failed or Skipped.</param>
/// <param name="Activity">The activity when <paramref name="Status"/> is Read, else null.</param>
/// <param name="Error">For Failed and Skipped: starts with the file name and says what is wrong (or what the file is).</param>
/// <param name="Warnings">What was salvaged or doubted, each starting with the file name.</param>
/// <param name="ContentHash">Lowercase hex SHA-256 of the decompressed bytes (for duplicate detection); null when no bytes were read.</param>
public sealed record ActivityFileResult(
    string Path,
    ActivityFileStatus Status,
    Activity? Activity,
    string? Error,
    IReadOnlyList<string> Warnings,
    string? ContentHash)
{
    /// <summary>
    /// The activity file's own bytes (gzip already unwrapped) when <see cref="Status"/> is Read, else null: what an
    /// import stores as the original, so charts can read the record stream again and the runner can download it.
    /// </summary>
    public byte[]? Content { get; init; }

    internal static ActivityFileResult Failed(string path, string error, string? hash = null, IReadOnlyList<string>? warnings = null) =>
        new(path, ActivityFileStatus.Failed, null, error, warnings ?? [], hash);

    internal static ActivityFileResult Skipped(string path, string reason, string? hash = null) =>
        new(path, ActivityFileStatus.Skipped, null, reason, [], hash);
}
