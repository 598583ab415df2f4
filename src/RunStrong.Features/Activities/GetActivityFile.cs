using Microsoft.EntityFrameworkCore;
using RunStrong.Data;
using RunStrong.Features.Common;

namespace RunStrong.Features.Activities;

/// <summary>The original file of a stored activity, as the runner gave it (decompressed if it came gzipped).</summary>
public static class GetActivityFile
{
    /// <param name="ContentType">The media type for the format (FIT, GPX or TCX).</param>
    public sealed record Response(string FileName, string ContentType, byte[] Content);

    public static async Task<Response> HandleAsync(RunStrongDbContext db, ICurrentRunner runner, long id, CancellationToken cancellationToken = default)
    {
        var owner = runner.RunnerId;
        var file = await db.ActivityFiles.Where(f => f.ActivityId == id && f.OwnerId == owner).FirstOrDefaultAsync(cancellationToken)
            ?? throw GetActivity.NotFound(id);
        return new Response(file.FileName, ContentType(file.FileName), GetActivity.Gunzip(file.GzipContent));
    }

    public static string ContentType(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".fit" => "application/vnd.ant.fit",
        ".gpx" => "application/gpx+xml",
        ".tcx" => "application/vnd.garmin.tcx+xml",
        _ => "application/octet-stream",
    };
}
