using RunStrong.Domain.Activities;

namespace RunStrong.ActivityFiles.Fit;

/// <summary>
/// What reading one FIT file gave: the activity (null when nothing could be read, or the file is not an activity),
/// the FIT file type from the file_id message, warnings about what was salvaged, and an error when nothing usable
/// was read. Errors and warnings name the byte offset where the problem was found.
/// </summary>
public sealed record FitReadResult(Activity? Activity, string? FileType, IReadOnlyList<string> Warnings, string? Error)
{
    public static FitReadResult Failed(string error, IReadOnlyList<string>? warnings = null, string? fileType = null) =>
        new(null, fileType, warnings ?? [], error);
}
