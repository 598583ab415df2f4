using System.Runtime.CompilerServices;
using RunStrong.Features.Activities;
using static RunStrong.Features.Activities.ImportActivities;

namespace RunStrong.Cli.Remote;

/// <summary>
/// <c>runstrong import</c> against a server: each file is uploaded on its own (POST api/activities), so a batch shows
/// per-file results and progress, and one refused file does not stop the rest. Folders are walked for activity files
/// and archives; a whole Strava or Garmin export is best given as its zip, which the server reads with its names.
/// </summary>
public static class RemoteImport
{
    /// <summary>What a folder contributes: files the server can read (FIT, GPX, TCX, gzipped or not, and zips).</summary>
    private static readonly string[] Extensions = [".fit", ".gpx", ".tcx", ".gz", ".zip"];

    public static async IAsyncEnumerable<FileResult> UploadAsync(ApiClient api, IEnumerable<string> paths, DateOnly? dateForFilesWithoutTimes, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        var fields = dateForFilesWithoutTimes is { } day
            ? new Dictionary<string, string> { ["date"] = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }
            : null;
        foreach (var file in paths.SelectMany(Expand))
        {
            if (file.Missing)
            {
                yield return Failed(file.Path, $"{file.Path}: no such file or folder");
                continue;
            }

            var name = Path.GetFileName(file.Path);
            var (report, problem) = await api.UploadAsync<Report>("api/activities", file.Path, name, cancellationToken, fields);
            if (report is null)
            {
                yield return Failed(file.Path, $"{file.Path}: {problem}");
                continue;
            }

            // The server names results after the uploaded file (name or name!member); give back the path as typed.
            foreach (var result in report.Files)
            {
                yield return result.Path.StartsWith(name, StringComparison.Ordinal)
                    ? result with { Path = file.Path + result.Path[name.Length..] }
                    : result;
            }
        }
    }

    private static IEnumerable<(string Path, bool Missing)> Expand(string path)
    {
        if (File.Exists(path))
        {
            return [(path, false)];
        }

        if (!Directory.Exists(path))
        {
            return [(path, true)];
        }

        return Directory.EnumerateFiles(path, "*", RunStrong.ActivityFiles.Archives.FolderWalk.Options(recurse: true))
            .Where(f => Extensions.Any(e => f.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
            .Order(StringComparer.Ordinal)
            .Select(f => (f, false));
    }

    private static FileResult Failed(string path, string error) => new(path, FileStatus.Failed, null, error, null, null, null, []);
}
