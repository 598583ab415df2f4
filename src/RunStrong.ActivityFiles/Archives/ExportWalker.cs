using System.IO.Compression;

namespace RunStrong.ActivityFiles.Archives;

/// <summary>
/// Walks folders and zip archives one file at a time (only one file's bytes in memory), recognising Strava bulk
/// exports (an activities.csv with a Filename column) and nested zips (Garmin exports). Every failure becomes a
/// result; nothing here throws for bad input.
/// </summary>
internal static class ExportWalker
{
    private const int SniffBytes = 64;

    private static readonly EnumerationOptions OneLevel = FolderWalk.Options(recurse: false);

    // ---- Files on disk ---------------------------------------------------------------------------------------

    public static IEnumerable<ActivityFileResult> DiskFile(string path) => DiskFile(path, strava: null);

    private static IEnumerable<ActivityFileResult> DiskFile(string path, (StravaExport Export, string Relative)? strava)
    {
        var (kind, length, error) = SniffDiskFile(path);
        if (error is not null)
        {
            yield return ActivityFileResult.Failed(path, error);
            yield break;
        }

        if (kind == ContentKind.Zip)
        {
            FileStream? stream = null;
            string? openError = null;
            try
            {
                stream = File.OpenRead(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                openError = $"{Name(path)}: cannot be opened ({ex.Message})";
            }

            if (stream is null)
            {
                yield return ActivityFileResult.Failed(path, openError!);
                yield break;
            }

            using (stream)
            {
                foreach (var result in Zip(stream, path, depth: 1))
                {
                    yield return result;
                }
            }

            yield break;
        }

        if (kind == ContentKind.Unknown && !ContentSniffer.HasActivityExtension(path) && !ContentSniffer.IsGzipName(path))
        {
            yield return ActivityFileResult.Skipped(path, $"{Name(path)}: not an activity file (FIT, GPX or TCX)");
            yield break;
        }

        if (length > ActivityFileReader.MaxFileBytes)
        {
            yield return ActivityFileResult.Failed(path, $"{Name(path)}: {length / (1024 * 1024)} MB is larger than the {ActivityFileReader.MaxFileBytes / (1024 * 1024)} MB an activity file may be");
            yield break;
        }

        byte[] content;
        try
        {
            content = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            content = [];
            error = $"{Name(path)}: cannot be read ({ex.Message})";
        }

        yield return error is not null
            ? ActivityFileResult.Failed(path, error)
            : WithStrava(ActivityFileReader.ReadBytes(path, content), strava);
    }

    private static (ContentKind Kind, long Length, string? Error) SniffDiskFile(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return (ContentSniffer.Kind(BoundedStreams.Head(stream, SniffBytes)), stream.Length, null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (ContentKind.Unknown, 0, $"{Name(path)}: cannot be opened ({ex.Message})");
        }
    }

    // ---- Folders ---------------------------------------------------------------------------------------------

    public static IEnumerable<ActivityFileResult> Folder(string folder) => Folder(folder, strava: null);

    private static IEnumerable<ActivityFileResult> Folder(string folder, StravaExport? strava)
    {
        var (files, folders, error) = List(folder);
        if (error is not null)
        {
            yield return ActivityFileResult.Failed(folder, error);
            yield break;
        }

        // A Strava export: its activities.csv names the files below this folder.
        StravaExport? ownExport = null;
        var indexPath = files.FirstOrDefault(f => string.Equals(Path.GetFileName(f), StravaExport.IndexFileName, StringComparison.OrdinalIgnoreCase));
        if (indexPath is not null)
        {
            ownExport = LoadIndex(indexPath, Path.TrimEndingDirectorySeparator(folder) + Path.DirectorySeparatorChar);
            strava = ownExport ?? strava;
        }

        foreach (var file in files)
        {
            if (ownExport is not null && file == indexPath)
            {
                yield return SkippedIndex(file, ownExport);
                continue;
            }

            (StravaExport, string)? match = strava is null ? null : (strava, Path.GetRelativePath(strava.Root, file).Replace('\\', '/'));
            foreach (var result in DiskFile(file, match))
            {
                yield return result;
            }
        }

        foreach (var sub in folders)
        {
            foreach (var result in Folder(sub, strava))
            {
                yield return result;
            }
        }

        if (ownExport is not null)
        {
            foreach (var result in Leftovers(ownExport, relative => Path.Combine(folder, relative.Replace('/', Path.DirectorySeparatorChar)), indexPath!))
            {
                yield return result;
            }
        }
    }

    private static (List<string> Files, List<string> Folders, string? Error) List(string folder)
    {
        try
        {
            var files = Directory.EnumerateFiles(folder, "*", OneLevel).Order(StringComparer.Ordinal).ToList();
            var folders = Directory.EnumerateDirectories(folder, "*", OneLevel).Order(StringComparer.Ordinal).ToList();
            return (files, folders, null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ([], [], $"{Name(folder)}: the folder cannot be listed ({ex.Message})");
        }
    }

    private static StravaExport? LoadIndex(string indexPath, string root)
    {
        try
        {
            using var stream = File.OpenRead(indexPath);
            return stream.Length > StravaExport.MaxIndexBytes ? null : StravaExport.TryLoad(stream, root);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    // ---- Zip archives -----------------------------------------------------------------------------------------

    /// <summary>Reads every member of a zip (seekable stream), one at a time; nested zips are walked through a temp file.</summary>
    public static IEnumerable<ActivityFileResult> Zip(Stream stream, string archivePath, int depth)
    {
        var (archive, error) = TryOpen(stream, archivePath);
        if (archive is null)
        {
            yield return ActivityFileResult.Failed(archivePath, error!);
            yield break;
        }

        using (archive)
        {
            var entries = archive.Entries.Where(e => !e.FullName.EndsWith('/') && e.Name.Length > 0).OrderBy(e => e.FullName, StringComparer.Ordinal).ToList();

            // Strava exports inside the zip, keyed by their root prefix ("" or "export_123/").
            var exports = new List<(StravaExport Export, ZipArchiveEntry Index)>();
            foreach (var entry in entries.Where(e => string.Equals(e.Name, StravaExport.IndexFileName, StringComparison.OrdinalIgnoreCase)))
            {
                if (LoadIndex(entry, entry.FullName[..^entry.Name.Length]) is { } export)
                {
                    exports.Add((export, entry));
                }
            }

            foreach (var entry in entries)
            {
                var memberPath = $"{archivePath}!{entry.FullName}";
                var own = exports.FirstOrDefault(x => x.Index == entry);
                if (own.Export is not null)
                {
                    yield return SkippedIndex(memberPath, own.Export);
                    continue;
                }

                var export = exports.Where(x => entry.FullName.StartsWith(x.Export.Root, StringComparison.Ordinal))
                    .OrderByDescending(x => x.Export.Root.Length).Select(x => x.Export).FirstOrDefault();
                var match = export is null ? ((StravaExport, string)?)null : (export, entry.FullName[export.Root.Length..]);
                foreach (var result in Member(entry, memberPath, depth, match))
                {
                    yield return result;
                }
            }

            foreach (var (export, index) in exports)
            {
                foreach (var result in Leftovers(export, relative => $"{archivePath}!{export.Root}{relative}", $"{archivePath}!{index.FullName}"))
                {
                    yield return result;
                }
            }
        }
    }

    private static (ZipArchive? Archive, string? Error) TryOpen(Stream stream, string archivePath)
    {
        try
        {
            var archive = ActivityFileReader.OpenZip(stream);
            _ = archive.Entries.Count; // reads the central directory now, so a damaged one fails here
            return (archive, null);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or ArgumentException or NotSupportedException)
        {
            return (null, $"{Name(archivePath)}: not a readable zip archive ({ex.Message})");
        }
    }

    private static IEnumerable<ActivityFileResult> Member(ZipArchiveEntry entry, string memberPath, int depth, (StravaExport Export, string Relative)? strava)
    {
        var (head, headError) = EntryHead(entry, memberPath);
        if (headError is not null)
        {
            yield return ActivityFileResult.Failed(memberPath, headError);
            yield break;
        }

        var kind = ContentSniffer.Kind(head);
        if (kind == ContentKind.Zip)
        {
            if (depth >= ActivityFileReader.MaxArchiveDepth)
            {
                yield return ActivityFileResult.Failed(memberPath, $"{Name(memberPath)}: zip archives nested more than {ActivityFileReader.MaxArchiveDepth} deep; refused");
                yield break;
            }

            var (temp, tempError) = ExtractToTemp(entry, memberPath);
            if (temp is null)
            {
                yield return ActivityFileResult.Failed(memberPath, tempError!);
                yield break;
            }

            using (temp)
            {
                foreach (var result in Zip(temp, memberPath, depth + 1))
                {
                    yield return result;
                }
            }

            yield break;
        }

        if (kind == ContentKind.Unknown && !ContentSniffer.HasActivityExtension(entry.Name) && !ContentSniffer.IsGzipName(entry.Name))
        {
            yield return ActivityFileResult.Skipped(memberPath, $"{Name(memberPath)}: not an activity file (FIT, GPX or TCX)");
            yield break;
        }

        var (content, error) = ReadEntry(entry, memberPath);
        yield return content is null
            ? ActivityFileResult.Failed(memberPath, error!)
            : WithStrava(ActivityFileReader.ReadBytes(memberPath, content), strava);
    }

    private static (byte[] Head, string? Error) EntryHead(ZipArchiveEntry entry, string memberPath)
    {
        try
        {
            using var stream = entry.Open();
            return (BoundedStreams.Head(stream, SniffBytes), null);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or NotSupportedException)
        {
            return ([], $"{Name(memberPath)}: damaged inside the zip archive ({ex.Message})");
        }
    }

    private static (byte[]? Content, string? Error) ReadEntry(ZipArchiveEntry entry, string memberPath)
    {
        if (entry.Length > ActivityFileReader.MaxFileBytes)
        {
            return (null, $"{Name(memberPath)}: {entry.Length / (1024 * 1024)} MB is larger than the {ActivityFileReader.MaxFileBytes / (1024 * 1024)} MB an activity file may be");
        }

        try
        {
            using var stream = entry.Open();
            var content = BoundedStreams.ReadAll(stream, ActivityFileReader.MaxFileBytes, entry.Length);
            return content is null
                ? (null, $"{Name(memberPath)}: unpacks to more than {ActivityFileReader.MaxFileBytes / (1024 * 1024)} MB; refused (a zip bomb?)")
                : (content, null);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or NotSupportedException)
        {
            return (null, $"{Name(memberPath)}: damaged inside the zip archive ({ex.Message})");
        }
    }

    /// <summary>A nested zip needs a seekable stream: it goes to a temp file deleted on close (bounded in size).</summary>
    private static (FileStream? Temp, string? Error) ExtractToTemp(ZipArchiveEntry entry, string memberPath)
    {
        FileStream? temp = null;
        try
        {
            temp = new FileStream(Path.Combine(Path.GetTempPath(), "runstrong-" + Guid.NewGuid().ToString("N") + ".zip"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
            using (var source = entry.Open())
            {
                if (!BoundedStreams.CopyBounded(source, temp, ActivityFileReader.MaxFileBytes))
                {
                    temp.Dispose();
                    return (null, $"{Name(memberPath)}: unpacks to more than {ActivityFileReader.MaxFileBytes / (1024 * 1024)} MB; refused (a zip bomb?)");
                }
            }

            temp.Position = 0;
            return (temp, null);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            temp?.Dispose();
            return (null, $"{Name(memberPath)}: the inner zip archive cannot be unpacked ({ex.Message})");
        }
    }

    private static StravaExport? LoadIndex(ZipArchiveEntry entry, string root)
    {
        if (entry.Length > StravaExport.MaxIndexBytes)
        {
            return null;
        }

        try
        {
            using var stream = entry.Open();
            return StravaExport.TryLoad(stream, root);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or NotSupportedException)
        {
            return null;
        }
    }

    // ---- Strava ----------------------------------------------------------------------------------------------

    private static ActivityFileResult WithStrava(ActivityFileResult result, (StravaExport Export, string Relative)? strava)
    {
        if (strava is not { } s || s.Export.Match(s.Relative) is not { } row || result.Activity is null)
        {
            return result;
        }

        StravaExport.Apply(row, result.Activity);
        return result;
    }

    private static ActivityFileResult SkippedIndex(string path, StravaExport export) =>
        ActivityFileResult.Skipped(path, $"{Name(path)}: the Strava export's index ({export.Rows.Count} activities); used for names, sports and descriptions");

    private static IEnumerable<ActivityFileResult> Leftovers(StravaExport export, Func<string, string> pathOf, string indexPath)
    {
        foreach (var row in export.Unmatched())
        {
            var path = pathOf(row.Filename);
            yield return ActivityFileResult.Failed(path, $"{Name(path)}: listed in {StravaExport.IndexFileName} (row {row.RowNumber}, activity {row.ActivityId}{Quoted(row.Name)}) but missing from the export");
        }

        foreach (var row in export.WithoutFile())
        {
            yield return ActivityFileResult.Skipped($"{indexPath}#{row.ActivityId}", $"{StravaExport.IndexFileName}: row {row.RowNumber}, activity {row.ActivityId}{Quoted(row.Name)} has no file (entered by hand on Strava)");
        }
    }

    private static string Quoted(string? name) => name is null ? string.Empty : $" \"{name}\"";

    private static string Name(string path) => ActivityFileReader.FileName(path);
}
