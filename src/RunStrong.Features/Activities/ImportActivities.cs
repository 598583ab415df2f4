using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using RunStrong.ActivityFiles;
using RunStrong.Data;
using RunStrong.Data.Entities;
using RunStrong.Domain.Activities;
using RunStrong.Domain.Activities.Metrics;
using RunStrong.Domain.Catalogue;
using RunStrong.Features.Common;

namespace RunStrong.Features.Activities;

/// <summary>
/// Imports activity files (paths on disk, or uploaded files) into the runner's activities, one result per file,
/// streamed as each file is done. A file already imported (the same content, or the same start second and sport)
/// is a duplicate and is skipped; one bad file never stops the batch. Memory stays bounded whatever the batch
/// size: files are read one at a time, saved in small batches, and the change tracker is cleared after each.
/// </summary>
public static class ImportActivities
{
    /// <summary>What happened to one file.</summary>
    public enum FileStatus
    {
        Imported,
        Duplicate,
        Failed,
        Skipped,
    }

    /// <summary>The outcome for one file (or archive member).</summary>
    /// <param name="Path">As given, or <c>archive.zip!member.fit</c> for a member of an archive.</param>
    /// <param name="ActivityId">The stored activity: the new one when imported, the existing one when a duplicate.</param>
    /// <param name="Error">Why it failed, why it was skipped, or what it duplicates; starts with the file's name.</param>
    public sealed record FileResult(
        string Path,
        FileStatus Status,
        long? ActivityId,
        string? Error,
        string? Sport,
        DateTime? StartTime,
        double? DistanceMeters,
        IReadOnlyList<string> Warnings)
    {
        /// <summary>
        /// The strength session logged from the file's strength sets (a watch's strength activity), with how many sets
        /// it holds, how many wait for their Garmin exercise to be mapped, and the hand-logged session the runner is
        /// asked to choose against; null when the file has no strength sets.
        /// </summary>
        public Training.WatchStrength.Logged? Strength { get; init; }
    }

    /// <summary>The whole batch (what <c>runstrong import --json</c> prints).</summary>
    public sealed record Report(int Imported, int Duplicates, int Failed, int Skipped, IReadOnlyList<FileResult> Files)
    {
        public static Report From(IReadOnlyList<FileResult> files) => new(
            files.Count(f => f.Status == FileStatus.Imported),
            files.Count(f => f.Status == FileStatus.Duplicate),
            files.Count(f => f.Status == FileStatus.Failed),
            files.Count(f => f.Status == FileStatus.Skipped),
            files);
    }

    /// <summary>What the runner tells an import.</summary>
    /// <param name="DateForFilesWithoutTimes">
    /// The day a file without times was recorded (a planned route, a GPX of bare points): its start is this day at 00:00
    /// UTC. It also replaces a date such a file takes from its own metadata (the runner confirms the day). Files whose
    /// records carry times keep their own. Without it, a file with neither times nor a date is refused, saying so.
    /// </param>
    public sealed record Options(DateOnly? DateForFilesWithoutTimes = null)
    {
        public static readonly Options None = new();
    }

    /// <summary>An uploaded file: its name as the browser gave it, and a way to open its bytes.</summary>
    public sealed record Upload(string FileName, Func<Stream> Open);

    /// <summary>Largest number of activities held before they are saved.</summary>
    internal const int BatchFiles = 20;

    /// <summary>Largest amount of compressed original files held before they are saved.</summary>
    internal const int BatchBytes = 8 * 1024 * 1024;

    /// <summary>Pending activities are saved at the latest this long after the first of them was read, so results keep flowing.</summary>
    internal static readonly TimeSpan BatchAge = TimeSpan.FromMilliseconds(500);

    /// <summary>Files, folders (recursively), zip archives, Strava and Garmin exports on disk.</summary>
    public static IAsyncEnumerable<FileResult> FromPathsAsync(
        RunStrongDbContext db, ICurrentRunner runner, TimeProvider clock, IEnumerable<string> paths, CancellationToken cancellationToken = default) =>
        FromPathsAsync(db, runner, clock, paths, Options.None, cancellationToken);

    /// <summary>Files, folders, archives and exports on disk, with what the runner told the import.</summary>
    public static IAsyncEnumerable<FileResult> FromPathsAsync(
        RunStrongDbContext db, ICurrentRunner runner, TimeProvider clock, IEnumerable<string> paths, Options options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return ImportAsync(db, runner, clock, ActivityFileReader.ReadAll(paths), options ?? Options.None, cancellationToken);
    }

    /// <summary>Uploaded files: activity files (gzipped or not) and zip archives (including whole exports).</summary>
    public static IAsyncEnumerable<FileResult> FromUploadsAsync(
        RunStrongDbContext db, ICurrentRunner runner, TimeProvider clock, IEnumerable<Upload> uploads, CancellationToken cancellationToken = default) =>
        FromUploadsAsync(db, runner, clock, uploads, Options.None, cancellationToken);

    /// <summary>Uploaded files, with what the runner told the import (the upload form's date).</summary>
    public static IAsyncEnumerable<FileResult> FromUploadsAsync(
        RunStrongDbContext db, ICurrentRunner runner, TimeProvider clock, IEnumerable<Upload> uploads, Options options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(uploads);
        return ImportAsync(db, runner, clock, uploads.SelectMany(ReadUpload), options ?? Options.None, cancellationToken);
    }

    /// <summary>Runs a whole batch and collects the report.</summary>
    public static async Task<Report> CollectAsync(IAsyncEnumerable<FileResult> results, CancellationToken cancellationToken = default)
    {
        var files = new List<FileResult>();
        await foreach (var result in results.WithCancellation(cancellationToken))
        {
            files.Add(result);
        }

        return Report.From(files);
    }

    private static IEnumerable<ActivityFileResult> ReadUpload(Upload upload)
    {
        var name = string.IsNullOrWhiteSpace(upload.FileName) ? "(unnamed upload)" : System.IO.Path.GetFileName(upload.FileName);
        byte[] content;
        try
        {
            using var stream = upload.Open();
            if (stream.CanSeek && stream.Length - stream.Position <= ActivityFileReader.MaxFileBytes)
            {
                // One exact-size copy (form uploads are buffered and seekable), not a growing buffer and a second copy.
                content = new byte[stream.Length - stream.Position];
                stream.ReadExactly(content);
            }
            else
            {
                using var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                content = buffer.ToArray();
            }
        }
        catch (IOException ex)
        {
            return [new ActivityFileResult(name, ActivityFileStatus.Failed, null, $"{name}: the upload could not be read ({ex.Message})", [], null)];
        }

        return ActivityFileReader.ReadMany(name, content);
    }

    private static async IAsyncEnumerable<FileResult> ImportAsync(
        RunStrongDbContext db, ICurrentRunner runner, TimeProvider clock, IEnumerable<ActivityFileResult> files, Options options,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var owner = runner.RunnerId;
        var preferences = await Settings.RunnerPreferences.GetAsync(db, runner, cancellationToken);
        var pending = new List<(StoredActivity Row, FileResult Result)>();
        var pendingSets = new List<Domain.Activities.Activity>();
        var watch = new Training.WatchStrength.Context(db, runner);
        var pendingHashes = new Dictionary<string, string>(StringComparer.Ordinal);
        var pendingStarts = new Dictionary<(DateTime, string), string>();
        var pendingBytes = 0L;
        var firstPending = Stopwatch.StartNew();

        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();

            // Duplicates are recognised before the metrics are worked out: a re-import costs a read and a lookup per file.
            if (file is { Status: ActivityFileStatus.Read, Activity: { } activity, ContentHash: { } hash })
            {
                // A start the file does not give (none, or the runner's day) says nothing about sameness: only the
                // content can match then. A file's own time (recorded, or its metadata's to the second) can.
                var start = activity.StartTimeSource is StartTimeSource.Recorded or StartTimeSource.FileMetadata
                    ? DateTime.SpecifyKind(activity.StartTime, DateTimeKind.Utc)
                    : DateTime.MinValue;
                var sport = Clip(Kebab.Name(activity.Sport), 30)!;
                var seen = new FileResult(file.Path, FileStatus.Duplicate, null, null, sport, start, null, file.Warnings);
                var (duplicate, completes) = pendingHashes.TryGetValue(hash, out var samePath)
                    ? (Duplicate(seen, null, $"the same file as {samePath}, earlier in this import"), null)
                    : HasKnownStart(start) && pendingStarts.TryGetValue((Second(start), sport), out var sameStart)
                        ? (Duplicate(seen, null, $"the same {Noun(sport)} at the same start time as {sameStart}, earlier in this import"), null)
                        : await FindDuplicateAsync(db, owner, hash, start, sport, activity, seen, cancellationToken);
                if (completes is { } existing)
                {
                    yield return await CompleteAsync(db, file, existing, owner, preferences, clock, options, cancellationToken);
                    continue;
                }

                if (duplicate is not null)
                {
                    yield return duplicate;
                    continue;
                }
            }

            var (row, result) = Prepare(file, owner, preferences, clock, options);
            if (row is null)
            {
                yield return result;
                continue;
            }

            var startKey = (Second(row.StartTime), row.Sport);
            if (pending.Count == 0)
            {
                firstPending.Restart();
            }

            pending.Add((row, result));
            pendingSets.Add(file.Activity!);
            pendingHashes[row.ContentHash] = file.Path;
            if (HasKnownStart(row.StartTime) && file.Activity!.StartTimeSource is StartTimeSource.Recorded or StartTimeSource.FileMetadata)
            {
                pendingStarts[startKey] = file.Path;
            }

            pendingBytes += row.File!.GzipContent.Length;
            if (pending.Count >= BatchFiles || pendingBytes >= BatchBytes || firstPending.Elapsed >= BatchAge)
            {
                foreach (var saved in await SaveWithStrengthAsync(db, runner, clock, watch, preferences, pending, pendingSets, cancellationToken))
                {
                    yield return saved;
                }

                pending.Clear();
                pendingSets.Clear();
                pendingHashes.Clear();
                pendingStarts.Clear();
                pendingBytes = 0;
            }
        }

        foreach (var saved in await SaveWithStrengthAsync(db, runner, clock, watch, preferences, pending, pendingSets, cancellationToken))
        {
            yield return saved;
        }
    }

    /// <summary>Saves a batch, then logs the strength sets of each activity stored (a watch's strength activity) as a session.</summary>
    private static async Task<IReadOnlyList<FileResult>> SaveWithStrengthAsync(
        RunStrongDbContext db, ICurrentRunner runner, TimeProvider clock, Training.WatchStrength.Context watch, Settings.RunnerPreferences preferences,
        List<(StoredActivity Row, FileResult Result)> pending, List<Domain.Activities.Activity> activities, CancellationToken cancellationToken)
    {
        var saved = await SaveAsync(db, pending, cancellationToken);
        var results = new List<FileResult>(saved.Count);
        for (var i = 0; i < saved.Count; i++)
        {
            var result = saved[i];
            var activity = activities[i];
            if (result is { Status: FileStatus.Imported, ActivityId: { } id } && activity.StrengthSets.Count > 0)
            {
                var row = pending[i].Row;
                try
                {
                    var logged = await Training.WatchStrength.LogFromActivityAsync(
                        db, runner, clock, watch, id, row.LocalDate, activity.StrengthSets, row.ElapsedSeconds, preferences, cancellationToken);
                    result = result with { Strength = logged };
                }
                catch (DbUpdateException ex)
                {
                    db.ChangeTracker.Clear();
                    result = result with { Warnings = [.. result.Warnings, $"{FileName(result.Path)}: stored, but its strength sets could not be logged ({(ex.InnerException ?? ex).Message})"] };
                }
            }

            results.Add(result);
        }

        return results;
    }

    /// <summary>Summarises a read file into a row ready to save; files that were not read become their result at once.</summary>
    private static (StoredActivity? Row, FileResult Result) Prepare(ActivityFileResult file, Guid owner, Settings.RunnerPreferences preferences, TimeProvider clock, Options options)
    {
        if (file.Status == ActivityFileStatus.Skipped)
        {
            return (null, new FileResult(file.Path, FileStatus.Skipped, null, file.Error, null, null, null, file.Warnings));
        }

        if (file.Status != ActivityFileStatus.Read || file.Activity is not { } activity || file.Content is not { } content || file.ContentHash is not { } hash)
        {
            return (null, new FileResult(file.Path, FileStatus.Failed, null, file.Error ?? $"{FileName(file.Path)}: could not be read", null, null, null, file.Warnings));
        }

        try
        {
            var analysis = ActivityAnalysis.Of(activity);
            if (analysis.WhyNotAnActivity() is { } notAnActivity)
            {
                return (null, new FileResult(file.Path, FileStatus.Failed, null, $"{FileName(file.Path)}: {notAnActivity}", null, null, null, file.Warnings));
            }

            DateOnly? enteredDay = null;
            if (activity.StartTimeSource is StartTimeSource.Unknown or StartTimeSource.FileMetadata && options.DateForFilesWithoutTimes is { } day)
            {
                // The day rule of everything logged (LoggedDays): a run is dated 1990-01-01 to the runner's today.
                if (!LoggedDays.IsLoggable(day, preferences.Today(clock)))
                {
                    return (null, new FileResult(file.Path, FileStatus.Failed, null,
                        $"{FileName(file.Path)}: the date given for it, {day:yyyy-MM-dd}, is not a day a run can be logged on ({LoggedDays.Earliest:yyyy-MM-dd} to today)",
                        null, null, null, file.Warnings));
                }

                enteredDay = day;
                activity.StartTime = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
                activity.StartTimeSource = StartTimeSource.Entered;
            }
            else if (activity.StartTimeSource == StartTimeSource.Unknown)
            {
                var what = activity.TimesRecorded ? "no date in this file" : "no times in this file, and no date";
                return (null, new FileResult(file.Path, FileStatus.Failed, null,
                    $"{FileName(file.Path)}: {what}: give the day it was recorded (runstrong import --date YYYY-MM-DD, or the date on the upload page)",
                    null, null, null, file.Warnings));
            }

            var summary = analysis.Summary;
            var fileName = StoredFileName(file.Path, activity.Format);
            IReadOnlyList<string> warnings = activity.CutShort
                ? [.. file.Warnings, $"{FileName(file.Path)}: this copy of the recording is cut short; import the whole file when you have it and it completes this activity"]
                : file.Warnings;
            var row = new StoredActivity
            {
                OwnerId = owner,
                Format = Kebab.Name(activity.Format),
                Sport = Clip(Kebab.Name(activity.Sport), 30)!,
                SubSport = Clip(activity.SubSport, 50),
                StartTime = DateTime.SpecifyKind(activity.StartTime, DateTimeKind.Utc),
                // An entered day is the runner's own day; a recorded start falls on the day it was in the runner's zone.
                LocalDate = enteredDay ?? preferences.DayOf(activity.StartTime),
                Name = Clip(activity.Name, 500),
                Description = activity.Description,
                DistanceMeters = summary.DistanceMeters,
                ElapsedSeconds = summary.ElapsedSeconds,
                MovingSeconds = summary.MovingSeconds,
                AscentMeters = summary.AscentMeters ?? 0,
                DescentMeters = summary.DescentMeters ?? 0,
                AverageHeartRate = summary.AverageHeartRate,
                MaxHeartRate = summary.MaxHeartRate,
                RecordCount = activity.Records.Count,
                ContentHash = hash,
                SourcePath = Clip(file.Path, 2000)!,
                SummaryJson = StoredSummary.From(summary, warnings, activity.StartTimeSource, activity.CutShort).ToJson(),
                ImportedAt = clock.GetUtcNow().UtcDateTime,
                File = new ActivityFile { OwnerId = owner, FileName = Clip(fileName, 500)!, GzipContent = Gzip(content) },
            };
            var result = new FileResult(file.Path, FileStatus.Imported, null, null, row.Sport, row.StartTime, row.DistanceMeters, warnings);
            return (row, result);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or ArithmeticException or IndexOutOfRangeException)
        {
            return (null, new FileResult(file.Path, FileStatus.Failed, null, $"{FileName(file.Path)}: read, but its summary could not be worked out ({ex.Message})", null, null, null, file.Warnings));
        }
    }

    /// <summary>An activity stored already that this file completes: one from a copy cut short, or one without its file.</summary>
    private sealed record Completion(long Id, bool WasCutShort);

    /// <summary>
    /// The activity this file duplicates (the same content, or the same sport starting the same second), as its result;
    /// or, when that activity came from a copy of the same recording that was cut short and this file is complete, or came
    /// in without its original file (an export whose copy was damaged) and this is that file, the activity to complete
    /// from this file instead (<see cref="CompleteAsync"/>).
    /// </summary>
    private static async Task<(FileResult? Duplicate, Completion? Completes)> FindDuplicateAsync(
        RunStrongDbContext db, Guid owner, string hash, DateTime start, string sport, Domain.Activities.Activity activity, FileResult result,
        CancellationToken cancellationToken)
    {
        var known = HasKnownStart(start);
        var from = Second(start);
        var to = from.AddSeconds(1);
        var existing = await db.Activities
            .Where(a => a.OwnerId == owner && (a.ContentHash == hash || (known && a.Sport == sport && a.StartTime >= from && a.StartTime < to)))
            .OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.ContentHash, a.SourcePath, HasFile = a.File != null })
            .FirstOrDefaultAsync(cancellationToken);
        if (existing is null)
        {
            return (null, null);
        }

        if (existing.ContentHash == hash)
        {
            return existing.HasFile
                ? (Duplicate(result, existing.Id, $"already imported (the same file as activity {existing.Id}, from {FileName(existing.SourcePath)})"), null)
                : (null, new Completion(existing.Id, WasCutShort: false));
        }

        // A watch's strength activity also logged a session from its sets: that stays as it is (the file is a duplicate).
        // Its summary is read only then: a re-import of many files costs one small lookup each, as before.
        if (!activity.CutShort && activity.StrengthSets.Count == 0
            && StoredSummary.Read(await db.Activities.Where(a => a.Id == existing.Id).Select(a => a.SummaryJson).SingleAsync(cancellationToken)).CutShort)
        {
            return (null, new Completion(existing.Id, WasCutShort: true));
        }

        return (Duplicate(result, existing.Id, $"already imported (activity {existing.Id}, from {FileName(existing.SourcePath)}, is the same {Noun(sport)} starting the same second)"), null);
    }

    /// <summary>
    /// Completes an activity stored from a copy of this recording that was cut short (or without its file) from this file:
    /// its file, distance, times, climbing, heart rate and records become this file's; what the runner gave it (name, run
    /// type, RPE, day, the plan it counts for) stays. The result is an import of the same activity, saying so.
    /// </summary>
    private static async Task<FileResult> CompleteAsync(
        RunStrongDbContext db, ActivityFileResult file, Completion completion, Guid owner, Settings.RunnerPreferences preferences, TimeProvider clock,
        Options options, CancellationToken cancellationToken)
    {
        var id = completion.Id;
        var (row, result) = Prepare(file, owner, preferences, clock, options);
        if (row is null)
        {
            return result;
        }

        try
        {
            var existing = await db.Activities.AsTracking().Include(a => a.File).SingleAsync(a => a.OwnerId == owner && a.Id == id, cancellationToken);
            var was = FileName(existing.SourcePath);
            existing.Format = row.Format;
            existing.SubSport = row.SubSport;
            existing.StartTime = row.StartTime;
            existing.DistanceMeters = row.DistanceMeters;
            existing.ElapsedSeconds = row.ElapsedSeconds;
            existing.MovingSeconds = row.MovingSeconds;
            existing.AscentMeters = row.AscentMeters;
            existing.DescentMeters = row.DescentMeters;
            existing.AverageHeartRate = row.AverageHeartRate;
            existing.MaxHeartRate = row.MaxHeartRate;
            existing.RecordCount = row.RecordCount;
            existing.ContentHash = row.ContentHash;
            existing.SourcePath = row.SourcePath;
            existing.SummaryJson = row.SummaryJson;
            existing.ImportedAt = row.ImportedAt;
            if (existing.File is { } stored)
            {
                stored.FileName = row.File!.FileName;
                stored.GzipContent = row.File.GzipContent;
            }
            else
            {
                existing.File = row.File;
            }

            await db.SaveChangesAsync(cancellationToken);
            var said = completion.WasCutShort
                ? string.Create(CultureInfo.InvariantCulture,
                    $"{FileName(file.Path)}: completes activity {id}, stored from {was}, which was cut short: its distance, times and records are now this file's ({row.DistanceMeters / 1000:0.00} km)")
                : $"{FileName(file.Path)}: the original file of activity {id}, which came in without it; stored with it now";
            return result with { ActivityId = id, Warnings = [.. result.Warnings, said] };
        }
        catch (DbUpdateException ex)
        {
            return result with { Status = FileStatus.Failed, Error = $"{FileName(file.Path)}: read, but could not complete activity {id} with it ({(ex.InnerException ?? ex).Message})" };
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>The sport's activity as a noun for a sentence: "running" -> "run", "cycling" -> "ride".</summary>
    private static string Noun(string sport) => sport switch
    {
        "running" => "run",
        "cycling" => "ride",
        "walking" => "walk",
        "hiking" => "hike",
        "swimming" => "swim",
        "training" => "workout",
        _ => "activity",
    };

    private static FileResult Duplicate(FileResult result, long? existingId, string why) =>
        result with { Status = FileStatus.Duplicate, ActivityId = existingId, Error = $"{FileName(result.Path)}: {why}" };

    /// <summary>
    /// Saves a batch in one round trip and clears the change tracker. If the batch cannot be saved (a row the database
    /// refuses), each row is tried alone so only the bad one fails.
    /// </summary>
    private static async Task<IReadOnlyList<FileResult>> SaveAsync(RunStrongDbContext db, List<(StoredActivity Row, FileResult Result)> pending, CancellationToken cancellationToken)
    {
        if (pending.Count == 0)
        {
            return [];
        }

        try
        {
            db.Activities.AddRange(pending.Select(p => p.Row));
            await db.SaveChangesAsync(cancellationToken);
            return pending.Select(p => p.Result with { ActivityId = p.Row.Id }).ToList();
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
        }
        finally
        {
            db.ChangeTracker.Clear();
        }

        var results = new List<FileResult>(pending.Count);
        foreach (var (row, result) in pending)
        {
            row.Id = 0;
            row.File!.ActivityId = 0;
            try
            {
                db.Activities.Add(row);
                await db.SaveChangesAsync(cancellationToken);
                results.Add(result with { ActivityId = row.Id });
            }
            catch (DbUpdateException ex)
            {
                results.Add(result with { Status = FileStatus.Failed, Error = $"{FileName(result.Path)}: read, but could not be stored ({(ex.InnerException ?? ex).Message})" });
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }

        return results;
    }

    /// <summary>
    /// Files without times (a planned route, a GPX of bare points) start at <see cref="DateTime.MinValue"/>, and FIT's
    /// zero time is 1989-12-31: such start times say nothing, so they never make two activities the same.
    /// </summary>
    private static bool HasKnownStart(DateTime start) => start > UnknownStartBefore;

    private static readonly DateTime UnknownStartBefore = new(1990, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static DateTime Second(DateTime time) =>
        new(time.Ticks - (time.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);

    private static byte[] Gzip(byte[] content)
    {
        using var output = new MemoryStream(content.Length / 4 + 64);
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(content);
        }

        return output.ToArray();
    }

    /// <summary>The stored original's name: the member's own name, without a .gz the content no longer has.</summary>
    private static string StoredFileName(string path, ActivityFormat format)
    {
        var name = FileName(path);
        if (name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            name = name[..^3];
        }

        var extension = "." + Kebab.Name(format);
        return name.EndsWith(extension, StringComparison.OrdinalIgnoreCase) ? name : name + extension;
    }

    /// <summary>The last name in a path or archive path (<c>a/b.zip!x/run.gpx</c> gives <c>run.gpx</c>).</summary>
    public static string FileName(string path)
    {
        var cut = path.LastIndexOfAny(['/', '\\', '!']);
        return cut >= 0 && cut < path.Length - 1 ? path[(cut + 1)..] : path;
    }

    private static string? Clip(string? text, int length) => text is null || text.Length <= length ? text : text[..length];
}
