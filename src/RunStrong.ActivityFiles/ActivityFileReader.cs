using System.IO.Compression;
using System.Security.Cryptography;
using RunStrong.ActivityFiles.Archives;
using RunStrong.ActivityFiles.Fit;

namespace RunStrong.ActivityFiles;

/// <summary>
/// The one entry point for activity files: FIT, GPX and TCX, gzipped or not, alone, in folders, in zip archives,
/// in a Strava bulk export or a Garmin export. The format is found from the content (FIT ".FIT" signature at byte
/// 8, gzip and zip magic numbers, XML root element); the extension is only a hint. Never throws for bad input: each
/// file gives one <see cref="ActivityFileResult"/>, and one bad file never stops a batch.
/// </summary>
public static class ActivityFileReader
{
    /// <summary>Largest file, or decompressed gzip/zip member, that is read: 512 MiB.</summary>
    public const long MaxFileBytes = 512L * 1024 * 1024;

    /// <summary>Zip archives nested deeper than this inside each other are refused (Garmin exports nest two deep).</summary>
    public const int MaxArchiveDepth = 4;

    /// <summary>Reads one file already in memory (a single activity file, possibly gzipped).</summary>
    /// <param name="name">The file name or path, used in <see cref="ActivityFileResult.Path"/> and messages.</param>
    /// <param name="content">The file's bytes as stored (compressed or not).</param>
    /// <remarks>
    /// A zip archive holding exactly one activity file gives that file's result; a zip with several fails with a
    /// message pointing to <see cref="ReadMany"/>.
    /// </remarks>
    public static ActivityFileResult Read(string name, byte[] content)
    {
        name ??= "(unnamed)";
        if (content is null)
        {
            return ActivityFileResult.Failed(name, $"{FileName(name)}: no content");
        }

        if (ContentSniffer.Kind(content) == ContentKind.Zip)
        {
            var results = ReadMany(name, content).Where(r => r.Status != ActivityFileStatus.Skipped).Take(2).ToList();
            return results.Count switch
            {
                1 => results[0],
                0 => ActivityFileResult.Skipped(name, $"{FileName(name)}: a zip archive with no activity files in it", Hash(content)),
                _ => ActivityFileResult.Failed(name, $"{FileName(name)}: a zip archive holding several activity files; import it as a batch (ReadMany / ReadAll)", Hash(content)),
            };
        }

        return ReadBytes(name, content);
    }

    /// <summary>
    /// Reads bytes that may hold many activities: a zip archive (including a zipped Strava or Garmin export) gives
    /// one result per member, streamed; anything else gives the single result of <see cref="Read"/>.
    /// </summary>
    public static IEnumerable<ActivityFileResult> ReadMany(string name, byte[] content)
    {
        name ??= "(unnamed)";
        if (content is null || ContentSniffer.Kind(content) != ContentKind.Zip)
        {
            yield return Read(name, content!);
            yield break;
        }

        using var stream = new MemoryStream(content, writable: false);
        foreach (var result in Guarded(ExportWalker.Zip(stream, name, depth: 1), name))
        {
            yield return result;
        }
    }

    /// <summary>
    /// Reads files, folders (recursively), zip archives (nested zips too), Strava bulk exports (activities.csv with
    /// its activities/ folder, as a folder or a zip) and Garmin exports. Results are streamed one file at a time;
    /// only one file's bytes are held at once. Files that are not activities are Skipped with a reason.
    /// </summary>
    public static IEnumerable<ActivityFileResult> ReadAll(IEnumerable<string> paths)
    {
        if (paths is null)
        {
            yield break;
        }

        foreach (var path in paths)
        {
            if (string.IsNullOrWhiteSpace(path))
            {
                yield return ActivityFileResult.Failed(path ?? string.Empty, "(empty path): no file or folder named");
                continue;
            }

            IEnumerable<ActivityFileResult> results = Directory.Exists(path) ? ExportWalker.Folder(path)
                : File.Exists(path) ? ExportWalker.DiskFile(path)
                : [ActivityFileResult.Failed(path, $"{FileName(path)}: no such file or folder")];
            foreach (var result in Guarded(results, path))
            {
                yield return result;
            }
        }
    }

    /// <summary>
    /// Last line of defence for a batch: an exception nobody foresaw (a bug) ends that path's walk with one Failed
    /// result instead of ending the whole import.
    /// </summary>
    private static IEnumerable<ActivityFileResult> Guarded(IEnumerable<ActivityFileResult> source, string path)
    {
        using var results = source.GetEnumerator();
        while (true)
        {
            ActivityFileResult? next = null;
            string? error = null;
            try
            {
                if (results.MoveNext())
                {
                    next = results.Current;
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                error = $"{FileName(path)}: unexpected error while reading ({ex.GetType().Name}: {ex.Message}); the rest of it was not read";
            }

            if (error is not null)
            {
                yield return ActivityFileResult.Failed(path, error);
                yield break;
            }

            if (next is null)
            {
                yield break;
            }

            yield return next;
        }
    }

    /// <summary>Reads one non-archive file's bytes (gzip is unwrapped here). Catches everything: never throws.</summary>
    internal static ActivityFileResult ReadBytes(string path, byte[] content)
    {
        try
        {
            return ReadBytesCore(path, content, gzipDepth: 0);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return ActivityFileResult.Failed(path, $"{FileName(path)}: unexpected error while reading ({ex.GetType().Name}: {ex.Message})", Hash(content));
        }
    }

    private static ActivityFileResult ReadBytesCore(string path, byte[] content, int gzipDepth)
    {
        var file = FileName(path);
        if (content.Length == 0)
        {
            return ActivityFileResult.Failed(path, $"{file}: the file is empty", Hash(content));
        }

        var extension = ContentSniffer.FormatExtension(file);
        switch (ContentSniffer.Kind(content))
        {
            case ContentKind.Gzip:
                return Gunzip(path, content, gzipDepth);
            case ContentKind.Zip:
                return ActivityFileResult.Failed(path, $"{file}: a zip archive inside a gzip file; unzip it first", Hash(content));
            case ContentKind.Fit:
                return ReadFit(path, content);
            case ContentKind.Xml:
                return ReadXml(path, content, extension);
            default:
                var hash = Hash(content);
                return extension switch
                {
                    ".fit" => ActivityFileResult.Failed(path, $"{file}: not a FIT file (no \".FIT\" signature at byte 8); damaged, or not what its name says", hash),
                    ".gpx" or ".tcx" => ActivityFileResult.Failed(path, $"{file}: not an XML file (it does not start with '<'), so not {extension[1..].ToUpperInvariant()}", hash),
                    _ when ContentSniffer.IsGzipName(file) => ActivityFileResult.Failed(path, $"{file}: named .gz but not gzip data", hash),
                    _ => ActivityFileResult.Skipped(path, $"{file}: not an activity file (FIT, GPX or TCX)", hash),
                };
        }
    }

    private static ActivityFileResult Gunzip(string path, byte[] content, int gzipDepth)
    {
        var file = FileName(path);
        if (gzipDepth >= 2)
        {
            return ActivityFileResult.Failed(path, $"{file}: gzip inside gzip inside gzip; refused", Hash(content));
        }

        byte[]? inner;
        try
        {
            inner = BoundedStreams.Gunzip(content, MaxFileBytes);
        }
        catch (InvalidDataException ex)
        {
            return ActivityFileResult.Failed(path, $"{file}: damaged gzip data ({ex.Message})", Hash(content));
        }
        catch (EndOfStreamException)
        {
            return ActivityFileResult.Failed(path, $"{file}: the gzip data is cut off", Hash(content));
        }

        if (inner is null)
        {
            return ActivityFileResult.Failed(path, $"{file}: decompresses to more than {MaxFileBytes / (1024 * 1024)} MB; refused (too big for one activity, or a zip bomb)", Hash(content));
        }

        if (inner.Length == 0)
        {
            return ActivityFileResult.Failed(path, $"{file}: the gzip data is cut off or holds an empty file", Hash(content));
        }

        // Messages keep the name the user gave (run.gpx.gz); format hints come from the inner name.
        return ReadBytesCore(path, inner, gzipDepth + 1);
    }

    private static ActivityFileResult ReadFit(string path, byte[] content)
    {
        var file = FileName(path);
        var hash = Hash(content);
        var fit = FitReader.Read(content, file);
        var warnings = fit.Warnings ?? [];
        if (fit.Activity is { } activity)
        {
            var all = activity.Warnings.Concat(warnings).Distinct().ToList();
            return new ActivityFileResult(path, ActivityFileStatus.Read, activity, null, all, hash) { Content = content };
        }

        var error = fit.Error ?? "no activity in the file";
        if (!error.StartsWith(file, StringComparison.Ordinal))
        {
            error = $"{file}: {error}";
        }

        if (fit.FileType is { } type && !string.Equals(type, "activity", StringComparison.OrdinalIgnoreCase))
        {
            return ActivityFileResult.Skipped(path, fit.Error is null ? $"{file}: a FIT {type} file, not an activity" : error, hash);
        }

        return ActivityFileResult.Failed(path, error, hash, warnings);
    }

    private static ActivityFileResult ReadXml(string path, byte[] content, string extension)
    {
        var file = FileName(path);
        var hash = Hash(content);
        var outcome = ActivityXml.Read(content, file, out var root);
        if (outcome.Activity is { } activity)
        {
            return new ActivityFileResult(path, ActivityFileStatus.Read, activity, null, outcome.Warnings.ToList(), hash) { Content = content };
        }

        var error = outcome.Error ?? $"{file}: could not be read";
        var isActivityXml = root is "gpx" or "TrainingCenterDatabase";
        return isActivityXml || extension is ".gpx" or ".tcx"
            ? ActivityFileResult.Failed(path, error, hash, outcome.Warnings.ToList())
            : ActivityFileResult.Skipped(path, root is null ? $"{file}: not an activity file (XML that is neither GPX nor TCX)" : error, hash);
    }

    /// <summary>Lowercase hex SHA-256.</summary>
    internal static string Hash(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>The last name in a path or archive path (<c>a/b.zip!x/run.gpx</c> -> <c>run.gpx</c>): the first word of every message.</summary>
    internal static string FileName(string path)
    {
        var cut = path.LastIndexOfAny(['/', '\\', '!']);
        var name = cut >= 0 && cut < path.Length - 1 ? path[(cut + 1)..] : path;
        return name.Length == 0 ? path : name;
    }

    internal static bool IsZipBytes(ReadOnlySpan<byte> head) => ContentSniffer.Kind(head) == ContentKind.Zip;

    internal static ZipArchive OpenZip(Stream stream) => new(stream, ZipArchiveMode.Read, leaveOpen: true);
}
