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
        var file = await db.ActivityFiles.Where(f => f.ActivityId == id && f.OwnerId == owner).FirstOrDefaultAsync(cancellationToken);
        if (file is null)
        {
            // An activity without a file is there all the same: say why there is nothing to download, not that it is missing.
            var format = await db.Activities.Where(a => a.Id == id && a.OwnerId == owner).Select(a => a.Format).FirstOrDefaultAsync(cancellationToken)
                ?? throw GetActivity.NotFound(id);
            throw new UserInputException("id", format == GetActivity.ManualFormat
                ? $"activity {id} has no original file: it was logged by hand"
                : $"activity {id} has no original file", notFound: true);
        }

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
