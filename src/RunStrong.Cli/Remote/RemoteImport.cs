using System.Runtime.CompilerServices;
using RunStrong.Features.Activities;
using static RunStrong.Features.Activities.ImportActivities;

namespace RunStrong.Cli.Remote;

/// <summary>
/// <c>runstrong import</c> against a server: each file is uploaded on its own (POST api/activities), so a batch shows
/// per-file results and progress, and one refused file does not stop the rest. Folders are walked for activity files
/// and archives; a whole Strava or Garmin export is best given as its zip, which the server reads with its names. A zip
/// is a background import (POST api/imports, docs/decisions/0029) whose results are read as the server records them.
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
            if (name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
            {
                // An archive (a whole export, perhaps thousands of files) is a background import on the server: its
                // results are read as they are recorded, so the progress shows while the server works.
                await foreach (var result in ImportInBackgroundAsync(api, file.Path, name, fields, cancellationToken))
                {
                    yield return result;
                }

                continue;
            }

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

    /// <summary>How often the job's progress is read while it runs.</summary>
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(500);

    private const int ResultsPerPage = 500;

    /// <summary>
    /// POST api/imports, then GET api/imports/{id} a page of results at a time until the job is finished: each entry's
    /// result once, in the order the server recorded them.
    /// </summary>
    private static async IAsyncEnumerable<FileResult> ImportInBackgroundAsync(
        ApiClient api, string path, string name, IReadOnlyDictionary<string, string>? fields, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (job, problem) = await api.UploadAsync<ImportJobs.Response>("api/imports", path, name, cancellationToken, fields);
        if (job is null)
        {
            yield return Failed(path, $"{path}: {problem}");
            yield break;
        }

        var page = 1;
        var shown = 0;
        while (true)
        {
            var current = await api.GetJsonAsync<ImportJobs.Response>(
                FormattableString.Invariant($"api/imports/{job.Id}?page={page}&pageSize={ResultsPerPage}"), cancellationToken);
            foreach (var entry in current.Results.Skip(shown))
            {
                var result = new FileResult(entry.Path, entry.Status, entry.ActivityId, entry.Error, entry.Sport, entry.StartTime, entry.DistanceMeters, entry.Warnings);
                yield return result.Path.StartsWith(name, StringComparison.Ordinal) ? result with { Path = path + result.Path[name.Length..] } : result;
            }

            shown = current.Results.Count;
            if (current.NextPage is { } next)
            {
                page = next;
                shown = 0;
                continue;
            }

            if (current.Finished)
            {
                if (current.State != ImportJobs.Done)
                {
                    yield return Failed(path, $"{path}: the import was {current.State} on the server{(current.Error is null ? "" : $": {current.Error}")}");
                }

                yield break;
            }

            await Task.Delay(PollEvery, cancellationToken);
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
