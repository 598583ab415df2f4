using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RunStrong.Data;
using RunStrong.Data.Entities;
using RunStrong.Features.Common;

namespace RunStrong.Features.Activities;

/// <summary>
/// Background imports (docs/decisions/0029): a large upload becomes a job stored in the database (its files, then one
/// result per entry), so any web node can run it, a crashed or killed run can be run again, and the runner can watch
/// and cancel it. The import itself is <see cref="ImportActivities"/>, unchanged: a job feeds it the stored files and
/// records what it yields.
/// </summary>
public static class ImportJobs
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Done = "done";
    public const string Cancelled = "cancelled";
    public const string Failed = "failed";

    /// <summary>Results per page in <see cref="GetAsync"/> (the API's default; at most <see cref="MaxPageSize"/>).</summary>
    public const int DefaultPageSize = 100;

    public const int MaxPageSize = 500;

    /// <summary>An upload to keep for a job: its name and a way to open its bytes.</summary>
    public sealed record NewFile(string FileName, Func<Stream> Open);

    /// <summary>One entry's outcome as the API shows it.</summary>
    public sealed record EntryResult(
        string Path,
        ImportActivities.FileStatus Status,
        long? ActivityId,
        string? Error,
        string? Sport,
        DateTime? StartTime,
        double? DistanceMeters,
        IReadOnlyList<string> Warnings);

    /// <summary>A job's progress and a page of its results.</summary>
    /// <param name="EntriesTotal">Entries in the upload (zip members, or 1 a file) when known; never below <paramref name="EntriesDone"/>.</param>
    /// <param name="NextPage">The next page of results, when there are more.</param>
    public sealed record Response(
        long Id,
        string State,
        bool CancelRequested,
        int EntriesDone,
        int? EntriesTotal,
        int Imported,
        int Duplicates,
        int Failed,
        int Skipped,
        IReadOnlyList<string> Files,
        DateTime CreatedAt,
        DateTime? StartedAt,
        DateTime? FinishedAt,
        int Runs,
        string? Error,
        int Page,
        int PageSize,
        int? NextPage,
        IReadOnlyList<EntryResult> Results)
    {
        /// <summary>Done, cancelled or failed: nothing more will happen.</summary>
        public bool Finished => State is Done or Cancelled or ImportJobs.Failed;
    }

    /// <summary>A line of the runner's job list.</summary>
    public sealed record Summary(long Id, string State, int EntriesDone, int? EntriesTotal, IReadOnlyList<string> Files, DateTime CreatedAt, DateTime? FinishedAt);

    /// <summary>
    /// Stores the uploads as a queued job of <paramref name="runner"/> and returns its id; the caller then schedules it.
    /// Each upload is read once, gzip-compressed into its row; zip members are counted for the progress's total.
    /// </summary>
    public static async Task<long> CreateAsync(
        RunStrongDbContext db, ICurrentRunner runner, TimeProvider clock, IReadOnlyList<NewFile> files, DateOnly? dateForFilesWithoutTimes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(files);
        if (files.Count == 0)
        {
            throw new UserInputException("files", "files: the import holds no files; send one or more FIT, GPX, TCX or zip files");
        }

        var owner = runner.RunnerId;
        var job = new ImportJob
        {
            OwnerId = owner,
            State = Queued,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            DateForFilesWithoutTimes = dateForFilesWithoutTimes,
            ActivityIdWatermark = await db.Activities.IgnoreQueryFilters().MaxAsync(a => (long?)a.Id, cancellationToken) ?? 0,
        };
        var expected = 0;
        for (var i = 0; i < files.Count; i++)
        {
            var name = string.IsNullOrWhiteSpace(files[i].FileName) ? "(unnamed upload)" : System.IO.Path.GetFileName(files[i].FileName);
            byte[] content;
            using (var stream = files[i].Open())
            using (var buffer = new MemoryStream())
            {
                await stream.CopyToAsync(buffer, cancellationToken);
                content = buffer.ToArray();
            }

            expected += CountEntries(content);
            job.Files.Add(new ImportJobFile { OwnerId = owner, Position = i, FileName = Clip(name, 500), Length = content.Length, GzipContent = Gzip(content) });
        }

        job.EntriesExpected = expected;
        db.ImportJobs.Add(job);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return job.Id;
    }

    /// <summary>A job's progress, counts and a page of its results (1-based <paramref name="page"/>); another runner's job is not found.</summary>
    public static async Task<Response> GetAsync(RunStrongDbContext db, ICurrentRunner runner, long id, int page = 1, int pageSize = DefaultPageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(runner);
        if (page < 1)
        {
            throw new UserInputException("page", $"page: {page} is not a page; pages start at 1");
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            throw new UserInputException("pageSize", $"pageSize: {pageSize} is out of range; give 1 to {MaxPageSize}");
        }

        var owner = runner.RunnerId;
        var job = await db.ImportJobs.AsNoTracking().Where(j => j.Id == id && j.OwnerId == owner).FirstOrDefaultAsync(cancellationToken)
            ?? throw NotFound(id);
        var files = await db.ImportJobFiles.AsNoTracking().Where(f => f.JobId == id && f.OwnerId == owner).OrderBy(f => f.Position)
            .Select(f => f.FileName).ToListAsync(cancellationToken);
        var counts = await db.ImportJobResults.AsNoTracking().Where(r => r.JobId == id && r.OwnerId == owner)
            .GroupBy(r => r.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        int Count(ImportActivities.FileStatus status) => counts.FirstOrDefault(c => c.Status == StatusName(status))?.Count ?? 0;
        var done = counts.Sum(c => c.Count);
        var rows = await db.ImportJobResults.AsNoTracking().Where(r => r.JobId == id && r.OwnerId == owner).OrderBy(r => r.Id)
            .Skip((page - 1) * pageSize).Take(pageSize + 1).ToListAsync(cancellationToken);
        var finished = job.State is Done or Cancelled or Failed;
        int? total = job.State == Done ? done : job.EntriesExpected is { } expected ? Math.Max(expected, done) : null;
        return new Response(
            job.Id, job.State, job.CancelRequested, done, total,
            Count(ImportActivities.FileStatus.Imported), Count(ImportActivities.FileStatus.Duplicate),
            Count(ImportActivities.FileStatus.Failed), Count(ImportActivities.FileStatus.Skipped),
            files, job.CreatedAt, job.StartedAt, job.FinishedAt, job.Runs, job.Error,
            page, pageSize, rows.Count > pageSize ? page + 1 : null,
            rows.Take(pageSize).Select(ToEntry).ToList());
    }

    /// <summary>The runner's jobs, newest first (at most 100).</summary>
    public static async Task<IReadOnlyList<Summary>> ListAsync(RunStrongDbContext db, ICurrentRunner runner, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(runner);
        var owner = runner.RunnerId;
        var jobs = await db.ImportJobs.AsNoTracking().Where(j => j.OwnerId == owner).OrderByDescending(j => j.Id).Take(100)
            .Select(j => new
            {
                j.Id,
                j.State,
                j.EntriesExpected,
                Done = db.ImportJobResults.Count(r => r.JobId == j.Id),
                j.CreatedAt,
                j.FinishedAt,
            }).ToListAsync(cancellationToken);
        var ids = jobs.Select(j => j.Id).ToList();
        var names = (await db.ImportJobFiles.AsNoTracking().Where(f => ids.Contains(f.JobId)).OrderBy(f => f.Position)
            .Select(f => new { f.JobId, f.FileName }).ToListAsync(cancellationToken)).ToLookup(f => f.JobId, f => f.FileName);
        return jobs.Select(j => new Summary(j.Id, j.State, j.Done,
            j.State == Done ? j.Done : j.EntriesExpected is { } e ? Math.Max(e, j.Done) : null, names[j.Id].ToList(), j.CreatedAt, j.FinishedAt)).ToList();
    }

    /// <summary>
    /// Asks the job to stop: a queued job is cancelled at once; a running one stops after the file it is on, on whichever
    /// node runs it (it checks between files). Cancelling a finished job changes nothing. Returns the job's state.
    /// </summary>
    public static async Task<string> CancelAsync(RunStrongDbContext db, ICurrentRunner runner, TimeProvider clock, long id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(runner);
        var owner = runner.RunnerId;
        var now = clock.GetUtcNow().UtcDateTime;
        var found = await db.ImportJobs.Where(j => j.Id == id && j.OwnerId == owner && (j.State == Queued || j.State == Running))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.CancelRequested, true), cancellationToken);
        if (found > 0)
        {
            // Not started yet (or not picked up again after a restart): nothing will run it, so it is cancelled now.
            await db.ImportJobs.Where(j => j.Id == id && j.OwnerId == owner && j.State == Queued && j.RunClaim == null)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, Cancelled).SetProperty(j => j.FinishedAt, now), cancellationToken);
        }

        return await db.ImportJobs.Where(j => j.Id == id && j.OwnerId == owner).Select(j => j.State).FirstOrDefaultAsync(cancellationToken)
            ?? throw NotFound(id);
    }

    /// <summary>Jobs not finished (queued, or running when their node stopped): a starting node makes sure each is scheduled.</summary>
    public static async Task<IReadOnlyList<long>> UnfinishedAsync(RunStrongDbContext db, CancellationToken cancellationToken = default) =>
        await db.ImportJobs.IgnoreQueryFilters().Where(j => j.State == Queued || j.State == Running).OrderBy(j => j.Id)
            .Select(j => j.Id).ToListAsync(cancellationToken);

    /// <summary>How a run ended.</summary>
    public enum RunOutcome
    {
        /// <summary>Every entry has its result.</summary>
        Done,

        /// <summary>The runner cancelled it.</summary>
        Cancelled,

        /// <summary>Stopped because the node is shutting down; run it again to finish (results so far are kept).</summary>
        Interrupted,

        /// <summary>Nothing to do: the job is finished, gone, or another run holds it.</summary>
        NotRun,
    }

    /// <summary>
    /// Runs (or resumes) job <paramref name="id"/> on <paramref name="target"/>. Results already recorded are kept; an
    /// entry whose activity this job stored before a crash cut it off comes back from the import as a duplicate of that
    /// very activity and is recorded as the import it was (never counted twice, never shown as a duplicate).
    /// <paramref name="stopping"/> is the node's shutdown: the run stops between files and leaves the job to be run again.
    /// </summary>
    public static async Task<RunOutcome> RunAsync(DatabaseTarget target, TimeProvider clock, long id, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(clock);
        var claim = Guid.NewGuid();
        ImportJob job;
        List<(long Id, string FileName)> files;
        await using (var admin = DataServices.CreateContext(target))
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var claimed = await admin.ImportJobs.Where(j => j.Id == id && (j.State == Queued || j.State == Running) && !j.CancelRequested)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(j => j.State, Running)
                    .SetProperty(j => j.RunClaim, claim)
                    .SetProperty(j => j.Runs, j => j.Runs + 1)
                    .SetProperty(j => j.StartedAt, j => j.StartedAt ?? now), stopping);
            if (claimed == 0)
            {
                // Cancelled while queued: say so, if nobody has yet.
                await admin.ImportJobs.Where(j => j.Id == id && (j.State == Queued || j.State == Running) && j.CancelRequested)
                    .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, Cancelled).SetProperty(j => j.FinishedAt, now), stopping);
                return RunOutcome.NotRun;
            }

            job = await admin.ImportJobs.AsNoTracking().FirstAsync(j => j.Id == id, stopping);
            // The files' names only: each file's bytes are read when the import comes to it.
            files = await admin.ImportJobFiles.AsNoTracking().Where(f => f.JobId == id).OrderBy(f => f.Position)
                .Select(f => new { f.Id, f.FileName }).ToListAsync(stopping)
                is var rows ? rows.Select(f => (f.Id, f.FileName)).ToList() : [];
        }

        var runner = new JobRunner(job.OwnerId);
        await using var results = DataServices.CreateContext(target, runner);
        var recorder = new Recorder(results, job, claim);
        await recorder.LoadAsync(stopping);

        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var uploads = files.Select(f => new ImportActivities.Upload(f.FileName, () => OpenStoredFile(target, runner, f.Id))).ToList();
        // The import's own context: its batches are saved and cleared there, apart from the results written beside it.
        await using var importDb = DataServices.CreateContext(target, runner);
        try
        {
            await foreach (var result in ImportActivities.FromUploadsAsync(
                importDb, runner, clock, uploads, new ImportActivities.Options(job.DateForFilesWithoutTimes), cancel.Token).WithCancellation(cancel.Token))
            {
                await recorder.AddAsync(result, stopping);
                if (recorder.State is Recorder.Check.Cancelled or Recorder.Check.Lost)
                {
                    await cancel.CancelAsync();
                }
            }

            await recorder.FlushAsync(stopping);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            // The runner cancelled, another run took the job over, or the node is stopping: what was saved is whole
            // (the import saves in transactions), and the results so far are recorded below.
            await recorder.FlushAsync(CancellationToken.None);
        }

        if (recorder.State == Recorder.Check.Lost)
        {
            return RunOutcome.NotRun;
        }

        var outcome = recorder.State == Recorder.Check.Cancelled ? RunOutcome.Cancelled
            : stopping.IsCancellationRequested ? RunOutcome.Interrupted
            : RunOutcome.Done;
        if (outcome != RunOutcome.Interrupted)
        {
            // The weeks the import touched (after a whole export, every week of years) are rolled up here, in the
            // background, before the job says it is done: the runner's first dashboard after it does not wait for them.
            // Another request rolling them up at the same moment is fine: whichever writes, nothing is lost.
            await using var rollups = DataServices.CreateContext(target, runner);
            await Rollups.RunnerRollups.TryRefreshAsync(rollups, job.OwnerId, CancellationToken.None);
        }

        var finishedAt = clock.GetUtcNow().UtcDateTime;
        await using var end = DataServices.CreateContext(target);
        var ending = end.ImportJobs.Where(j => j.Id == id && j.RunClaim == claim);
        if (outcome == RunOutcome.Interrupted)
        {
            // Left running, unclaimed: the next run (this node's restart, or another node) picks it up where it was.
            await ending.ExecuteUpdateAsync(s => s.SetProperty(j => j.RunClaim, (Guid?)null), CancellationToken.None);
        }
        else
        {
            var state = outcome == RunOutcome.Done ? Done : Cancelled;
            await ending.ExecuteUpdateAsync(s => s.SetProperty(j => j.State, state).SetProperty(j => j.FinishedAt, finishedAt).SetProperty(j => j.RunClaim, (Guid?)null), CancellationToken.None);
        }

        return outcome;
    }

    /// <summary>Marks a job failed (its run threw what it could not handle); the runner sees why.</summary>
    public static async Task FailAsync(DatabaseTarget target, TimeProvider clock, long id, string why)
    {
        await using var db = DataServices.CreateContext(target);
        var now = clock.GetUtcNow().UtcDateTime;
        await db.ImportJobs.Where(j => j.Id == id && (j.State == Queued || j.State == Running))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, Failed).SetProperty(j => j.FinishedAt, now).SetProperty(j => j.Error, Clip(why, 2000)).SetProperty(j => j.RunClaim, (Guid?)null));
    }

    /// <summary>
    /// Writes a run's results in small transactions, each checking that this run still holds the job (a row lock on the
    /// job, so a run that lost it to another node writes nothing more) and whether the runner cancelled.
    /// </summary>
    private sealed class Recorder(RunStrongDbContext db, ImportJob job, Guid claim)
    {
        public enum Check
        {
            Going,
            Cancelled,
            Lost,
        }

        private const int FlushEvery = 10;

        private static readonly TimeSpan FlushAfter = TimeSpan.FromMilliseconds(300);

        private readonly Dictionary<(string Path, int Occurrence), string> _recorded = [];

        private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);

        private readonly HashSet<long> _importedIds = [];

        private readonly List<ImportJobResult> _pending = [];

        private readonly Stopwatch _sinceFlush = Stopwatch.StartNew();

        public Check State { get; private set; } = Check.Going;

        public async Task LoadAsync(CancellationToken cancellationToken)
        {
            foreach (var row in await db.ImportJobResults.AsNoTracking().Where(r => r.JobId == job.Id)
                .Select(r => new { r.Path, r.Occurrence, r.Status, r.ActivityId }).ToListAsync(cancellationToken))
            {
                _recorded[(row.Path, row.Occurrence)] = row.Status;
                if (row.Status == StatusName(ImportActivities.FileStatus.Imported) && row.ActivityId is { } activity)
                {
                    _importedIds.Add(activity);
                }
            }
        }

        public async Task AddAsync(ImportActivities.FileResult result, CancellationToken cancellationToken)
        {
            var path = Clip(result.Path, 2000);
            var occurrence = _seen.TryGetValue(path, out var n) ? n : 0;
            _seen[path] = occurrence + 1;
            if (_recorded.ContainsKey((path, occurrence)))
            {
                // Recorded by an earlier run: that result stands (this run sees the entry again as a duplicate of itself).
                return;
            }

            var entry = ToRow(result, path, occurrence);
            if (result is { Status: ImportActivities.FileStatus.Duplicate, ActivityId: { } existing } && existing > job.ActivityIdWatermark && !_importedIds.Contains(existing))
            {
                // A duplicate of an activity stored after this job began, from this very entry: an earlier run saved it and
                // was cut off before recording its result. It is this entry's import, not a duplicate.
                var own = await db.Activities.AsNoTracking().Where(a => a.Id == existing && a.OwnerId == job.OwnerId && a.SourcePath == path)
                    .Select(a => new { a.Sport, a.StartTime, a.DistanceMeters }).FirstOrDefaultAsync(cancellationToken);
                if (own is not null)
                {
                    entry.Status = StatusName(ImportActivities.FileStatus.Imported);
                    entry.Error = null;
                    entry.Sport = own.Sport;
                    entry.StartTime = own.StartTime;
                    entry.DistanceMeters = own.DistanceMeters;
                }
            }

            if (entry.Status == StatusName(ImportActivities.FileStatus.Imported) && entry.ActivityId is { } id)
            {
                _importedIds.Add(id);
            }

            _recorded[(path, occurrence)] = entry.Status;
            _pending.Add(entry);
            if (_pending.Count >= FlushEvery || _sinceFlush.Elapsed >= FlushAfter)
            {
                await FlushAsync(cancellationToken);
            }
        }

        public async Task FlushAsync(CancellationToken cancellationToken)
        {
            _sinceFlush.Restart();
            if (State == Check.Lost)
            {
                return;
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // Touching the job's row holds it until commit: a node taking the job over waits, then this run sees it gone.
            var held = await db.ImportJobs.IgnoreQueryFilters().Where(j => j.Id == job.Id && j.RunClaim == claim)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.RunClaim, claim), cancellationToken);
            if (held == 0)
            {
                State = Check.Lost;
                _pending.Clear();
                return;
            }

            if (_pending.Count > 0)
            {
                db.ImportJobResults.AddRange(_pending);
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
                _pending.Clear();
            }

            var cancelled = await db.ImportJobs.IgnoreQueryFilters().Where(j => j.Id == job.Id).Select(j => j.CancelRequested).FirstAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            if (cancelled)
            {
                State = Check.Cancelled;
            }
        }

        private ImportJobResult ToRow(ImportActivities.FileResult result, string path, int occurrence) => new()
        {
            JobId = job.Id,
            OwnerId = job.OwnerId,
            Path = path,
            Occurrence = occurrence,
            Status = StatusName(result.Status),
            ActivityId = result.ActivityId,
            Error = result.Error,
            Sport = result.Sport is null ? null : Clip(result.Sport, 30),
            StartTime = result.StartTime is { } start && start > DateTime.MinValue ? DateTime.SpecifyKind(start, DateTimeKind.Utc) : null,
            DistanceMeters = result.DistanceMeters,
            WarningsJson = result.Warnings is { Count: > 0 } warnings ? JsonSerializer.Serialize(warnings) : null,
        };
    }

    private sealed class JobRunner(Guid id) : ICurrentRunner
    {
        public Guid RunnerId => id;
    }

    private static GZipStream OpenStoredFile(DatabaseTarget target, IOwnerScope owner, long fileId)
    {
        using var db = DataServices.CreateContext(target, owner);
        var gzip = db.ImportJobFiles.AsNoTracking().Where(f => f.Id == fileId).Select(f => f.GzipContent).First();
        return new GZipStream(new MemoryStream(gzip), CompressionMode.Decompress);
    }

    private static EntryResult ToEntry(ImportJobResult row) => new(
        row.Path,
        Enum.Parse<ImportActivities.FileStatus>(row.Status, ignoreCase: true),
        row.ActivityId,
        row.Error,
        row.Sport,
        row.StartTime is { } start ? DateTime.SpecifyKind(start, DateTimeKind.Utc) : null,
        row.DistanceMeters,
        row.WarningsJson is { } json ? JsonSerializer.Deserialize<List<string>>(json) ?? [] : []);

    /// <summary>The stored name of a status: imported, duplicate, failed, skipped.</summary>
    public static string StatusName(ImportActivities.FileStatus status) => status.ToString().ToLowerInvariant();

    internal static UserInputException NotFound(long id) => new("id", $"import {id}: no such import", notFound: true);

    /// <summary>Entries an upload holds for the progress's total: a zip's files (not folders), else 1.</summary>
    private static int CountEntries(byte[] content)
    {
        if (content.Length < 4 || content[0] != 0x50 || content[1] != 0x4B)
        {
            return 1;
        }

        try
        {
            using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
            return Math.Max(1, zip.Entries.Count(e => !e.FullName.EndsWith('/')));
        }
        catch (InvalidDataException)
        {
            return 1;
        }
    }

    private static byte[] Gzip(byte[] content)
    {
        using var output = new MemoryStream(content.Length / 2 + 64);
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(content);
        }

        return output.ToArray();
    }

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..length];
}
