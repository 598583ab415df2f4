using System.IO.Compression;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RunStrong.Data;
using RunStrong.Features.Common;

namespace RunStrong.Features.Portability;

/// <summary>
/// Everything the current runner owns as a zip: <c>runstrong-export.json</c> (plans, strength sessions with their
/// sets, soreness check-ins, activities) and <c>activities/&lt;id&gt;-&lt;filename&gt;</c>, each activity's original
/// file as the runner gave it. The shared exercise catalogue is not the runner's and is not exported; calendar
/// tokens are secrets of this server and are not exported either. docs/data-export.md describes the format.
/// The zip is written straight to the output stream, one activity file at a time.
/// </summary>
public static class ExportRunnerData
{
    public const string Format = "runstrong-export";

    public const int Version = 1;

    public const string JsonEntry = "runstrong-export.json";

    public const string ActivitiesFolder = "activities/";

    /// <summary>How many rows of each kind went into the zip.</summary>
    public sealed record Summary(int Plans, int StrengthSessions, int Sets, int SorenessCheckIns, int Activities, int ActivityFiles);

    /// <summary>The whole <c>runstrong-export.json</c>. Ids are this export's own; references (planId, file) use them.</summary>
    public sealed record Document(
        string Format,
        int Version,
        DateTime ExportedAt,
        IReadOnlyList<PlanItem> Plans,
        IReadOnlyList<StrengthSessionItem> StrengthSessions,
        IReadOnlyList<SorenessItem> SorenessCheckIns,
        IReadOnlyList<ActivityItem> Activities,
        HeartRateItem? HeartRate = null,
        PreferencesItem? Preferences = null,
        IReadOnlyList<SessionLogItem>? SessionLogs = null,
        IReadOnlyList<GarminMappingItem>? GarminMappings = null);

    /// <summary>The runner's answer to "which exercise is this Garmin name?"; absent in exports made before they were exported.</summary>
    public sealed record GarminMappingItem(string GarminExercise, string ExerciseSlug, string VariantSlug, DateTime CreatedAt);

    /// <summary>A logged hill-sprint or drills session; absent in exports made before they existed.</summary>
    public sealed record SessionLogItem(
        DateOnly Date, long? PlanId, string PlannedSessionKey, string Kind, string Status, int? Reps, int? Seconds, double? GradePercent, string? Notes,
        DateTime CreatedAt, DateTime UpdatedAt);

    /// <summary>The runner's units and time zone (Settings); absent in exports made before they existed.</summary>
    public sealed record PreferencesItem(string? DistanceUnit, string? WeightUnit, string? TimeZone);

    /// <summary>The runner's heart rates for Banister TRIMP (Settings); absent in exports made before they existed.</summary>
    public sealed record HeartRateItem(int? RestingHeartRate, int? MaxHeartRate, string? TrimpWeighting);

    /// <param name="Profile">The runner profile in the plan JSON shape (RunnerProfileJson), as a JSON string.</param>
    public sealed record PlanItem(long Id, string Name, string Profile, DateOnly StartDate, int? Weeks, bool IsDemo, DateTime CreatedAt, DateTime UpdatedAt);

    /// <param name="SourceActivityId">For a session read from a watch: its activity (<c>activities[].id</c>); null when logged by hand.</param>
    /// <param name="MergeWithSessionId">
    /// For a watch session still waiting for the runner's choice: the hand-logged session (<c>strengthSessions[].id</c>)
    /// it waits against; while set, it counts for nothing.
    /// </param>
    public sealed record StrengthSessionItem(
        long Id, DateOnly Date, long? PlanId, string? PlannedSessionKey, double? SessionRpe, double? DurationMinutes, string? Notes,
        bool IsDemo, DateTime CreatedAt, IReadOnlyList<SetItem> Sets, long? SourceActivityId = null, long? MergeWithSessionId = null);

    /// <param name="GarminExercise">For a set read from a watch: the exercise as the watch named it (<c>category/name</c>).</param>
    public sealed record SetItem(
        int Position, string ExerciseSlug, string VariantSlug, int Reps, double? LoadValue, string? LoadUnit, string? Band,
        int? Seconds, double? Rpe, int? RepsInReserve, bool Pain, bool Completed, string? GarminExercise = null);

    public sealed record SorenessItem(DateOnly Date, string Area, int Score, string? Notes, bool IsDemo, DateTime CreatedAt);

    /// <param name="File">The zip entry holding the original file (<c>activities/12-morning-run.fit</c>), null for a hand-entered run.</param>
    /// <param name="FileName">The stored file name, null without a file.</param>
    public sealed record ActivityItem(
        long Id, string Format, string Sport, string? SubSport, DateTime StartTime, string? Name, string? Description,
        double DistanceMeters, double ElapsedSeconds, double MovingSeconds, double AscentMeters, double DescentMeters,
        double? AverageHeartRate, double? MaxHeartRate, int RecordCount, string ContentHash, string SourcePath, string SummaryJson,
        DateTime ImportedAt, string? RunType, double? Rpe, bool IsDemo, string? File, string? FileName, DateOnly? LocalDate = null, DateOnly? PlannedFor = null);

    private static async Task<HeartRateItem?> HeartRateAsync(RunStrongDbContext db, ICurrentRunner runner, CancellationToken cancellationToken)
    {
        var settings = await Settings.RunnerSettings.GetAsync(db, runner, cancellationToken);
        return settings == Settings.HeartRateSettings.None
            ? null
            : new HeartRateItem(settings.RestingHeartRate, settings.MaxHeartRate, settings.TrimpWeighting is { } w ? Domain.Catalogue.Kebab.Name(w) : null);
    }

    /// <summary>Writes the runner's data as a zip to <paramref name="output"/> (which need not be seekable).</summary>
    public static async Task<Summary> WriteAsync(RunStrongDbContext db, ICurrentRunner runner, TimeProvider clock, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(clock);
        var owner = runner.RunnerId;

        var plans = await db.Plans.AsNoTracking().Where(p => p.OwnerId == owner).OrderBy(p => p.Id)
            .Select(p => new PlanItem(p.Id, p.Name, p.ProfileJson, p.StartDate, p.Weeks, p.IsDemo, p.CreatedAt, p.UpdatedAt))
            .ToListAsync(cancellationToken);
        var sessions = await db.StrengthSessions.AsNoTracking().Where(s => s.OwnerId == owner).OrderBy(s => s.Id)
            .Select(s => new StrengthSessionItem(s.Id, s.Date, s.PlanId, s.PlannedSessionKey, s.SessionRpe, s.DurationMinutes, s.Notes, s.IsDemo, s.CreatedAt,
                s.Sets.OrderBy(x => x.Position).Select(x => new SetItem(x.Position, x.ExerciseSlug, x.VariantSlug, x.Reps, x.LoadValue, x.LoadUnit, x.Band,
                    x.Seconds, x.Rpe, x.RepsInReserve, x.Pain, x.Completed, x.GarminExercise)).ToList(),
                s.SourceActivityId, s.MergeWithSessionId))
            .ToListAsync(cancellationToken);
        var soreness = await db.SorenessCheckIns.AsNoTracking().Where(c => c.OwnerId == owner).OrderBy(c => c.Id)
            .Select(c => new SorenessItem(c.Date, c.Area, c.Score, c.Notes, c.IsDemo, c.CreatedAt))
            .ToListAsync(cancellationToken);

        // Metadata only here; the files (the bulk) are read one at a time below.
        var activities = await db.Activities.AsNoTracking().Where(a => a.OwnerId == owner).OrderBy(a => a.Id)
            .Select(a => new
            {
                Item = new ActivityItem(a.Id, a.Format, a.Sport, a.SubSport, a.StartTime, a.Name, a.Description, a.DistanceMeters, a.ElapsedSeconds,
                    a.MovingSeconds, a.AscentMeters, a.DescentMeters, a.AverageHeartRate, a.MaxHeartRate, a.RecordCount, a.ContentHash, a.SourcePath,
                    a.SummaryJson, a.ImportedAt, a.RunType, a.Rpe, a.IsDemo, null, null, a.LocalDate, a.PlannedFor),
                FileName = db.ActivityFiles.Where(f => f.ActivityId == a.Id).Select(f => f.FileName).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var items = activities
            .Select(a => a.FileName is null ? a.Item : a.Item with { File = EntryName(a.Item.Id, a.FileName), FileName = a.FileName })
            .ToList();

        var document = new Document(Format, Version, clock.GetUtcNow().UtcDateTime,
            plans.Select(p => p with { CreatedAt = Utc(p.CreatedAt), UpdatedAt = Utc(p.UpdatedAt) }).ToList(),
            sessions.Select(s => s with { CreatedAt = Utc(s.CreatedAt) }).ToList(),
            soreness.Select(c => c with { CreatedAt = Utc(c.CreatedAt) }).ToList(),
            items.Select(a => a with { StartTime = Utc(a.StartTime), ImportedAt = Utc(a.ImportedAt) }).ToList(),
            await HeartRateAsync(db, runner, cancellationToken),
            await db.Runners.Where(r => r.Id == runner.RunnerId).Select(r => new PreferencesItem(r.DistanceUnit, r.WeightUnit, r.TimeZone)).FirstOrDefaultAsync(cancellationToken),
            (await db.SessionLogs.AsNoTracking().Where(l => l.OwnerId == owner).OrderBy(l => l.Id)
                .Select(l => new SessionLogItem(l.Date, l.PlanId, l.PlannedSessionKey, l.Kind, l.Status, l.Reps, l.Seconds, l.GradePercent, l.Notes, l.CreatedAt, l.UpdatedAt))
                .ToListAsync(cancellationToken)).Select(l => l with { CreatedAt = Utc(l.CreatedAt), UpdatedAt = Utc(l.UpdatedAt) }).ToList(),
            (await db.GarminExerciseMappings.AsNoTracking().Where(m => m.OwnerId == owner).OrderBy(m => m.Id)
                .Select(m => new GarminMappingItem(m.GarminExercise, m.ExerciseSlug, m.VariantSlug, m.CreatedAt))
                .ToListAsync(cancellationToken)).Select(m => m with { CreatedAt = Utc(m.CreatedAt) }).ToList());

        // ZipArchive still makes some synchronous writes (an entry's end), which a web response refuses: it writes into a
        // small buffer that is passed on asynchronously after each entry, so at most one entry is held in memory.
        var files = 0;
        var spool = new EntrySpool(output);
        await using (var zip = await ZipArchive.CreateAsync(spool, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, cancellationToken))
        {
            var jsonEntry = zip.CreateEntry(JsonEntry, CompressionLevel.Optimal);
            await using (var json = await jsonEntry.OpenAsync(cancellationToken))
            {
                await JsonSerializer.SerializeAsync(json, document, RunStrongJson.Indented, cancellationToken);
            }

            await spool.PassOnAsync(cancellationToken);

            foreach (var activity in document.Activities.Where(a => a.File is not null))
            {
                var gzip = await db.ActivityFiles.AsNoTracking()
                    .Where(f => f.ActivityId == activity.Id && f.OwnerId == owner)
                    .Select(f => f.GzipContent)
                    .FirstAsync(cancellationToken);

                // FIT files are already dense; text formats compress well.
                var entry = zip.CreateEntry(activity.File!, activity.Format == "fit" ? CompressionLevel.Fastest : CompressionLevel.Optimal);
                await using (var target = await entry.OpenAsync(cancellationToken))
                await using (var source = new GZipStream(new MemoryStream(gzip), CompressionMode.Decompress))
                {
                    await source.CopyToAsync(target, cancellationToken);
                }

                await spool.PassOnAsync(cancellationToken);
                files++;
            }
        }

        await spool.PassOnAsync(cancellationToken);

        return new Summary(document.Plans.Count, document.StrengthSessions.Count, document.StrengthSessions.Sum(s => s.Sets.Count),
            document.SorenessCheckIns.Count, document.Activities.Count, files);
    }

    /// <summary>The zip entry for an activity's original: <c>activities/&lt;id&gt;-&lt;filename&gt;</c>, the name made safe for any file system.</summary>
    public static string EntryName(long id, string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        var safe = new string(name.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_').ToArray());
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{ActivitiesFolder}{id}-{(safe.Length == 0 ? "activity" : safe)}");
    }

    /// <summary>The suggested download name, with the day: <c>runstrong-export-2026-11-30.zip</c>.</summary>
    public static string DownloadName(TimeProvider clock) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"runstrong-export-{clock.GetUtcNow().UtcDateTime:yyyy-MM-dd}.zip");

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}

/// <summary>A write-only, forward-only stream that holds what was written until <see cref="PassOnAsync"/> sends it on.</summary>
internal sealed class EntrySpool(Stream output) : Stream
{
    private readonly MemoryStream _held = new();
    private long _written;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _written;
        set => throw new NotSupportedException();
    }

    public async Task PassOnAsync(CancellationToken cancellationToken)
    {
        if (_held.Length == 0)
        {
            return;
        }

        await output.WriteAsync(_held.GetBuffer().AsMemory(0, (int)_held.Length), cancellationToken);
        await output.FlushAsync(cancellationToken);
        _held.SetLength(0);
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        _held.Write(buffer, offset, count);
        _written += count;
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _held.Write(buffer);
        _written += buffer.Length;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer, offset, count);
        return Task.CompletedTask;
    }

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _held.Dispose();
        }

        base.Dispose(disposing);
    }
}
